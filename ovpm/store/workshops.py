"""International workshops, their participants, and what the progress model reads of them."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date, datetime

import pandas as pd

from ovpm.domain.errors import ConflictError, NotFound
from ovpm.domain.workshops import Participant, Slot, Workshop
from ovpm.store.db import next_id

_SELECT = (
    "SELECT w.id, w.network_id, w.place, w.first_day, w.last_day, w.status, w.activity_key, "
    "w.provides_room, w.provides_meals, w.provides_other, w.programme, w.deliverables_due, "
    "w.theme_sheet_not_needed, w.version, n.name, n.pilot_city_id "
    "FROM workshops w JOIN networks n ON n.id = w.network_id "
)


def _workshop(row: tuple) -> Workshop:
    programme = tuple(Slot(**slot) for slot in json.loads(row[10]))
    return Workshop(*row[:10], programme, *row[11:])


def get(cur, workshop_id: int) -> Workshop:
    """One workshop, or NotFound."""
    row = cur.execute(_SELECT + "WHERE w.id = ?", [workshop_id]).fetchone()
    if row is None:
        raise NotFound(f"workshop {workshop_id}")
    return _workshop(row)


def of_network(cur, network_id: int) -> list[Workshop]:
    """A network's workshops, the latest first."""
    rows = cur.execute(
        _SELECT + "WHERE w.network_id = ? ORDER BY w.first_day DESC, w.id DESC", [network_id]
    ).fetchall()
    return [_workshop(row) for row in rows]


def every(cur) -> list[Workshop]:
    """Every workshop, the soonest first."""
    rows = cur.execute(_SELECT + "ORDER BY w.first_day, w.id").fetchall()
    return [_workshop(row) for row in rows]


def _values(workshop: Workshop) -> list:
    return [
        workshop.place,
        workshop.first_day,
        workshop.last_day,
        str(workshop.status),
        workshop.activity_key,
        workshop.provides_room,
        workshop.provides_meals,
        workshop.provides_other,
        json.dumps([asdict(slot) for slot in workshop.programme], ensure_ascii=False),
        workshop.deliverables_due,
        workshop.theme_sheet_not_needed,
    ]


def insert(cur, workshop: Workshop, at: datetime) -> Workshop:
    """A new workshop."""
    new_id = next_id(cur, "workshops")
    cur.execute(
        "INSERT INTO workshops (id, network_id, place, first_day, last_day, status, "
        "activity_key, provides_room, provides_meals, provides_other, programme, "
        "deliverables_due, theme_sheet_not_needed, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [new_id, workshop.network_id, *_values(workshop), at],
    )
    return get(cur, new_id)


def update(cur, workshop: Workshop, at: datetime) -> Workshop:
    """Save a workshop opened at its `version`; ConflictError when it changed since."""
    changed = cur.execute(
        "UPDATE workshops SET place = ?, first_day = ?, last_day = ?, status = ?, "
        "activity_key = ?, provides_room = ?, provides_meals = ?, provides_other = ?, "
        "programme = ?, deliverables_due = ?, theme_sheet_not_needed = ?, updated_at = ?, "
        "version = version + 1 WHERE id = ? AND version = ? RETURNING id",
        [*_values(workshop), at, workshop.id, workshop.version],
    ).fetchall()
    if not changed:
        raise ConflictError(get(cur, workshop.id))
    return get(cur, workshop.id)


def participants(cur, workshop_id: int) -> list[Participant]:
    """The participants of a workshop, with their name, city and e-mail from the address book."""
    rows = cur.execute(
        "SELECT p.contact_id, p.role, p.funded, p.agreement, c.name, c.city_id, "
        "coalesce(ci.name, ''), c.email FROM workshop_participants p "
        "JOIN contacts c ON c.id = p.contact_id LEFT JOIN cities ci ON ci.id = c.city_id "
        "WHERE p.workshop_id = ? ORDER BY p.role, c.name",
        [workshop_id],
    ).fetchall()
    return [Participant(*row) for row in rows]


def save_participant(cur, workshop_id: int, person: Participant) -> None:
    """Add a participant or change their role and funding."""
    cur.execute(
        "INSERT OR REPLACE INTO workshop_participants VALUES (?, ?, ?, ?, ?)",
        [workshop_id, person.contact_id, str(person.role), person.funded, person.agreement],
    )


def remove_participant(cur, workshop_id: int, contact_id: int) -> None:
    """Take a participant off the list."""
    cur.execute(
        "DELETE FROM workshop_participants WHERE workshop_id = ? AND contact_id = ?",
        [workshop_id, contact_id],
    )


def funded_elsewhere(cur, workshop_id: int, first_day: date, last_day: date) -> dict[int, str]:
    """Contacts funded by the Secretariat for another workshop that shares a day with these
    dates (not cancelled), with that workshop's network name."""
    rows = cur.execute(
        "SELECT p.contact_id, n.name FROM workshop_participants p "
        "JOIN workshops w ON w.id = p.workshop_id JOIN networks n ON n.id = w.network_id "
        "WHERE p.funded AND w.id <> ? AND w.status <> 'cancelled' "
        "AND w.first_day <= ? AND ? <= w.last_day",
        [workshop_id, last_day, first_day],
    ).fetchall()
    return dict(rows)


def held(cur) -> pd.DataFrame:
    """Workshops held: network, pilot city, last day (for the progress model)."""
    return cur.execute(
        "SELECT w.id, w.network_id, n.pilot_city_id, w.last_day, w.theme_sheet_not_needed, "
        "w.deliverables_due FROM workshops w JOIN networks n ON n.id = w.network_id "
        "WHERE w.status = 'held'"
    ).df()


def approvals_after(cur, kind: str, city_id: int, network_id: int | None, after: date):
    """The first approval of a submission of `kind` of a city (and network) on or after
    `after`, or None."""
    row = cur.execute(
        "SELECT min(e.happened_at) FROM submission_events e JOIN submissions s ON s.id = e.submission_id "
        "WHERE s.kind = ? AND s.city_id = ? AND s.network_id IS NOT DISTINCT FROM ? "
        "AND e.action = 'approved' AND e.happened_at::DATE >= ?",
        [kind, city_id, network_id, after],
    ).fetchone()
    return row[0].date() if row and row[0] is not None else None
