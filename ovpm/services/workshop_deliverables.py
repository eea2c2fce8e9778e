"""The four deliverables of an international workshop (source 000) and what the progress
model reads of them: the revised theme sheet (a new revision of the pilot city's theme sheet, or
marked not needed by the Secretariat), the network constitution sheet, the priority problem
sheet and the report on the initial draft of the pilot project (submissions of the network)."""

from __future__ import annotations

import dataclasses
from datetime import date

from ovpm.clock import today
from ovpm.domain import N_
from ovpm.domain.errors import FieldError, ValidationError
from ovpm.domain.models import Role, User
from ovpm.domain.networks import Network
from ovpm.domain.stages import workshop_progress
from ovpm.domain.submissions import Status, SubmissionKind
from ovpm.domain.workshops import DeliverableState, DeliverableStatus, Workshop, WorkshopStatus
from ovpm.services import submissions as submission_service
from ovpm.services._common import require
from ovpm.services.workshops import can_organise, get_workshop, save_workshop
from ovpm.store import networks, submissions
from ovpm.store import workshops as store
from ovpm.store.db import Database


def listing(db: Database, actor: User) -> list[tuple[Workshop, int]]:
    """Every workshop with the number of its deliverables done (out of 4)."""

    def compute():
        with db.reading() as cur:
            found = store.every(cur)
            return [(w, sum(d.done for d in _deliverables(cur, w))) for w in found]

    return db.derived(("workshop_listing", today()), compute)


# --- the four deliverables -------------------------------------------------------------------


def _theme_sheet_status(cur, workshop: Workshop, network: Network) -> DeliverableStatus:
    sheet = submissions.open_submission(cur, str(SubmissionKind.THEME_SHEET), network.pilot_city_id)
    kind = str(SubmissionKind.THEME_SHEET)
    if workshop.theme_sheet_not_needed:
        return DeliverableStatus(
            kind,
            sheet.id if sheet else None,
            DeliverableState.NOT_NEEDED,
            workshop.last_day,
            workshop.theme_sheet_not_needed,
        )
    if sheet is None:
        return DeliverableStatus(kind, None, DeliverableState.NOT_STARTED)
    approved = store.approvals_after(cur, kind, network.pilot_city_id, None, workshop.last_day)
    if approved is not None:
        return DeliverableStatus(kind, sheet.id, Status.APPROVED, approved)
    if sheet.status == Status.APPROVED:
        # the sheet approved before the workshop: its revision is not started yet
        return DeliverableStatus(kind, sheet.id, DeliverableState.NOT_STARTED)
    return DeliverableStatus(kind, sheet.id, sheet.status)


def _deliverables(cur, workshop: Workshop) -> list[DeliverableStatus]:
    network = networks.get(cur, workshop.network_id)
    found = [_theme_sheet_status(cur, workshop, network)]
    for kind in (
        SubmissionKind.CONSTITUTION_SHEET,
        SubmissionKind.PRIORITY_PROBLEM,
        SubmissionKind.PILOT_DRAFT,
    ):
        submission = submissions.open_submission(cur, str(kind), network.pilot_city_id, network.id)
        if submission is None:
            found.append(DeliverableStatus(str(kind), None, DeliverableState.NOT_STARTED))
            continue
        approved = store.approvals_after(
            cur, str(kind), network.pilot_city_id, network.id, date.min
        )
        done = approved if submission.approved_revision else None
        found.append(DeliverableStatus(str(kind), submission.id, submission.status, done))
    return found


def held_progress(cur) -> dict[int, tuple[date | None, tuple]]:
    """network id → (the day its workshop stage was reached or None, its deliverables still
    due), for the networks whose workshop was held (the progress model's input)."""
    found = {}
    for workshop in store.every(cur):
        if workshop.status == WorkshopStatus.HELD:
            statuses = _deliverables(cur, workshop)
            found[workshop.network_id] = workshop_progress(
                [(d.kind, d.done_on) for d in statuses], workshop.due
            )
    return found


def deliverables(db: Database, actor: User, workshop_id: int) -> list[DeliverableStatus]:
    """Where each of the four deliverables stands (every reader of the workshop sees their
    status; their content follows the submission rules)."""
    return db.kept_read(
        ("workshop_deliverables", workshop_id),
        lambda cur: _deliverables(cur, store.get(cur, workshop_id)),
    )


def start_deliverable(db: Database, actor: User, workshop_id: int, kind: str):
    """Start a deliverable as a draft of the pilot city: the revised theme sheet is a new
    revision of its approved theme sheet; the others are submissions of the network."""
    workshop = get_workshop(db, actor, workshop_id)
    with db.reading() as cur:
        network = networks.get(cur, workshop.network_id)
    require(can_organise(actor, network))
    if SubmissionKind(kind) == SubmissionKind.THEME_SHEET:
        with db.reading() as cur:
            sheet = submissions.open_submission(cur, kind, network.pilot_city_id)
        if sheet is None or sheet.status != Status.APPROVED:
            if sheet is not None:
                return sheet
            raise ValidationError(
                [FieldError("theme", N_("must come from an approved theme sheet."))]
            )
        return submission_service.start_revision(db, actor, sheet.id, sheet.version)
    return submission_service.start_submission(db, actor, kind, network.pilot_city_id, network.id)


def mark_theme_sheet_not_needed(
    db: Database, actor: User, workshop_id: int, version: int, reason: str
) -> Workshop:
    """The Secretariat says that no revised theme sheet is needed, and why (an empty reason
    takes the mark back)."""
    require(actor.role == Role.SECRETARIAT)
    workshop = get_workshop(db, actor, workshop_id)
    return save_workshop(
        db,
        actor,
        dataclasses.replace(
            workshop, theme_sheet_not_needed=(reason or "").strip(), version=version
        ),
    )
