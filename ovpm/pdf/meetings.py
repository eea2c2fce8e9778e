"""The minutes of a meeting as PDF: who attended, what was said, the numbered decisions and the
actions with their owner and due date, as the revision froze them."""

from __future__ import annotations

from collections.abc import Callable

from ovpm.domain.meetings import ATTENDANCE_LABELS, Attendance, Minutes
from ovpm.pdf import Document, DocumentInfo


def minutes_pdf(
    minutes: Minutes, info: DocumentInfo, _: Callable[..., str], day: Callable[[str], str]
) -> bytes:
    """Meeting, attendees, minutes, decisions, actions (`day`: an ISO date as the reader
    writes it)."""
    pdf = Document(info)
    pdf.title_block()
    pdf.field(
        _("Meeting"), " · ".join(p for p in (minutes.meeting_title, day(minutes.meeting_day)) if p)
    )
    pdf.section(_("Attendees"))
    pdf.table(
        [_("Name"), _("Attendance")],
        [[a.name, _(ATTENDANCE_LABELS[Attendance(a.attendance)])] for a in minutes.attendees],
        [4.0, 2.0],
    )
    pdf.section(_("Minutes"))
    pdf.paragraph(minutes.text)
    pdf.section(_("Decisions"))
    pdf.table(
        ["#", _("Decision")],
        [[str(n), text] for n, text in enumerate(minutes.decisions, start=1)],
        [0.3, 5.7],
    )
    pdf.section(_("Action items"))
    pdf.table(
        ["#", _("What"), _("Owner"), _("Due date")],
        [[str(a.number), a.what, a.owner_name, day(a.due)] for a in minutes.actions],
        [0.3, 3.2, 1.7, 0.8],
    )
    return pdf.to_bytes()
