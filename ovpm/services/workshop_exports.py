"""What a workshop's readers take away: the programme PDF (costs only for those who read them),
an ICS event per workshop day in the workshop city's time zone, the participants as CSV and
vCard, and the approved deliverables that the participating cities read."""

from __future__ import annotations

import pandas as pd

from ovpm import i18n
from ovpm.clock import now_utc, today
from ovpm.domain.models import Contact
from ovpm.domain.networks import BUDGET_CATEGORY_LABELS, FUNDER_LABELS
from ovpm.domain.submissions import KIND_LABELS, STATUS_LABELS, Status, SubmissionKind, content_of
from ovpm.domain.times import DAY_ENDS, DAY_STARTS, to_utc
from ovpm.domain.workshops import (
    HALF_DAY_LABELS,
    PARTICIPANT_ROLE_LABELS,
    WORKSHOP_STATUS_LABELS,
)
from ovpm.exports import csv_bytes, vcards
from ovpm.exports.calendar import Event, ics
from ovpm.pdf import DocumentInfo
from ovpm.pdf.step_one import theme_sheet_pdf
from ovpm.pdf.workshops import programme_pdf as render_programme
from ovpm.services import submissions as submission_service
from ovpm.services import workshop_costs
from ovpm.services import workshops as workshop_service
from ovpm.services._common import require
from ovpm.store import cities, contacts, networks, submissions
from ovpm.store.db import Database


def programme_pdf(db: Database, actor, workshop_id: int, language: str) -> bytes:
    """The programme in the reader's language; participants for those who read them; costs only
    for those who read every line of the workshop (a participating city's copy has none)."""
    _ = i18n.translator(language)
    workshop = workshop_service.get_workshop(db, actor, workshop_id)
    with db.reading() as cur:
        network = networks.get(cur, workshop.network_id)
        reads_all = workshop_service.reads_everything(cur, actor, network)
    people = workshop_service.participants(db, actor, workshop_id) if reads_all else None
    # costs() keeps the lines the budget rules let the actor read: none for a participating
    # or another member city
    lines = workshop_costs.costs(db, actor, workshop_id)
    costs = [
        (
            _(BUDGET_CATEGORY_LABELS[line.category]),
            line.description,
            _(FUNDER_LABELS[line.funder]),
            i18n.format_money(line.planned, line.currency, language),
        )
        for line in lines
    ] or None
    info = DocumentInfo(
        organisation=_("Organization of World Heritage Cities"),
        programme=_("Quebec Roadmap") + " · " + _("17th World Congress"),
        title=_("International workshop") + " — " + network.name,
        subtitle=_("Pilot city: {city}", city=network.pilot_city_name),
        status_line=_("Status: {status}", status=_(WORKSHOP_STATUS_LABELS[workshop.status])),
        draft_mark=None,
        page_label=_("Page {page} of {pages}"),
        footer_left=i18n.format_day(today(), language),
    )
    return render_programme(
        workshop, people, costs, info, _, lambda d: i18n.format_day(d, language, "medium")
    )


def calendar_ics(db: Database, actor, workshop_id: int, language: str) -> bytes:
    """One event per workshop day, 9:00 to 17:30 in the workshop city's time zone."""
    _ = i18n.translator(language)
    workshop = workshop_service.get_workshop(db, actor, workshop_id)
    with db.reading() as cur:
        network = networks.get(cur, workshop.network_id)
        zone = cities.get(cur, network.pilot_city_id).timezone
    events = [
        Event(
            f"workshop-{workshop.id}-day-{number}@roadmap-hub",
            _("International workshop") + " — " + network.name + " — " + _("Day {n}", n=number),
            to_utc(day, DAY_STARTS, zone),
            to_utc(day, DAY_ENDS, zone),
            workshop.place,
            "\n".join(
                f"{_(HALF_DAY_LABELS[s.half])}: {s.title}"
                for s in workshop.programme
                if s.day == number
            ),
        )
        for number, day in enumerate(workshop.day_dates(), start=1)
    ]
    return ics(events, network.name, now_utc())


def participants_csv(db: Database, actor, workshop_id: int, language: str) -> bytes:
    """The participants (for those who read them) as CSV, roles in the reader's language."""
    _ = i18n.translator(language)
    people = workshop_service.participants(db, actor, workshop_id)
    frame = pd.DataFrame(
        [
            {
                _("Name"): p.name,
                _("City"): p.city_name,
                _("E-mail"): p.email,
                _("Role"): _(PARTICIPANT_ROLE_LABELS[p.role]),
                _("Funded by the General Secretariat"): _("Yes") if p.funded else _("No"),
                _("Funding agreement"): p.agreement,
            }
            for p in people
        ],
        columns=[
            _("Name"),
            _("City"),
            _("E-mail"),
            _("Role"),
            _("Funded by the General Secretariat"),
            _("Funding agreement"),
        ],
    )
    return csv_bytes(frame)


def participants_vcard(db: Database, actor, workshop_id: int) -> bytes:
    """The participants (for those who read them) as vCard 3.0."""
    people = workshop_service.participants(db, actor, workshop_id)
    with db.reading() as cur:
        found: list[Contact] = [contacts.get(cur, p.contact_id) for p in people]
    return vcards(found)


def approved_deliverable(db: Database, actor, workshop_id: int, kind: str):
    """(submission, content of its approved revision) of a deliverable, for every reader of the
    workshop's deliverables (participating cities included), or None when none is approved."""
    workshop = workshop_service.get_workshop(db, actor, workshop_id)
    with db.reading() as cur:
        network = networks.get(cur, workshop.network_id)
        require(workshop_service.reads_everything(cur, actor, network))
        network_id = None if kind == SubmissionKind.THEME_SHEET else network.id
        found = submissions.open_submission(cur, kind, network.pilot_city_id, network_id)
        if found is None or not found.approved_revision:
            return None
        revision = next(
            r for r in submissions.revisions(cur, found.id) if r.number == found.approved_revision
        )
    return found, revision.content


def approved_deliverable_pdf(db: Database, actor, workshop_id: int, kind: str, language: str):
    """The approved revision of a deliverable as PDF, for every reader of the deliverables."""
    found = approved_deliverable(db, actor, workshop_id, kind)
    require(found is not None)
    submission, content = found
    _ = i18n.translator(language)
    info = DocumentInfo(
        organisation=_("Organization of World Heritage Cities"),
        programme=_("Quebec Roadmap") + " · " + _("17th World Congress"),
        title=_(KIND_LABELS[submission.kind]) + " — " + submission.subject,
        subtitle=_("Revision {n}", n=submission.approved_revision),
        status_line=_("Status: {status}", status=_(STATUS_LABELS[Status.APPROVED])),
        draft_mark=None,
        page_label=_("Page {page} of {pages}"),
        footer_left=i18n.format_day(today(), language),
    )
    typed = content_of(submission.kind, content)
    if submission.kind == SubmissionKind.THEME_SHEET:
        return theme_sheet_pdf(typed, info, _)
    return submission_service.deliverable_pdf(typed, info, language)
