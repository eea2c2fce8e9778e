"""Pilot projects through the services: started from the workshop's approved report or a
promoted seed keeping every field; the definition's review approves the project; indicators,
values and their import (all or nothing); the report schedule and overdue reports; the access
matrix."""

from datetime import date
from decimal import Decimal

import pytest

from ovpm import clock
from ovpm.domain.deliverables import PilotDraftReport
from ovpm.domain.diagnosis import SeedStatus
from ovpm.domain.errors import ImportRefused, PermissionDenied, ValidationError
from ovpm.domain.indicators import Direction, Indicator
from ovpm.domain.pilot_projects import (
    Origin,
    ProgressReport,
    ProjectDefinition,
    ProjectStatus,
    ReportState,
)
from ovpm.domain.submissions import content_of
from ovpm.services import diagnosis as diagnosis_service
from ovpm.services import indicators as indicator_service
from ovpm.services import pilot_projects as service
from ovpm.services import progress_reports as report_service
from ovpm.services import submissions as submission_service

WATER = 1  # "Living with water": Bordeaux pilots, Bruges takes part
DRAFT_REPORT = 21  # its report on the initial draft of the pilot project (changes requested)


def approve_draft_report(db, actors) -> PilotDraftReport:
    """The demo's report, submitted again by Bordeaux and approved by the Secretariat."""
    report = submission_service.get_submission(db, actors["bordeaux"], DRAFT_REPORT)
    content = content_of(report.kind, report.content)
    report = submission_service.submit(db, actors["bordeaux"], report.id, content, report.version)
    submission_service.approve(db, actors["secretariat"], report.id, report.version)
    return content


def launched_project(db, actors):
    """A project from the approved report, its definition approved, launched, with reports
    every 3 months."""
    approve_draft_report(db, actors)
    bordeaux, secretariat = actors["bordeaux"], actors["secretariat"]
    project_id = service.start_from_pilot_draft(db, bordeaux, DRAFT_REPORT)
    project = service.get_project(db, bordeaux, project_id)
    draft = submission_service.get_submission(db, bordeaux, project.definition_id)
    draft = submission_service.submit(
        db, bordeaux, draft.id, ProjectDefinition.from_dict(draft.content), draft.version
    )
    submission_service.approve(db, secretariat, draft.id, draft.version)
    project = service.get_project(db, bordeaux, project_id)
    assert project.status == ProjectStatus.APPROVED
    project = service.move(db, bordeaux, project.id, project.version, "launched")
    return service.set_schedule(db, secretariat, project.id, project.version, 3, ())


def test_a_project_from_the_approved_report_keeps_every_field(db, actors):
    content = approve_draft_report(db, actors)
    project_id = service.start_from_pilot_draft(db, actors["bordeaux"], DRAFT_REPORT)
    project = service.get_project(db, actors["bordeaux"], project_id)
    definition = service.definition(db, actors["bordeaux"], project)
    assert (definition.title, definition.objectives, definition.expected_results) == (
        content.project_title,
        content.objectives,
        content.expected_results,
    )
    assert definition.partners == content.partners and definition.timeline == content.timeline
    assert (definition.cost_estimate, definition.currency) == (
        content.cost_estimate,
        content.currency,
    )
    assert (project.origin, project.origin_id) == (Origin.PILOT_DRAFT, DRAFT_REPORT)
    assert project.status == ProjectStatus.PROPOSED and project.city_id == project.pilot_city_id
    indicators = indicator_service.states(db, actors["bordeaux"], project)
    assert [s.indicator.name for s in indicators] == [i.name for i in content.indicators]
    with pytest.raises(ValidationError):  # once per report
        service.start_from_pilot_draft(db, actors["bordeaux"], DRAFT_REPORT)


