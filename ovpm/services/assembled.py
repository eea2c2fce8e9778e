"""What a revision takes from the data when it is submitted, so that it stays as it was read:
a progress report the indicator values of its period; an evaluation the results of every
indicator; a contribution to the New Urban Project the network, its cities, the public action
plan, its pilot projects and their results, and its evaluation's lessons and recommendations.
(No budget figure is ever taken.)"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from decimal import Decimal

from ovpm.domain.congress import Assembled, Evaluation, IndicatorResult, ProjectPart
from ovpm.domain.deliverables import PriorityProblemSheet
from ovpm.domain.indicators import latest, progress
from ovpm.domain.networks import ActionPlan
from ovpm.domain.pilot_projects import ProgressReport, Project, ProjectDefinition, ReportValue
from ovpm.domain.submissions import Submission, SubmissionKind
from ovpm.store import networks, pilot_projects, submissions


def frozen(cur, submission: Submission, content):
    """The content to freeze into the submitted revision (also what a working copy would
    freeze now: the screen and PDF of a draft show it)."""
    if submission.kind == SubmissionKind.PROGRESS_REPORT:
        return _report_values(cur, submission, content)
    if submission.kind == SubmissionKind.PROJECT_EVALUATION:
        project_id = pilot_projects.of_submission(cur, submission.id)
        return dataclasses.replace(
            content, results=results(cur, [pilot_projects.get(cur, project_id)])
        )
    if submission.kind == SubmissionKind.NETWORK_EVALUATION:
        found = pilot_projects.every(cur, submission.network_id)
        return dataclasses.replace(content, results=results(cur, found))
    if submission.kind == SubmissionKind.CONTRIBUTION:
        return dataclasses.replace(content, assembled=assemble(cur, submission.network_id))
    return content


def _number(value) -> str:
    return "" if value is None else f"{value.normalize():f}"


def _report_values(cur, submission: Submission, content: ProgressReport) -> ProgressReport:
    project_id = pilot_projects.of_submission(cur, submission.id)
    names = {i.id: i for i in pilot_projects.indicators(cur, project_id)}
    values = tuple(
        ReportValue(
            names[m.indicator_id].name,
            names[m.indicator_id].unit,
            m.measured_on,
            _number(m.value),
            m.source,
        )
        for m in pilot_projects.measures(cur, project_id)
        if content.period_start <= m.measured_on <= content.period_end
    )
    return dataclasses.replace(content, values=values)


def results(cur, projects: list[Project]) -> tuple[IndicatorResult, ...]:
    """Every indicator of the projects with its baseline, target, latest value and progress."""
    if not projects:
        return ()
    found = []
    one = projects[0].id if len(projects) == 1 else None  # else every project's, in one query
    values_of = defaultdict(list)
    for measure in pilot_projects.measures(cur, one):
        values_of[measure.indicator_id].append(measure)
    indicators_of = defaultdict(list)
    for indicator in pilot_projects.indicators(cur, one):
        indicators_of[indicator.project_id].append(indicator)
    for project in projects:
        for indicator in indicators_of[project.id]:
            own = values_of[indicator.id]
            last = latest(own)
            share = progress(indicator, own)
            found.append(
                IndicatorResult(
                    project.title,
                    indicator.name,
                    indicator.unit,
                    _number(indicator.baseline),
                    _number(indicator.target),
                    _number(last.value) if last else "",
                    last.measured_on.isoformat() if last else "",
                    _number(share.quantize(Decimal("0.0001"))) if share is not None else "",
                )
            )
    return tuple(found)


def assemble(cur, network_id: int) -> Assembled:
    """The contribution's part taken from the data, as it stands now."""
    network = networks.get(cur, network_id)
    problem_sheet = PriorityProblemSheet.from_dict(
        submissions.approved_content(cur, SubmissionKind.PRIORITY_PROBLEM, network_id)
    )
    problem = problem_sheet.priority_problem
    plan = ActionPlan.from_dict(
        submissions.approved_content(cur, SubmissionKind.ACTION_PLAN, network_id)
    ).public()
    evaluation = Evaluation.from_dict(
        submissions.approved_content(cur, SubmissionKind.NETWORK_EVALUATION, network_id)
    )
    names = {m.city_id: m.city_name for m in networks.members(cur, network_id)}
    cities = sorted(
        names[c] for c in networks.participating_city_ids(cur, network_id) if c in names
    )
    projects = pilot_projects.every(cur, network_id)
    definitions = submissions.shown_contents(cur, [p.definition_id for p in projects])
    parts = []
    for project in projects:
        definition = ProjectDefinition.from_dict(definitions[project.definition_id])
        parts.append(
            ProjectPart(
                project.title,
                project.city_name,
                str(project.status),
                definition.objectives,
                definition.expected_results,
            )
        )
    return Assembled(
        network.name,
        network.axis,
        network.theme,
        problem.title if problem else "",
        network.pilot_city_name,
        tuple(cities),
        plan.concept,
        plan.challenges,
        tuple(parts),
        results(cur, projects),
        evaluation.lessons,
        evaluation.recommendations,
    )
