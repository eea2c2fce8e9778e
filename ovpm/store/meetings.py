"""Meetings, their invitees and attendance, and their action items."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from ovpm.domain.errors import ConflictError, NotFound
from ovpm.domain.meetings import (
    ActionItem,
    ActionStatus,
    Attendance,
    Invitee,
    Meeting,
    MeetingKind,
    PlannedAction,
)
from ovpm.store.db import next_id
from ovpm.store.filters import Filters

# Everyone a meeting can invite or an action can name: address-book people and users.
PEOPLE = (
    "WITH people AS (SELECT 'contact:' || id AS person, name, city_id FROM contacts "
    "UNION ALL SELECT 'user:' || id, name, city_id FROM users) "
)
_SELECT = (
    "SELECT m.id, m.network_id, m.city_id, m.kind, m.title, m.starts_at, m.duration_minutes, "
    "m.time_zone, m.link, m.place, m.agenda, m.notes, m.group_name, m.minutes_id, m.version, "
    "coalesce(n.name, ''), c.name, m.preparation_started, m.working_group_id, "
    "m.working_group_meeting FROM meetings m JOIN cities c ON c.id = m.city_id "
    "LEFT JOIN networks n ON n.id = m.network_id "
)


def _meetings(cur, where: str, params: list) -> list[Meeting]:
    rows = cur.execute(_SELECT + where + " ORDER BY m.starts_at, m.id", params).fetchall()
    invitees = _invitees(cur, [row[0] for row in rows])
    return [
        Meeting(
            id=row[0],
            network_id=row[1],
            city_id=row[2],
            kind=MeetingKind(row[3]),
            title=row[4],
            starts_at=row[5],
            duration_minutes=row[6],
            time_zone=row[7],
            link=row[8],
            place=row[9],
            agenda=tuple(row[10]),
            invitees=tuple(invitees.get(row[0], ())),
            notes=row[11],
            group=row[12],
            minutes_id=row[13],
            version=row[14],
            network_name=row[15],
            city_name=row[16],
            preparation_started=row[17],
            working_group_id=row[18],
            working_group_meeting=row[19],
        )
        for row in rows
    ]


def _invitees(cur, meeting_ids: list[int]) -> dict[int, list[Invitee]]:
    if not meeting_ids:
        return {}
    rows = cur.execute(
        PEOPLE + "SELECT i.meeting_id, i.person, i.attendance, coalesce(p.name, ''), p.city_id "
        "FROM meeting_invitees i LEFT JOIN people p ON p.person = i.person "
        "WHERE i.meeting_id IN (SELECT unnest(?::INTEGER[])) ORDER BY p.name, i.person",
        [meeting_ids],
    ).fetchall()
    found = defaultdict(list)
    for meeting_id, person, attendance, name, city_id in rows:
        found[meeting_id].append(Invitee(person, Attendance(attendance), name, city_id))
    return found


def of_minutes(cur, minutes_id: int) -> Meeting | None:
    """The meeting whose minutes these are, or None."""
    found = _meetings(cur, "WHERE m.minutes_id = ?", [minutes_id])
    return found[0] if found else None


def get(cur, meeting_id: int) -> Meeting:
    """One meeting with its invitees, or NotFound."""
    found = _meetings(cur, "WHERE m.id = ?", [meeting_id])
    if not found:
        raise NotFound(f"meeting {meeting_id}")
    return found[0]


def search(
    cur,
    network_id: int | None = None,
    city_id: int | None = None,
    kind: str | None = None,
    processes_only: bool = False,
) -> list[Meeting]:
    """Meetings, the earliest first: of a network, hosted by a city, of a kind, or of the
    cities' own processes (no network) only."""
    filters = Filters().equal("m.network_id", network_id).equal("m.city_id", city_id)
    filters = filters.equal("m.kind", kind)
    where = filters.where
    if processes_only:
        where = (where + "AND " if where else "WHERE ") + "m.network_id IS NULL "
    return _meetings(cur, where, filters.params)