def test_a_report_not_approved_or_another_city_starts_nothing(db, actors):
    with pytest.raises(ValidationError) as refused:
        service.start_from_pilot_draft(db, actors["bordeaux"], DRAFT_REPORT)
    assert refused.value.errors[0].field == "origin"
    approve_draft_report(db, actors)
    with pytest.raises(PermissionDenied):
        service.start_from_pilot_draft(db, actors["bruges"], DRAFT_REPORT)


def test_a_project_from_a_promoted_seed_keeps_its_link(db, actors):
    secretariat = actors["secretariat"]
    process = diagnosis_service.process_of(db, secretariat, WATER, None)
    promoted = [
        s
        for s in diagnosis_service.seeds(db, secretariat, process)
        if s.status == SeedStatus.PROMOTED
    ]
    seed = promoted[0]
    bruges = actors["bruges"].city_id
    project_id = service.start_from_seed(db, actors["bordeaux"], seed.id, bruges)
    project = service.get_project(db, secretariat, project_id)
    definition = service.definition(db, secretariat, project)
    assert (definition.title, definition.objectives, definition.expected_results) == (
        seed.title,
        seed.need,
        seed.plan,
    )
    assert (project.origin, project.origin_id, project.city_id) == (Origin.SEED, seed.id, bruges)
    assert service.startable_seeds(db, secretariat) == []


def test_only_a_promoted_seed_and_a_city_of_the_network(db, actors):
    secretariat = actors["secretariat"]
    process = diagnosis_service.process_of(db, secretariat, WATER, None)
    seeds = diagnosis_service.seeds(db, secretariat, process)
    other = next(s for s in seeds if s.status != SeedStatus.PROMOTED)
    with pytest.raises(ValidationError):
        service.start_from_seed(db, secretariat, other.id, actors["bordeaux"].city_id)
    promoted = next(s for s in seeds if s.status == SeedStatus.PROMOTED)
    with pytest.raises(ValidationError) as refused:
        service.start_from_seed(db, secretariat, promoted.id, actors["cordoba"].city_id)
    assert refused.value.errors[0].field == "city"


def test_status_moves_that_make_no_sense_are_refused(db, actors):
    project = launched_project(db, actors)
    assert project.launched_on == clock.today()
    with pytest.raises(ValidationError):
        service.move(db, actors["bordeaux"], project.id, project.version, "proposed")
    with pytest.raises(PermissionDenied):  # a member reads, does not edit
        service.move(db, actors["bruges"], project.id, project.version, "under_way")
    with pytest.raises(PermissionDenied):  # the schedule is the Secretariat's
        service.set_schedule(db, actors["bordeaux"], project.id, project.version, 2, ())
    with pytest.raises(ValidationError):
        service.set_schedule(db, actors["secretariat"], project.id, project.version, 30, ())


def test_indicator_values_and_progress(db, actors):
    project = launched_project(db, actors)
    bordeaux = actors["bordeaux"]
    ident = indicator_service.save_indicator(
        db,
        bordeaux,
        project,
        Indicator(
            None, project.id, "Days closed", "days", Decimal(10), Decimal(4), Direction.LOWER
        ),
    )
    with pytest.raises(ValidationError):  # the target on the wrong side
        indicator_service.save_indicator(
            db,
            bordeaux,
            project,
            Indicator(None, project.id, "Visits", "", Decimal(10), Decimal(4), Direction.HIGHER),
        )
    measure = indicator_service.new_measure(ident, date(2024, 2, 1), "7", "Agency")
    indicator_service.add_measures(db, bordeaux, project, [measure])
    state = next(
        s for s in indicator_service.states(db, bordeaux, project) if s.indicator.id == ident
    )
    assert state.progress == Decimal("0.5")
    chart = indicator_service.chart(state, "fr")
    assert chart["datasets"]["rows"][0]["value"] == 7.0
    with pytest.raises(PermissionDenied):
        indicator_service.add_measures(db, actors["bruges"], project, [measure])


