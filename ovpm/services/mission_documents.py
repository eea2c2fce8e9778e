"""The PDFs of a mission's request and report (for a reader whose access was checked): the
report shows the photos of the media coverage it names."""

from __future__ import annotations

from collections.abc import Callable

from ovpm import i18n
from ovpm.domain.missions import MissionReport, MissionRequest
from ovpm.pdf import DocumentInfo
from ovpm.pdf.missions import report_pdf, request_pdf
from ovpm.services import attachments
from ovpm.store.db import Database


def mission_pdf(
    db: Database, typed, info: DocumentInfo, language: str, axis_label: Callable[[int], str]
) -> bytes:
    """The request's or the report's PDF in `language` (`axis_label`: the submission PDFs'
    own naming of an axis)."""
    _ = i18n.translator(language)
    if isinstance(typed, MissionRequest):
        day = lambda d: i18n.format_day(d, language, "medium")  # noqa: E731
        return request_pdf(typed, info, _, day, axis_label)
    report: MissionReport = typed
    photos = [attachments.file_of(db, photo)[1] for photo in report.photos]
    return report_pdf(report, info, _, photos)
