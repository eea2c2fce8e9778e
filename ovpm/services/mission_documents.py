"""The PDFs of a mission's request and report (for a reader whose access was checked): the
report shows the photos of the media coverage it names."""

from __future__ import annotations

from ovpm import i18n
from ovpm.domain.missions import MissionReport, MissionRequest
from ovpm.domain.submissions import AXIS_LABELS, Axis, Submission
from ovpm.pdf import DocumentInfo
from ovpm.pdf.missions import report_pdf, request_pdf
from ovpm.services import attachments
from ovpm.store.db import Database


def mission_pdf(
    db: Database, submission: Submission, typed, info: DocumentInfo, language: str
) -> bytes:
    """The request's or the report's PDF in `language`."""
    _ = i18n.translator(language)
    if isinstance(typed, MissionRequest):

        def axis_label(axis) -> str:
            if axis not in {int(a) for a in Axis}:
                return ""
            return _("Axis {n}", n=axis) + " — " + _(AXIS_LABELS[Axis(axis)])

        day = lambda d: i18n.format_day(d, language, "medium")  # noqa: E731
        return request_pdf(typed, info, _, day, axis_label)
    report: MissionReport = typed
    photos = [attachments.file_of(db, photo)[1] for photo in report.photos]
    return report_pdf(report, info, _, photos)
