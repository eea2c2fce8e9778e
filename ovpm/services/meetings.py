"""Meetings of a network or of a city's own process (SPEC.md §4.9): planning, invitees, the
actions that follow a meeting until they are done, and the invitation (ICS). The minutes are in
`minutes` (a submission kind of the review workflow).

Access: the Secretariat and the host city (the network's pilot city, or the city running its
process) edit; the Advisory Group reads all; the network's member cities and the invitees read
the meeting; other member cities see nothing of it."""

from __future__ import annotations

import dataclasses

from ovpm import i18n
from ovpm.clock import now_utc
from ovpm.domain import meetings as rules
from ovpm.domain.errors import NotFound
from ovpm.domain.meetings import (
    ActionItem,
    ActionStatus,
    Meeting,
    MeetingAccess,
    person_key,
)
from ovpm.domain.models import Role, User
from ovpm.domain.process_warnings import ProcessWarning, process_warnings
from ovpm.domain.submissions import Status, Submission
from ovpm.exports.calendar import Event, ics
from ovpm.services._common import require, snapshot, validate
from ovpm.store import audit, cities, networks
from ovpm.store import meetings as store
from ovpm.store.db import Database


def member_cities(cur, network_id: int | None) -> frozenset[int]:
    """The cities taking part in a network: its pilot city and the participating ones."""
    if network_id is None:
        return frozenset()
    return frozenset(networks.participating_city_ids(cur, network_id)) | {
        networks.get(cur, network_id).pilot_city_id
    }


def _owns_action(actor: User, actions) -> bool:
    mine = person_key(user_id=actor.id)
    return actor.role == Role.CITY and any(
        a.owner == mine or a.owner_city_id == actor.city_id for a in actions
    )


def _access(actor: User, meeting: Meeting, members: frozenset[int], actions) -> MeetingAccess:
    access = rules.meeting_access(actor, meeting, members)
    if access.read:
        return access
    return rules.meeting_access(actor, meeting, members, _owns_action(actor, actions))


def load_in(cur, actor: User, meeting_id: int) -> tuple[Meeting, MeetingAccess]:
    """A meeting read inside a unit of work, with the actor's access (PermissionDenied when
    they may not read it)."""
    meeting = store.get(cur, meeting_id)
    members = member_cities(cur, meeting.network_id)
    access = _access(actor, meeting, members, store.actions(cur, [meeting_id]))
    require(access.read)
    return meeting, access


@dataclasses.dataclass(frozen=True)
class _Kept:
    """Every meeting, action item and network's cities, kept until the next write (the
    screens ask for them several times a rerun; read-only)."""

    meetings: dict[int, Meeting]
    actions: tuple[ActionItem, ...]
    members: dict[int, frozenset[int]]
    minutes_status: dict[int, Status]  # minutes id → step
    approved_minutes: frozenset[int]

    def actions_of(self, meeting_id: int) -> list[ActionItem]:
        return [a for a in self.actions if a.meeting_id == meeting_id]

    def access(self, actor: User, meeting: Meeting) -> MeetingAccess:
        members = self.members.get(meeting.network_id, frozenset())
        return _access(actor, meeting, members, self.actions_of(meeting.id))


def _read_all(cur) -> _Kept:
    found = store.search(cur)
    networks_of = {m.network_id for m in found if m.network_id is not None}
    minutes = store.minutes_statuses(cur, [m.minutes_id for m in found if m.minutes_id])
    return _Kept(
        {m.id: m for m in found},
        tuple(store.actions(cur)),
        {n: member_cities(cur, n) for n in networks_of},
        {k: Status(v) for k, v in minutes.items()},
        frozenset(store.approved_minutes(cur)),
    )


def _kept(db: Database) -> _Kept:
    return db.kept_read(("meetings",), _read_all)


