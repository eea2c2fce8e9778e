"""Meetings of every kind of a network or of a city's own process (SPEC.md §4.9, sources 003 and
004): agenda, invitees and attendance, minutes with numbered decisions and action items that
stay open across the meetings of the same group until they are done. The preparatory meeting of
a network (SPEC.md §4.4) is a meeting of this model, with its one-hour rule."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum

from ovpm.domain import N_
from ovpm.domain.errors import FieldError
from ovpm.domain.models import Role, User
from ovpm.domain.rules import REQUIRED, TOO_LONG, URL_PATTERN
from ovpm.domain.times import is_zone

TITLE_MAX = 200
ITEM_MAX = 500
AGENDA_MAX_ITEMS = 30
TEXT_MAX = 20000
MEETING_MAX_MINUTES = 60  # a preparatory meeting (SPEC.md §4.4)
MAX_MINUTES = 12 * 60  # a launch event or a workshop session may take a day
MAX_DECISIONS = 50
MAX_ACTIONS = 50


class MeetingKind(StrEnum):
    STEERING_COMMITTEE = "steering_committee"
    WORKING_GROUP = "working_group"
    PREPARATORY = "preparatory_meeting"
    LAUNCH_EVENT = "launch_event"
    RESTITUTION_EVENT = "restitution_event"
    WORKSHOP_SESSION = "workshop_session"
    PARTICIPATORY_WORKSHOP = "participatory_workshop"
    OTHER = "other"


MEETING_KIND_LABELS = {
    MeetingKind.STEERING_COMMITTEE: N_("Steering committee"),
    MeetingKind.WORKING_GROUP: N_("Working group"),
    MeetingKind.PREPARATORY: N_("Preparatory meeting"),
    MeetingKind.LAUNCH_EVENT: N_("Launch event"),
    MeetingKind.RESTITUTION_EVENT: N_("Restitution event"),
    MeetingKind.WORKSHOP_SESSION: N_("Workshop session"),
    MeetingKind.PARTICIPATORY_WORKSHOP: N_("Participatory workshop"),
    MeetingKind.OTHER: N_("Other meeting"),
}


class Attendance(StrEnum):
    UNKNOWN = ""
    PRESENT = "present"
    EXCUSED = "excused"
    ABSENT = "absent"


ATTENDANCE_LABELS = {
    Attendance.UNKNOWN: N_("Not recorded"),
    Attendance.PRESENT: N_("Present"),
    Attendance.EXCUSED: N_("Excused"),
    Attendance.ABSENT: N_("Absent"),
}


class ActionStatus(StrEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


ACTION_STATUS_LABELS = {
    ActionStatus.OPEN: N_("Open"),
    ActionStatus.IN_PROGRESS: N_("In progress"),
    ActionStatus.DONE: N_("Done"),
    ActionStatus.DROPPED: N_("Dropped"),
}
UNFINISHED = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)


def person_key(contact_id: int | None = None, user_id: int | None = None) -> str:
    """A person of the address book ('contact:7') or a user ('user:3'), as one value."""
    return f"contact:{contact_id}" if contact_id is not None else f"user:{user_id}"


def parse_person_key(key: str) -> tuple[int | None, int | None]:
    """(contact id, user id) of a person key; (None, None) when it is not one."""
    kind, _, number = (key or "").partition(":")
    if not number.isdigit() or kind not in ("contact", "user"):
        return None, None
    return (int(number), None) if kind == "contact" else (None, int(number))


@dataclass(frozen=True)
class Invitee:
    """A person invited: from the address book or a user; attendance is recorded afterwards."""

    key: str  # person_key
    attendance: Attendance = Attendance.UNKNOWN
    name: str = ""
    city_id: int | None = None


@dataclass(frozen=True)
class Meeting:
    id: int | None
    network_id: int | None  # None: a city's own process
    city_id: int  # the host: the network's pilot city, or the city running its process
    kind: MeetingKind
    title: str
    starts_at: datetime  # UTC, naive
    duration_minutes: int
    time_zone: str  # the host's
    link: str = ""
    place: str = ""
    agenda: tuple[str, ...] = ()
    invitees: tuple[Invitee, ...] = ()
    notes: str = ""
    group: str = ""  # meetings of the same network or process, kind and group follow each other
    minutes_id: int | None = None
    version: int = 1
    network_name: str = ""
    city_name: str = ""
    preparation_started: date | None = None  # of a participatory workshop (source 004)
    working_group_id: int | None = None
    working_group_meeting: int | None = None  # 1, 2 or 3 (source 003)

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes or 0)

    @property
    def group_key(self) -> tuple:
        return (self.network_id, None if self.network_id else self.city_id, self.kind, self.group)

    def invited(self, key: str) -> bool:
        return any(i.key == key for i in self.invitees)


@dataclass(frozen=True)
class ActionItem:
    id: int | None
    meeting_id: int
    number: int
    what: str
    owner: str  # person_key
    due: date | None
    status: ActionStatus = ActionStatus.OPEN
    note: str = ""
    version: int = 1
    owner_name: str = ""
    owner_city_id: int | None = None
    updated_at: datetime | None = None

    def overdue(self, today: date) -> bool:
        return self.status in UNFINISHED and self.due is not None and self.due < today


@dataclass(frozen=True)
class PlannedAction:
    """An action item as the minutes write it (its status then lives on the action item)."""

    what: str = ""
    owner: str = ""  # person_key
    due: str = ""  # ISO date, '' when none
    owner_name: str = ""  # as it was when written, for the frozen revision
    number: int = 0  # its number in the meeting, kept when others are taken out; 0: new


@dataclass(frozen=True)
class IdeaPlan:
    """A first-level action plan for an idea kept, written at a working group's third meeting
    (source 003)."""

    idea: str = ""
    description: str = ""
    objectives: str = ""
    targets: str = ""
    lead: str = ""  # the expected lead
    means: str = ""  # the means needed


@dataclass(frozen=True)
class Attendee:
    name: str = ""
    attendance: str = ""


@dataclass(frozen=True)
class Minutes:
    """The content of a minutes submission: what was said, the decisions (numbered by their
    order), the actions and who attended, frozen with each revision."""

    text: str = ""
    decisions: tuple[str, ...] = ()
    actions: tuple[PlannedAction, ...] = ()
    attendees: tuple[Attendee, ...] = ()
    meeting_title: str = ""
    meeting_day: str = ""
    ideas: tuple[IdeaPlan, ...] = ()  # a working group's third meeting

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> Minutes:
        data = data or {}
        return cls(
            text=data.get("text") or "",
            decisions=tuple(data.get("decisions") or ()),
            actions=tuple(PlannedAction(**a) for a in data.get("actions") or ()),
            attendees=tuple(Attendee(**a) for a in data.get("attendees") or ()),
            meeting_title=data.get("meeting_title") or "",
            meeting_day=data.get("meeting_day") or "",
            ideas=tuple(IdeaPlan(**i) for i in data.get("ideas") or ()),
        )


# --- rules -----------------------------------------------------------------------------------


def meeting_errors(meeting: Meeting) -> list[FieldError]:
    """A short title, a valid host time zone, a duration (a preparatory meeting lasts at most an hour),
    a web link or a place, an agenda of short items."""
    errors = []
    if len(meeting.title) > TITLE_MAX:  # without a title, a meeting is shown by its kind
        errors.append(FieldError("meeting_title", TOO_LONG, {"max": TITLE_MAX}))
    if not is_zone(meeting.time_zone):
        errors.append(FieldError("time_zone", N_("must be a time zone of the list.")))
    errors += _duration_errors(meeting)
    if meeting.link and not URL_PATTERN.match(meeting.link.strip()):
        errors.append(FieldError("link", N_("must be a web address starting with https://.")))
    if len(meeting.place) > TITLE_MAX:
        errors.append(FieldError("place", TOO_LONG, {"max": TITLE_MAX}))
    if len(meeting.agenda) > AGENDA_MAX_ITEMS:
        errors.append(
            FieldError("agenda", N_("has at most {max} items."), {"max": AGENDA_MAX_ITEMS})
        )
    for index, item in enumerate(meeting.agenda):
        if len(item) > ITEM_MAX:
            errors.append(FieldError(f"agenda.{index}", TOO_LONG, {"max": ITEM_MAX}))
    if len(meeting.notes) > TEXT_MAX:
        errors.append(FieldError("notes", TOO_LONG, {"max": TEXT_MAX}))
    if len(meeting.group) > TITLE_MAX:
        errors.append(FieldError("group", TOO_LONG, {"max": TITLE_MAX}))
    return errors


def _duration_errors(meeting: Meeting) -> list[FieldError]:
    minutes = meeting.duration_minutes
    if minutes is None or minutes < 1:
        return [FieldError("duration", N_("must be at least one minute."))]
    if meeting.kind == MeetingKind.PREPARATORY and minutes > MEETING_MAX_MINUTES:
        return [
            FieldError(
                "duration",
                N_("is {minutes} minutes; a preparatory meeting lasts at most {max} minutes."),
                {"minutes": minutes, "max": MEETING_MAX_MINUTES},
            )
        ]
    if minutes > MAX_MINUTES:
        return [FieldError("duration", N_("must be at most {max} minutes."), {"max": MAX_MINUTES})]
    return []


def minutes_errors(minutes: Minutes, people: set[str]) -> list[FieldError]:
    """Minutes text within its limit; each decision written; each action with what, an owner
    among the people offered and a valid due date."""
    errors = []
    if len(minutes.text) > TEXT_MAX:
        errors.append(FieldError("minutes_text", TOO_LONG, {"max": TEXT_MAX}))
    if len(minutes.decisions) > MAX_DECISIONS:
        errors.append(
            FieldError("decisions", N_("has at most {max} items."), {"max": MAX_DECISIONS})
        )
    for index, decision in enumerate(minutes.decisions):
        if len(decision) > ITEM_MAX:
            errors.append(FieldError(f"decisions.{index}", TOO_LONG, {"max": ITEM_MAX}))
    if len(minutes.actions) > MAX_ACTIONS:
        errors.append(FieldError("actions", N_("has at most {max} items."), {"max": MAX_ACTIONS}))
    for index, action in enumerate(minutes.actions):
        errors += action_errors(f"actions.{index}", action, people)
    for index, idea in enumerate(minutes.ideas):
        if not idea.idea.strip():
            errors.append(FieldError(f"ideas.{index}.idea", REQUIRED))
        for key, value in asdict(idea).items():
            if len(value) > ITEM_MAX * 4:
                errors.append(FieldError(f"ideas.{index}.{key}", TOO_LONG, {"max": ITEM_MAX * 4}))
    return errors


def action_errors(prefix: str, action: PlannedAction, people: set[str]) -> list[FieldError]:
    errors = []
    if not action.what.strip():
        errors.append(FieldError(f"{prefix}.what", REQUIRED))
    elif len(action.what) > ITEM_MAX:
        errors.append(FieldError(f"{prefix}.what", TOO_LONG, {"max": ITEM_MAX}))
    if not action.owner:
        errors.append(FieldError(f"{prefix}.owner", REQUIRED))
    elif action.owner not in people:
        errors.append(
            FieldError(f"{prefix}.owner", N_("must be a person of the address book or a user."))
        )
    if action.due:
        try:
            date.fromisoformat(action.due)
        except ValueError:
            errors.append(FieldError(f"{prefix}.due", N_("must be a date.")))
    return errors


def status_change_errors(status: str, note: str) -> list[FieldError]:
    errors = []
    if status not in set(ActionStatus):
        errors.append(FieldError("status", N_("must be one of the list.")))
    if len(note) > ITEM_MAX:
        errors.append(FieldError("note", TOO_LONG, {"max": ITEM_MAX}))
    return errors


def numbered(actions: tuple[PlannedAction, ...]) -> tuple[PlannedAction, ...]:
    """The actions with their numbers: a new one takes the next number after the highest."""
    highest = max((a.number for a in actions), default=0)
    result = []
    for action in actions:
        if action.number <= 0:
            highest += 1
            action = replace(action, number=highest)
        result.append(action)
    return tuple(result)


def carried_actions(meeting: Meeting, earlier: list[Meeting], actions: list[ActionItem]):
    """The unfinished actions of the earlier meetings of the same group, oldest first: they
    head the next meeting's agenda until they are done."""
    before = {
        m.id
        for m in earlier
        if m.group_key == meeting.group_key and m.starts_at < meeting.starts_at
    }
    return [a for a in actions if a.meeting_id in before and a.status in UNFINISHED]


