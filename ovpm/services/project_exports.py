"""A pilot project as one PDF: its facts, definition, indicators with their progress and its
progress reports (those who read the whole project; never a budget figure)."""

from __future__ import annotations

from ovpm import i18n
from ovpm.clock import today
from ovpm.domain.models import User
from ovpm.domain.pilot_projects import (
    ORIGIN_LABELS,
    PROJECT_STATUS_LABELS,
    REPORT_STATE_LABELS,
    Project,
)
from ovpm.domain.submissions import STATUS_LABELS
from ovpm.pdf import DocumentInfo
from ovpm.pdf.projects import project_pdf as render_project
from ovpm.services import assembled, pilot_projects, progress_reports
from ovpm.services._common import require
from ovpm.services.submissions import pdf_labels
from ovpm.store.db import Database


def project_pdf(db: Database, actor: User, project: Project, language: str) -> bytes:
    """The whole project in the reader's language, with the DRAFT mark until its definition is
    approved."""
    require(pilot_projects.access(db, actor, project).read)
    _ = i18n.translator(language)
    day = lambda d: i18n.format_day(d, language, "medium")  # noqa: E731
    definition = pilot_projects.definition(db, actor, project)
    status = pilot_projects.definition_status(db, actor, project)
    with db.reading() as cur:
        results = assembled.results(cur, [project])
    facts = [
        (_("Network"), project.network_name),
        (_("City carrying it"), project.city_name),
        (_("Status"), _(PROJECT_STATUS_LABELS[project.status])),
        (_("Origin"), _(ORIGIN_LABELS[project.origin])),
    ]
    reports = [
        [
            day(s.due_on),
            _(REPORT_STATE_LABELS[s.state]),
            day(s.approved_on) if s.approved_on else "",
        ]
        for s in progress_reports.slots(db, actor, project)
    ]
    approved = project.status not in ("proposed",)
    info = DocumentInfo(
        organisation=_("Organization of World Heritage Cities"),
        programme=_("Quebec Roadmap") + " · " + _("17th World Congress"),
        title=_("Pilot project") + " — " + project.title,
        subtitle=project.network_name,
        status_line=_("Status: {status}", status=_(STATUS_LABELS[status])),
        draft_mark=None if approved else _("DRAFT"),
        page_label=_("Page {page} of {pages}"),
        footer_left=i18n.format_day(today(), language),
    )
    return render_project(
        definition, facts, results, reports, info, _, day, pdf_labels(language)[2]
    )