def get_meeting(db: Database, actor: User, meeting_id: int) -> tuple[Meeting, MeetingAccess]:
    """A meeting the actor may read, with what they may do with it."""
    kept = _kept(db)
    meeting = kept.meetings.get(meeting_id)
    if meeting is None:
        raise NotFound(f"meeting {meeting_id}")
    access = kept.access(actor, meeting)
    require(access.read)
    return meeting, access


def readable_meetings(
    db: Database, actor: User, network_id: int | None = None, city_id: int | None = None
) -> list[Meeting]:
    """The meetings the actor may read (of a network, or hosted by a city), earliest first."""
    kept = _kept(db)
    return [
        m
        for m in kept.meetings.values()
        if (network_id is None or m.network_id == network_id)
        and (city_id is None or m.city_id == city_id)
        and rules.meeting_access(actor, m, kept.members.get(m.network_id, frozenset())).read
    ]


def warnings(
    db: Database, actor: User, network_id: int | None = None, city_id: int | None = None
) -> list[ProcessWarning]:
    """The sources' warnings about the processes whose meetings the actor reads (of a network,
    or of the processes hosted by a city)."""
    found = readable_meetings(db, actor, network_id, city_id)
    return process_warnings(found, set(_kept(db).approved_minutes))


def can_plan(actor: User, city_id: int) -> bool:
    """The Secretariat, or an officer of the host city, plans a meeting."""
    return actor.role == Role.SECRETARIAT or (actor.role == Role.CITY and actor.city_id == city_id)


def save_meeting(db: Database, actor: User, meeting: Meeting) -> Meeting:
    """Plan a meeting or change it (host city, Secretariat): a network's meeting is hosted by
    its pilot city; a process's by the city running it."""
    validate(rules.meeting_errors(meeting))
    with db.unit_of_work() as cur:
        if meeting.network_id is not None:
            meeting = dataclasses.replace(
                meeting, city_id=networks.get(cur, meeting.network_id).pilot_city_id
            )
        require(can_plan(actor, meeting.city_id))
        before = None
        if meeting.id is not None:
            before, access = load_in(cur, actor, meeting.id)
            require(access.edit and before.city_id == meeting.city_id)
        known = store.people_names(cur)
        require(all(i.key in known for i in meeting.invitees))
        after = store.save(cur, meeting)
        _audit(cur, actor, after, "update" if before else "create", before)
    return after


def delete_meeting(db: Database, actor: User, meeting_id: int, version: int) -> None:
    """Delete a planned meeting that has no minutes yet (host city, Secretariat)."""
    with db.unit_of_work() as cur:
        before, access = load_in(cur, actor, meeting_id)
        require(access.edit and before.minutes_id is None)
        store.delete(cur, meeting_id, version)
        audit.record(
            cur,
            actor.id,
            actor.username,
            "meeting",
            meeting_id,
            "delete",
            _snapshot(before),
            None,
            before.city_id,
        )


def _snapshot(meeting: Meeting) -> dict:
    data = snapshot(meeting, ("network_name", "invitees"))
    data["invitees"] = [i.key for i in meeting.invitees]
    return data


def _audit(cur, actor: User, after: Meeting, action: str, before: Meeting | None) -> None:
    audit.record(
        cur,
        actor.id,
        actor.username,
        "meeting",
        after.id,
        action,
        _snapshot(before) if before else None,
        _snapshot(after),
        after.city_id,
    )


def people(db: Database, actor: User) -> dict[str, str]:
    """Everyone a meeting may invite or an action may name — the address book and the users —
    as person key → 'name (city)', by name (kept until the next write)."""
    require(actor.role in (Role.SECRETARIAT, Role.CITY, Role.ADVISORY))
    return db.kept_read(("meeting_people",), _people_labels)


def _people_labels(cur) -> dict[str, str]:
    found = store.people_names(cur)
    city_names = cities.names(cur)
    return {
        key: name + (f" ({city_names[city]})" if city in city_names else "")
        for key, (name, city) in sorted(found.items(), key=lambda item: item[1][0].lower())
    }