@dataclass(frozen=True)
class MeetingAccess:
    """What a reader may do with one meeting (SPEC.md §1, issue 14 §10)."""

    read: bool = False
    edit: bool = False
    invited: bool = False
    reads_all: bool = False  # the Secretariat and the Advisory Group read every step

    @property
    def read_draft_minutes(self) -> bool:
        return self.edit or self.reads_all

    @property
    def read_circulated_minutes(self) -> bool:
        """Circulated minutes go to the attendees for remarks."""
        return self.read_draft_minutes or self.invited

    @property
    def remark(self) -> bool:
        return self.invited and not self.edit


def meeting_access(
    actor: User, meeting: Meeting, member_cities: frozenset[int], owns_action: bool = False
) -> MeetingAccess:
    """The Secretariat and the host city (the pilot city, or the city running its process)
    edit; the Advisory Group reads everything; a network's member cities, the invitees and
    the owners of its actions read; other member cities nothing. `member_cities`: the cities
    taking part in the network."""
    if actor.role == Role.SECRETARIAT:
        return MeetingAccess(read=True, edit=True, reads_all=True)
    if actor.role == Role.ADVISORY:
        invited = meeting.invited(person_key(user_id=actor.id))
        return MeetingAccess(read=True, invited=invited, reads_all=True)
    host = actor.city_id == meeting.city_id
    invited = meeting.invited(person_key(user_id=actor.id)) or any(
        i.city_id == actor.city_id for i in meeting.invitees if i.city_id is not None
    )
    member = meeting.network_id is not None and actor.city_id in member_cities
    return MeetingAccess(read=host or invited or member or owns_action, edit=host, invited=invited)


def can_update_action(actor: User, action: ActionItem, meeting: Meeting) -> bool:
    """The owner (the user named, or an officer of the owner's city), the host city and the
    Secretariat update an action's status."""
    if actor.role == Role.SECRETARIAT:
        return True
    if actor.role != Role.CITY:
        return False
    return action.owner == person_key(user_id=actor.id) or actor.city_id in (
        action.owner_city_id,
        meeting.city_id,
    )
