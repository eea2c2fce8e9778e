"""PDFs of the international workshop: its programme (with its costs only for those who read
them) and its deliverables (the constitution sheet, the priority problem sheet, the report on
the initial draft of the pilot project)."""

from __future__ import annotations

from collections.abc import Callable

from ovpm.domain.deliverables import ConstitutionSheet, PilotDraftReport, PriorityProblemSheet
from ovpm.domain.workshops import HALF_DAY_LABELS, PARTICIPANT_ROLE_LABELS, Participant, Workshop
from ovpm.pdf import Document, DocumentInfo


def constitution_pdf(sheet: ConstitutionSheet, info: DocumentInfo, _: Callable[..., str]) -> bytes:
    """How the network works: members and roles, coordination, decisions, meetings."""
    pdf = Document(info)
    pdf.title_block()
    pdf.section(_("Members and their roles"))
    pdf.table([_("City"), _("Role")], [[m.city, m.role] for m in sheet.members], [2.0, 4.0])
    pdf.section(_("Coordination by the pilot city"))
    pdf.paragraph(sheet.coordination)
    pdf.section(_("How decisions are taken"))
    pdf.paragraph(sheet.decisions)
    pdf.section(_("How often the network meets"))
    pdf.paragraph(sheet.meetings)
    return pdf.to_bytes()


def priority_problem_pdf(
    sheet: PriorityProblemSheet, info: DocumentInfo, _: Callable[..., str]
) -> bytes:
    """The common problems, the priority one, the questions to answer."""
    pdf = Document(info)
    pdf.title_block()
    pdf.section(_("Common problems identified"))
    rows = [
        [str(index + 1), problem.title, problem.description]
        for index, problem in enumerate(sheet.problems)
    ]
    pdf.table(["#", _("Short title"), _("Description")], rows, [0.3, 1.8, 3.9])
    chosen = sheet.priority_problem
    pdf.section(_("Priority problem"))
    pdf.paragraph(chosen.title if chosen else "")
    pdf.section(_("Questions the network must answer"))
    pdf.paragraph(sheet.questions)
    return pdf.to_bytes()


def pilot_draft_pdf(
    report: PilotDraftReport,
    info: DocumentInfo,
    _: Callable[..., str],
    day: Callable,
    money: Callable,
) -> bytes:
    """The initial draft of the pilot project, field by field."""
    pdf = Document(info)
    pdf.title_block()
    pdf.field(_("Project title"), report.project_title)
    pdf.section(_("Objectives"))
    pdf.paragraph(report.objectives)
    pdf.section(_("Expected results"))
    pdf.paragraph(report.expected_results)
    pdf.section(_("First indicators"))
    pdf.table(
        [_("Name"), _("Unit"), _("Target")],
        [[i.name, i.unit, i.target] for i in report.indicators],
        [3.0, 1.5, 1.5],
    )
    pdf.section(_("Partners"))
    pdf.paragraph(report.partners)
    pdf.section(_("Rough timeline"))
    pdf.table(
        [_("What"), _("By")],
        [[s.what, day(s.by) if s.by else ""] for s in report.timeline],
        [4.5, 1.5],
    )
    pdf.field(_("Cost estimate"), money(report.cost_estimate, report.currency))
    return pdf.to_bytes()


def programme_pdf(
    workshop: Workshop,
    participants: list[Participant] | None,
    costs: list[tuple[str, str, str, str]] | None,
    info: DocumentInfo,
    _: Callable[..., str],
    day: Callable,
) -> bytes:
    """The programme by day and half-day; the participants and the costs (category,
    description, funder, amount) only when given: a participating city's copy has no costs."""
    pdf = Document(info)
    pdf.title_block()
    pdf.field(_("Place"), workshop.place)
    pdf.field(_("Dates"), day(workshop.first_day) + " – " + day(workshop.last_day))
    provided = [
        text
        for flag, text in (
            (workshop.provides_room, _("the meeting room")),
            (workshop.provides_meals, _("the meals")),
        )
        if flag
    ]
    if workshop.provides_other:
        provided.append(workshop.provides_other)
    if provided:
        pdf.field(_("The pilot city provides"), ", ".join(provided))
    dates = workshop.day_dates()
    pdf.section(_("Programme"))
    rows = [
        [
            _("Day {n}", n=slot.day)
            + (" · " + day(dates[slot.day - 1]) if slot.day <= len(dates) else ""),
            _(HALF_DAY_LABELS.get(slot.half, slot.half)),
            slot.title,
            slot.activity,
            slot.lead,
        ]
        for slot in workshop.programme
    ]
    pdf.table(
        [_("Day"), _("Half-day"), _("Short title"), _("What is done"), _("Led by")],
        rows,
        [1.2, 0.9, 1.4, 2.4, 1.1],
    )
    if participants is not None:
        pdf.section(_("Participants"))
        pdf.table(
            [_("Name"), _("City"), _("Role")],
            [[p.name, p.city_name, _(PARTICIPANT_ROLE_LABELS[p.role])] for p in participants],
            [2.2, 1.6, 2.2],
        )
    if costs is not None:
        pdf.section(_("Costs"))
        pdf.table(
            [_("Category"), _("Description"), _("Funder"), _("Amount")],
            [list(row) for row in costs],
            [1.2, 2.4, 1.4, 1.0],
        )
    return pdf.to_bytes()