def minutes_statuses(db: Database, actor: User, minutes_ids: list[int]) -> dict[int, Status]:
    """minutes id → its step, for the lists of meetings the actor reads."""
    require(actor.role in (Role.SECRETARIAT, Role.CITY, Role.ADVISORY))
    kept = _kept(db).minutes_status
    return {k: kept[k] for k in minutes_ids if k in kept}


def meeting_of_minutes(db: Database, actor: User, minutes: Submission) -> int | None:
    """The meeting whose minutes these are (for a reader of the minutes)."""
    found = [m.id for m in _kept(db).meetings.values() if m.minutes_id == minutes.id]
    return found[0] if found else None


# --- actions ---------------------------------------------------------------------------------


def meeting_actions(db: Database, actor: User, meeting_id: int) -> list[ActionItem]:
    """The action items the meeting's minutes named."""
    get_meeting(db, actor, meeting_id)
    return _kept(db).actions_of(meeting_id)


def carried_actions(db: Database, actor: User, meeting: Meeting) -> list[ActionItem]:
    """The unfinished actions of the earlier meetings of the same group: they head the
    agenda of this one."""
    get_meeting(db, actor, meeting.id)
    kept = _kept(db)
    earlier = [m for m in kept.meetings.values() if m.id != meeting.id]
    return rules.carried_actions(meeting, earlier, list(kept.actions))


def update_action(
    db: Database, actor: User, action_id: int, version: int, status: str, note: str
) -> ActionItem:
    """Change an action's status, with a note saying why (its owner, the host city, the
    Secretariat); the audit trail keeps every change."""
    validate(rules.status_change_errors(status, note))
    with db.unit_of_work() as cur:
        before = store.get_action(cur, action_id)
        meeting, _access_ = load_in(cur, actor, before.meeting_id)
        require(rules.can_update_action(actor, before, meeting))
        changed = dataclasses.replace(
            before, status=ActionStatus(status), note=note.strip(), version=version
        )
        after = store.update_action(cur, changed, now_utc())
        audit.record(
            cur,
            actor.id,
            actor.username,
            "action_item",
            after.id,
            "update",
            {"status": str(before.status), "note": before.note},
            {"status": str(after.status), "note": after.note},
            meeting.city_id,
        )
    return after


def actions_for(db: Database, actor: User) -> list[tuple[ActionItem, Meeting]]:
    """Every unfinished action the actor may update as its owner or its owner's city (the
    Secretariat: every unfinished one), with its meeting."""
    kept = _kept(db)
    mine = person_key(user_id=actor.id)
    return [
        (a, kept.meetings[a.meeting_id])
        for a in kept.actions
        if a.status in rules.UNFINISHED
        and (
            actor.role == Role.SECRETARIAT
            or a.owner == mine
            or (actor.role == Role.CITY and actor.city_id == a.owner_city_id)
        )
    ]


# --- exports ---------------------------------------------------------------------------------


def meeting_title(meeting: Meeting, language: str) -> str:
    """The meeting's title, or its kind when it has none."""
    return meeting.title or i18n.translator(language)(rules.MEETING_KIND_LABELS[meeting.kind])


def meeting_event(meeting: Meeting, language: str, context: str = "") -> Event:
    """A meeting as a calendar event (its title, then the network's name when given)."""
    title = meeting_title(meeting, language) + (" — " + context if context else "")
    return Event(
        f"meeting-{meeting.id}@roadmap-hub",
        title,
        meeting.starts_at,
        meeting.ends_at,
        meeting.place or meeting.link,
        meeting.link,
    )


def calendar_ics(db: Database, actor: User, meeting_id: int, language: str) -> bytes:
    """The invitation to one meeting as iCalendar."""
    meeting, _access_ = get_meeting(db, actor, meeting_id)
    return ics([meeting_event(meeting, language)], meeting_title(meeting, language), now_utc())
