"""The shared diagnosis of a network or of a city's own process, in four parts, with its project
seeds, and its assessment, as PDF."""

from __future__ import annotations

from collections.abc import Callable

from ovpm.domain.diagnosis import (
    DECISION_LABELS,
    DIAGNOSIS_KIND_LABELS,
    SEED_STATUS_LABELS,
    Assessment,
    AssessmentDecision,
    DiagnosisEntry,
    DiagnosisKind,
    ProjectSeed,
)
from ovpm.domain.working_groups import GroupPlan
from ovpm.pdf import Document, DocumentInfo


def diagnosis_pdf(
    entries: list[DiagnosisEntry],
    seeds: list[ProjectSeed],
    info: DocumentInfo,
    _: Callable[..., str],
) -> bytes:
    """Obstacles, levers, needs and resources, then the project seeds and their status."""
    pdf = Document(info)
    pdf.title_block()
    for kind in DiagnosisKind:
        pdf.section(_(DIAGNOSIS_KIND_LABELS[kind]))
        pdf.table(
            [_("Text"), _("Brought by"), _("Tags")],
            [
                [
                    e.text,
                    " · ".join(p for p in (e.brought_by_city, e.brought_by_name) if p),
                    ", ".join(e.tags),
                ]
                for e in entries
                if e.kind == kind
            ],
            [3.6, 1.4, 1.0],
        )
    pdf.section(_("Project seeds"))
    pdf.table(
        [_("Title of the seed"), _("Need it answers"), _("Status")],
        [[s.title, s.need, _(SEED_STATUS_LABELS[s.status])] for s in seeds],
        [2.2, 2.8, 1.0],
    )
    return pdf.to_bytes()


def assessment_pdf(assessment: Assessment, info: DocumentInfo, _: Callable[..., str]) -> bytes:
    """What was achieved, the lessons learned, the decision and how to go on."""
    pdf = Document(info)
    pdf.title_block()
    pdf.section(_("What was achieved"))
    pdf.paragraph(assessment.achieved)
    pdf.section(_("Lessons learned"))
    pdf.paragraph(assessment.lessons)
    pdf.section(_("Decision"))
    decision = assessment.decision
    pdf.paragraph(_(DECISION_LABELS[AssessmentDecision(decision)]) if decision else "")
    pdf.section(_("How to go on"))
    pdf.paragraph(assessment.how)
    return pdf.to_bytes()


def common_plan_pdf(
    plans: list[GroupPlan], people: dict[str, str], info: DocumentInfo, _: Callable[..., str]
) -> bytes:
    """Each working group (facilitator, spokesperson) and the action plans of its ideas."""
    pdf = Document(info)
    pdf.title_block()
    for plan in plans:
        group = plan.group
        pdf.section(group.theme)
        pdf.field(
            _("Facilitator") + " · " + _("Spokesperson"),
            " · ".join(people.get(k, "—") for k in (group.facilitator, group.spokesperson)),
        )
        if not plan.ideas:
            pdf.paragraph(_("The group's third meeting has no action plan yet."))
        for idea in plan.ideas:
            pdf.table(
                [_("Idea kept"), idea.idea],
                [
                    [_("Description"), idea.description],
                    [_("Objectives"), idea.objectives],
                    [_("Targets"), idea.targets],
                    [_("Expected lead"), idea.lead],
                    [_("Means needed"), idea.means],
                ],
                [1.5, 4.5],
            )
    return pdf.to_bytes()