def _values(meeting: Meeting) -> list:
    return [
        meeting.network_id,
        meeting.city_id,
        str(meeting.kind),
        meeting.title,
        meeting.starts_at,
        meeting.duration_minutes,
        meeting.time_zone,
        meeting.link,
        meeting.place,
        list(meeting.agenda),
        meeting.notes,
        meeting.group,
        meeting.preparation_started,
        meeting.working_group_id,
        meeting.working_group_meeting,
    ]


def save(cur, meeting: Meeting) -> Meeting:
    """Insert a meeting, or update the one opened at `meeting.version` (ConflictError when it
    changed since); invitees kept keep their attendance."""
    if meeting.id is None:
        meeting_id = next_id(cur, "meetings")
        cur.execute(
            "INSERT INTO meetings (network_id, city_id, kind, title, starts_at, duration_minutes, "
            "time_zone, link, place, agenda, notes, group_name, preparation_started, "
            "working_group_id, working_group_meeting, id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [*_values(meeting), meeting_id],
        )
    else:
        meeting_id = meeting.id
        changed = cur.execute(
            "UPDATE meetings SET network_id = ?, city_id = ?, kind = ?, title = ?, starts_at = ?, "
            "duration_minutes = ?, time_zone = ?, link = ?, place = ?, agenda = ?, notes = ?, "
            "group_name = ?, preparation_started = ?, working_group_id = ?, "
            "working_group_meeting = ?, version = version + 1 "
            "WHERE id = ? AND version = ? RETURNING id",
            [*_values(meeting), meeting_id, meeting.version],
        ).fetchall()
        if not changed:
            raise ConflictError(get(cur, meeting_id))
    _save_invitees(cur, meeting_id, [i.key for i in meeting.invitees])
    return get(cur, meeting_id)


def _save_invitees(cur, meeting_id: int, people: list[str]) -> None:
    cur.execute(
        "DELETE FROM meeting_invitees WHERE meeting_id = ? AND "
        "person NOT IN (SELECT unnest(?::VARCHAR[]))",
        [meeting_id, people],
    )
    cur.execute(
        "INSERT INTO meeting_invitees (meeting_id, person) SELECT ?, p FROM "
        "(SELECT unnest(?::VARCHAR[]) AS p) WHERE p NOT IN "
        "(SELECT person FROM meeting_invitees WHERE meeting_id = ?)",
        [meeting_id, people, meeting_id],
    )


def set_attendance(cur, meeting_id: int, attendance: dict[str, str]) -> None:
    """Record who was present, excused or absent (invitees only)."""
    for person, value in attendance.items():
        cur.execute(
            "UPDATE meeting_invitees SET attendance = ? WHERE meeting_id = ? AND person = ?",
            [str(value), meeting_id, person],
        )


def set_minutes(cur, meeting_id: int, submission_id: int) -> None:
    """Link the meeting to its minutes (a submission)."""
    cur.execute(
        "UPDATE meetings SET minutes_id = ?, version = version + 1 WHERE id = ?",
        [submission_id, meeting_id],
    )


def delete(cur, meeting_id: int, version: int) -> None:
    """Delete a meeting that has no minutes, opened at `version`."""
    deleted = cur.execute(
        "DELETE FROM meetings WHERE id = ? AND version = ? AND minutes_id IS NULL RETURNING id",
        [meeting_id, version],
    ).fetchall()
    if not deleted:
        raise ConflictError(get(cur, meeting_id))
    cur.execute("DELETE FROM meeting_invitees WHERE meeting_id = ?", [meeting_id])


def minutes_statuses(cur, minutes_ids: list[int]) -> dict[int, str]:
    """minutes (submission) id → status."""
    if not minutes_ids:
        return {}
    rows = cur.execute(
        "SELECT id, status FROM submissions WHERE id IN (SELECT unnest(?::INTEGER[]))",
        [minutes_ids],
    ).fetchall()
    return dict(rows)


