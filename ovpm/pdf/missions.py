"""Mission4City as PDF: the request (M4C technical sheet) and the mission report with its
photos. Never a cost."""

from __future__ import annotations

import io
from collections.abc import Callable

from ovpm.domain.missions import MissionReport, MissionRequest
from ovpm.pdf import Document, DocumentInfo

Translate = Callable[..., str]
PHOTO_HEIGHT_MM = 70


def request_pdf(
    request: MissionRequest, info: DocumentInfo, _: Translate, day, axis_label
) -> bytes:
    """The M4C technical sheet as the city filled it."""
    pdf = Document(info)
    pdf.title_block()
    pdf.field(_("Subject of the request"), request.title)
    contact = request.contact
    pdf.field(
        _("Contact person"),
        " · ".join(p for p in (contact.name, contact.title, contact.email) if p),
    )
    for label, text in (
        (_("Description of the situation"), request.situation),
        (_("Global project or action plan"), request.global_project),
        (_("Expertise requested: profiles"), request.expertise_profiles),
        (_("Main skills"), request.main_skills),
    ):
        pdf.section(label)
        pdf.paragraph(text)
    pdf.field(_("Fields of expertise"), ", ".join(request.fields))
    pdf.field(_("Strategic axis"), axis_label(request.axis))
    wished = [day(d) for d in (request.wished_from, request.wished_to) if d]
    pdf.field(_("Period wished"), " – ".join(wished))
    pdf.field(_("Letter signed by the mayor (PDF)"), request.letter_name)
    return pdf.to_bytes()


def report_pdf(
    report: MissionReport, info: DocumentInfo, _: Translate, photos: list[bytes]
) -> bytes:
    """The mission report (source 002) with its photos, each scaled to the text width."""
    pdf = Document(info)
    pdf.title_block()
    pdf.field(_("Title of the practice"), report.title)
    for label, text in (
        (_("Initial issue"), report.initial_issue),
        (_("Objectives of the request"), report.objectives),
        (_("Actors involved"), report.actors),
        (_("Help obtained"), report.help_obtained),
        (_("In what format"), report.format),
        (_("Lessons learned"), report.lessons),
        (_("Contributions to solving the need"), report.contributions),
        (_("Solutions"), report.solutions),
        (_("Follow-up"), report.follow_up),
    ):
        pdf.section(label)
        pdf.paragraph(text)
    if photos:
        pdf.section(_("Photos"))
    for photo in photos:
        if pdf.get_y() + PHOTO_HEIGHT_MM > pdf.h - 25:
            pdf.add_page()
        placed = pdf.image(io.BytesIO(photo), x=pdf.l_margin, y=pdf.get_y(), h=PHOTO_HEIGHT_MM)
        pdf.set_y(pdf.get_y() + placed.rendered_height + 3)
    return pdf.to_bytes()