def test_an_import_with_one_bad_row_saves_nothing(db, actors):
    project = launched_project(db, actors)
    bordeaux = actors["bordeaux"]
    first = indicator_service.states(db, bordeaux, project)[0].indicator
    good = f"{first.name};2024-02-01;12;Survey\n"
    data = ("indicateur;date;valeur;source\n" + good + "Unknown;2024-13-01;x;\n").encode(
        "utf-8-sig"
    )
    with pytest.raises(ImportRefused) as refused:
        indicator_service.import_measures(db, bordeaux, project, "values.csv", data)
    assert {(r.line, r.field) for r in refused.value.rows} == {
        (3, "indicator"),
        (3, "date"),
        (3, "value"),
    }
    assert not any(s.values for s in indicator_service.states(db, bordeaux, project))
    count = indicator_service.import_measures(
        db,
        bordeaux,
        project,
        "values.csv",
        ("indicator,date,value,source\n" + good.replace(";", ",")).encode(),
    )
    assert count == 1
    exported = indicator_service.values_csv(db, bordeaux, project, "fr")
    again = indicator_service.import_measures(db, bordeaux, project, "again.csv", exported)
    assert again == 1  # the export's headings are the import's


def test_report_schedule_overdue_and_review(db, actors, monkeypatch):
    project = launched_project(db, actors)  # launched on 2024-03-01, every 3 months
    bordeaux, secretariat = actors["bordeaux"], actors["secretariat"]
    slots = report_service.slots(db, bordeaux, project)
    assert slots[0].due_on == date(2024, 6, 1) and slots[0].state == ReportState.DUE
    monkeypatch.setenv("OVPM_TODAY", "2024-06-10")
    slots = report_service.slots(db, bordeaux, project)
    assert slots[0].state == ReportState.OVERDUE
    overdue = report_service.overdue(db, clock.today())
    assert [s.due_on for p, s in overdue if p.id == project.id] == [date(2024, 6, 1)]
    report = report_service.start_report(db, bordeaux, project.id, date(2024, 6, 1))
    assert ProgressReport.from_dict(report.content).period_start == date(2024, 3, 1)
    first = indicator_service.states(db, bordeaux, project)[0].indicator
    indicator_service.add_measures(
        db, bordeaux, project, [indicator_service.new_measure(first.id, date(2024, 5, 2), "3", "")]
    )
    typed = ProgressReport(date(2024, 3, 1), date(2024, 6, 1), "Maps drawn", "", "Works")
    report = submission_service.submit(db, bordeaux, report.id, typed, report.version)
    frozen = ProgressReport.from_dict(report.content)
    assert [(v.indicator, v.value) for v in frozen.values] == [(first.name, "3")]
    assert report_service.slots(db, bordeaux, project)[0].state == ReportState.SUBMITTED
    submission_service.approve(db, secretariat, report.id, report.version)
    assert report_service.slots(db, bordeaux, project)[0].state == ReportState.APPROVED
    assert all(p.id != project.id for p, _s in report_service.overdue(db, clock.today()))


def test_a_report_with_its_period_the_wrong_way_is_refused(db, actors):
    project = launched_project(db, actors)
    bordeaux = actors["bordeaux"]
    report = report_service.start_report(db, bordeaux, project.id, date(2024, 6, 1))
    typed = ProgressReport(date(2024, 6, 1), date(2024, 3, 1), "", "", "")
    with pytest.raises(ValidationError) as refused:
        submission_service.submit(db, bordeaux, report.id, typed, report.version)
    assert {e.field for e in refused.value.errors} == {"period_end", "done"}
    with pytest.raises(ValidationError):  # no report is due that day
        report_service.start_report(db, bordeaux, project.id, date(2024, 6, 2))