def approved_minutes(cur) -> set[int]:
    """The minutes that have an approved revision."""
    rows = cur.execute(
        "SELECT id FROM submissions WHERE kind = 'minutes' AND approved_revision IS NOT NULL"
    ).fetchall()
    return {row[0] for row in rows}


def people_names(cur) -> dict[str, tuple[str, int | None]]:
    """Every person a meeting may invite or an action may name: key → (name, city id)."""
    rows = cur.execute(PEOPLE + "SELECT person, name, city_id FROM people").fetchall()
    return {person: (name, city_id) for person, name, city_id in rows}


# --- action items ----------------------------------------------------------------------------

_ACTIONS = (
    PEOPLE + "SELECT a.id, a.meeting_id, a.number, a.what, a.owner, a.due, a.status, a.note, "
    "a.version, coalesce(p.name, ''), p.city_id, a.updated_at FROM action_items a "
    "LEFT JOIN people p ON p.person = a.owner "
)


def _action(row: tuple) -> ActionItem:
    return ActionItem(*row[:6], ActionStatus(row[6]), *row[7:])


def actions(cur, meeting_ids: list[int] | None = None) -> list[ActionItem]:
    """Action items of some meetings (None: all), by meeting and number."""
    where, params = "", []
    if meeting_ids is not None:
        where, params = "WHERE a.meeting_id IN (SELECT unnest(?::INTEGER[])) ", [meeting_ids]
    rows = cur.execute(_ACTIONS + where + "ORDER BY a.meeting_id, a.number", params).fetchall()
    return [_action(row) for row in rows]


def get_action(cur, action_id: int) -> ActionItem:
    """One action item, or NotFound."""
    row = cur.execute(_ACTIONS + "WHERE a.id = ?", [action_id]).fetchone()
    if row is None:
        raise NotFound(f"action {action_id}")
    return _action(row)


def write_actions(
    cur, meeting_id: int, planned: tuple[PlannedAction, ...], at: datetime
) -> list[int]:
    """Make the meeting's action items those the minutes name, by their numbers: changed ones
    are updated and keep their status, new ones open, the ones taken out of the minutes go.
    Returns the numbers of the actions with a new owner (new ones included)."""
    new_owner = []
    for action in planned:
        due = date.fromisoformat(action.due) if action.due else None
        existing = cur.execute(
            "SELECT what, owner, due FROM action_items WHERE meeting_id = ? AND number = ?",
            [meeting_id, action.number],
        ).fetchone()
        if existing is None or existing[1] != action.owner:
            new_owner.append(action.number)
        if existing is None:
            cur.execute(
                "INSERT INTO action_items (id, meeting_id, number, what, owner, due, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [next_id(cur, "action_items"), meeting_id, action.number, action.what]
                + [action.owner, due, at],
            )
        elif existing != (action.what, action.owner, due):
            cur.execute(
                "UPDATE action_items SET what = ?, owner = ?, due = ?, updated_at = ?, "
                "version = version + 1 WHERE meeting_id = ? AND number = ?",
                [action.what, action.owner, due, at, meeting_id, action.number],
            )
    cur.execute(
        "DELETE FROM action_items WHERE meeting_id = ? AND "
        "number NOT IN (SELECT unnest(?::INTEGER[]))",
        [meeting_id, [a.number for a in planned]],
    )
    return new_owner


def update_action(cur, action: ActionItem, at: datetime) -> ActionItem:
    """Save an action's status and note, opened at `action.version`."""
    changed = cur.execute(
        "UPDATE action_items SET status = ?, note = ?, updated_at = ?, version = version + 1 "
        "WHERE id = ? AND version = ? RETURNING id",
        [str(action.status), action.note, at, action.id, action.version],
    ).fetchall()
    if not changed:
        raise ConflictError(get_action(cur, action.id))
    return get_action(cur, action.id)
