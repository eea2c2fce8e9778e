"""The requesting city's obligations (source 002): the technical dossier before the mission,
the logistics, the media coverage with its photos and the mission report, each with its
status, date and due date; an item not done when due is late (to the city and in the progress
overview)."""

from __future__ import annotations

import dataclasses
from datetime import date

from ovpm.clock import today
from ovpm.domain import N_
from ovpm.domain.errors import FieldError
from ovpm.domain.missions import (
    Mission,
    MissionStatus,
    Obligation,
    ObligationState,
    ObligationStatus,
    obligation_due,
    obligation_errors,
)
from ovpm.domain.models import User
from ovpm.services import attachments
from ovpm.services._common import require, validate
from ovpm.services.missions import all_missions, reads, writes
from ovpm.store import audit
from ovpm.store import missions as store
from ovpm.store.db import Database

FOLLOWED = (
    MissionStatus.SCHEDULED,
    MissionStatus.DONE,
    MissionStatus.REPORT_RECEIVED,
    MissionStatus.PUBLISHED,
)
REPORTED = (MissionStatus.REPORT_RECEIVED, MissionStatus.PUBLISHED)


def _recorded(db: Database) -> dict[tuple[int, Obligation], tuple[ObligationState, int]]:
    rows = db.kept_read(("mission_obligations",), lambda cur: store.obligations(cur))
    return {(mission_id, state.item): (state, version) for mission_id, state, version in rows}


def states(db: Database, mission: Mission, recorded=None) -> list[tuple[ObligationState, int]]:
    """Each item with its due date and the version it was opened at (0: never recorded). The
    report item is done when the report is received."""
    recorded = _recorded(db) if recorded is None else recorded
    found = []
    for item in Obligation:
        state, version = recorded.get((mission.id, item), (ObligationState(item), 0))
        if item == Obligation.REPORT and mission.status in REPORTED:
            state = dataclasses.replace(
                state, status=ObligationStatus.DONE, done_on=mission.status_since.date()
            )
        found.append(
            (dataclasses.replace(state, due_on=obligation_due(item, mission.programme)), version)
        )
    return found


def obligations(db: Database, actor: User, mission: Mission) -> list[tuple[ObligationState, int]]:
    """The checklist of a mission, for those who read it (once it is scheduled)."""
    require(reads(actor, mission))
    return states(db, mission) if mission.status in FOLLOWED else []


def late(db: Database, on: date | None = None) -> list[tuple[Mission, ObligationState]]:
    """Every obligation not done when due, across the programme (for the overview and the
    carrying city's list; the caller filters by reader)."""
    on = on or today()
    recorded = _recorded(db)
    return [
        (mission, state)
        for mission in all_missions(db)
        if mission.status in FOLLOWED
        for state, _version in states(db, mission, recorded)
        if state.late(on)
    ]


def save_obligation(
    db: Database,
    actor: User,
    mission: Mission,
    state: ObligationState,
    version: int,
    uploads: list[tuple[str, bytes]] = (),
) -> None:
    """Record an item's status, date and note, with new files (the dossier: PDF; the media
    coverage: PNG or JPEG photos, checked by content). The requesting city or the Secretariat."""
    require(writes(actor, mission) and mission.status in FOLLOWED)
    require(state.item != Obligation.REPORT)  # done by the report itself
    check = attachments.pdf_errors if state.item == Obligation.DOSSIER else attachments.image_errors
    errors = [e for _name, data in uploads for e in check("files", data)]
    if uploads and state.item not in (Obligation.DOSSIER, Obligation.MEDIA):
        errors.append(FieldError("files", N_("This item takes no file.")))
    validate(errors)
    store_file = (
        attachments.store_pdf if state.item == Obligation.DOSSIER else attachments.store_image
    )
    new_files = tuple(
        store_file(db, actor, mission.city_id, "files", name, data).id for name, data in uploads
    )
    state = dataclasses.replace(state, files=state.files + new_files, note=state.note.strip())
    validate(obligation_errors(state, today()))
    with db.unit_of_work() as cur:
        store.save_obligation(cur, mission.id, state, version)
        audit.record(
            cur,
            actor.id,
            actor.username,
            "mission_obligation",
            mission.id,
            "save",
            None,
            {
                "item": str(state.item),
                "status": str(state.status),
                "done_on": state.done_on.isoformat() if state.done_on else None,
                "note": state.note,
                "files": list(state.files),
            },
            mission.city_id,
        )