def test_access_matrix(db, actors):
    project = launched_project(db, actors)
    rights = {name: service.access(db, actor, project) for name, actor in actors.items()}
    assert rights["secretariat"].schedule and rights["secretariat"].edit
    assert rights["advisory"].read and rights["advisory"].comment and not rights["advisory"].edit
    assert rights["bordeaux"].edit and not rights["bordeaux"].schedule  # pilot and carrier
    assert rights["bruges"].read and not rights["bruges"].edit  # a member of the network
    assert rights["cordoba"].summary and not rights["cordoba"].read  # another member city
    cordoba = actors["cordoba"]
    assert service.get_project(db, cordoba, project.id).title
    for export in (indicator_service.values_csv, indicator_service.values_xlsx):
        with pytest.raises(PermissionDenied):
            export(db, cordoba, project, "fr")
    with pytest.raises(PermissionDenied):
        report_service.slots(db, cordoba, project)
    assert report_service.reports_frame(db, cordoba, "fr").empty
    with pytest.raises(PermissionDenied):
        submission_service.get_submission(db, cordoba, project.definition_id)


def test_the_pilot_project_stage_is_reached_exactly_when_its_rule_holds(db, actors, monkeypatch):
    from ovpm.domain.stages import Stage
    from ovpm.services import progress as progress_service
    from ovpm.services import todo as todo_service

    project = launched_project(db, actors)
    bordeaux, secretariat = actors["bordeaux"], actors["secretariat"]

    def done(kind: str, ident: int) -> dict:
        current = progress_service.overview(db, secretariat)
        items = current.cities if kind == "city" else current.networks
        return next(i for i in items if i.id == ident).done

    assert Stage.PILOT_PROJECT not in done("network", WATER)  # launched, no report approved
    monkeypatch.setenv("OVPM_TODAY", "2024-06-10")
    late = progress_service.overview(db, secretariat).late
    assert any(d.what == "progress_report" and d.progress.id == WATER for d in late)
    mine = todo_service.my_list(db, bordeaux)
    assert ("pages/pilot_project.py", date(2024, 6, 1)) in [(i.page, i.due) for i in mine]
    report = report_service.start_report(db, bordeaux, project.id, date(2024, 6, 1))
    typed = ProgressReport(date(2024, 3, 1), date(2024, 6, 1), "Maps drawn", "", "")
    report = submission_service.submit(db, bordeaux, report.id, typed, report.version)
    assert Stage.PILOT_PROJECT not in done("network", WATER)  # submitted, not approved
    submission_service.approve(db, secretariat, report.id, report.version)
    assert done("network", WATER)[Stage.PILOT_PROJECT] == date(2024, 6, 10)
    assert Stage.PILOT_PROJECT in done("city", bordeaux.city_id)  # the pilot city
    assert Stage.PILOT_PROJECT not in done("city", actors["bruges"].city_id)  # only takes part


def test_project_costs_join_the_budget_tracking(db, actors):
    from ovpm.services import budget as budget_service
    from ovpm.services import project_costs

    project = launched_project(db, actors)
    bordeaux, secretariat = actors["bordeaux"], actors["secretariat"]
    line = project_costs.add_cost(
        db, bordeaux, project.id, "materials", "Flood sensors", "4800", "EUR", "pilot_city"
    )
    with pytest.raises(PermissionDenied):  # only the Secretariat records what it funds
        project_costs.add_cost(
            db, bordeaux, project.id, "travel", "Experts", "900", "EUR", "general_secretariat"
        )
    project_costs.add_cost(
        db, secretariat, project.id, "travel", "Experts", "900", "EUR", "general_secretariat"
    )
    with pytest.raises(ValidationError):
        project_costs.add_cost(db, bordeaux, project.id, "materials", "", "-1", "EUR", "pilot_city")
    assert [c.description for c in project_costs.costs(db, bordeaux, project)][
        0
    ] == line.description
    views = budget_service.tables(db, budget_service.report(db, secretariat), "en")
    by_project = views["by_project"]
    assert list(by_project["project"]) == [project.title]
    assert by_project["planned"].iloc[0] > 0
    assert project_costs.costs(db, actors["bruges"], project) == []  # a member: no budget line
    with pytest.raises(PermissionDenied):
        project_costs.costs(db, actors["cordoba"], project)
