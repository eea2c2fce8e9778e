"""Mission4City (SPEC.md §4.8, source 002): a member city in good standing requests a short
technical-assistance mission with the M4C technical sheet and the mayor's letter; the
Secretariat instructs it in four steps, in order, and schedules it; the city keeps its
obligations and writes the mission report, which the Secretariat publishes to the library of
good practices."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from ovpm.domain import N_
from ovpm.domain.errors import FieldError
from ovpm.domain.models import Person
from ovpm.domain.rules import REQUIRED, person_errors

MISSION_DAYS = (1, 3)  # a mission lasts 1 to 3 days (source 002)


class MissionStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    IN_INSTRUCTION = "in_instruction"
    SCHEDULED = "scheduled"
    DONE = "done"
    REPORT_RECEIVED = "report_received"
    PUBLISHED = "published"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


MISSION_STATUS_LABELS = {
    MissionStatus.DRAFT: N_("Draft"),
    MissionStatus.SUBMITTED: N_("Submitted"),
    MissionStatus.IN_INSTRUCTION: N_("In instruction"),
    MissionStatus.SCHEDULED: N_("Scheduled"),
    MissionStatus.DONE: N_("Mission done"),
    MissionStatus.REPORT_RECEIVED: N_("Report received"),
    MissionStatus.PUBLISHED: N_("Published"),
    MissionStatus.DECLINED: N_("Declined"),
    MissionStatus.WITHDRAWN: N_("Withdrawn"),
}
# The moves a person makes on this screen (submitting the request and the report are the review
# workflow's, and move the mission with them). Who makes each: see `MOVERS`.
MOVES = {
    MissionStatus.SUBMITTED: (MissionStatus.IN_INSTRUCTION, MissionStatus.DECLINED),
    MissionStatus.IN_INSTRUCTION: (MissionStatus.SCHEDULED, MissionStatus.DECLINED),
    MissionStatus.SCHEDULED: (MissionStatus.DONE, MissionStatus.IN_INSTRUCTION),
    MissionStatus.REPORT_RECEIVED: (MissionStatus.PUBLISHED,),
}
# The city withdraws its request at any time before the mission.
WITHDRAWABLE = (
    MissionStatus.DRAFT,
    MissionStatus.SUBMITTED,
    MissionStatus.IN_INSTRUCTION,
    MissionStatus.SCHEDULED,
)
OPEN_STATUSES = (
    MissionStatus.SUBMITTED,
    MissionStatus.IN_INSTRUCTION,
    MissionStatus.SCHEDULED,
    MissionStatus.DONE,
    MissionStatus.REPORT_RECEIVED,
)


@dataclass(frozen=True)
class MissionRequest:
    """The M4C technical sheet (source 002, annex 1), with the mayor-signed letter."""

    title: str = ""  # the subject, in a few words: how the request is named in lists
    contact: Person = field(default_factory=Person)
    situation: str = ""
    global_project: str = ""
    expertise_profiles: str = ""
    main_skills: str = ""
    fields: tuple[str, ...] = ()  # fields of expertise: matching and the library's filter
    axis: int | None = None
    wished_from: date | None = None
    wished_to: date | None = None
    letter_id: int | None = None
    letter_name: str = ""

    def to_dict(self) -> dict:
        data = asdict(self)
        data["fields"] = list(self.fields)
        for name in ("wished_from", "wished_to"):
            value = getattr(self, name)
            data[name] = value.isoformat() if value else None
        return data

    @classmethod
    def from_dict(cls, data: dict | None) -> MissionRequest:
        data = data or {}
        return cls(
            title=data.get("title") or "",
            contact=Person(**(data.get("contact") or {})),
            situation=data.get("situation") or "",
            global_project=data.get("global_project") or "",
            expertise_profiles=data.get("expertise_profiles") or "",
            main_skills=data.get("main_skills") or "",
            fields=tuple(data.get("fields") or ()),
            axis=data.get("axis"),
            wished_from=_day(data.get("wished_from")),
            wished_to=_day(data.get("wished_to")),
            letter_id=data.get("letter_id"),
            letter_name=data.get("letter_name") or "",
        )


def _day(value) -> date | None:
    if isinstance(value, date):
        return value
    return date.fromisoformat(value) if value else None


def request_errors(request: MissionRequest, good_standing: bool) -> list[FieldError]:
    """What a request needs to be submitted: a city in good standing, the contact person (a
    valid e-mail), the situation, the global project, the expertise requested and the letter."""
    errors = []
    if not good_standing:
        errors.append(FieldError("city", NOT_IN_GOOD_STANDING))
    errors += person_errors("contact", request.contact, required=True)
    for name, value in (
        ("title", request.title),
        ("situation", request.situation),
        ("global_project", request.global_project),
        ("expertise_profiles", request.expertise_profiles),
    ):
        if not value.strip():
            errors.append(FieldError(name, REQUIRED))
    if request.wished_from and request.wished_to and request.wished_to < request.wished_from:
        errors.append(FieldError("wished_to", N_("must be on or after the first day wished.")))
    if request.letter_id is None:
        errors.append(
            FieldError(
                "letter", N_("is required: upload the letter signed by the mayor, as a PDF file.")
            )
        )
    return errors


NOT_IN_GOOD_STANDING = N_(
    "is not in good standing with the Organization: a request can be submitted once the "
    "membership is settled with the General Secretariat."
)


# How the mission follows its request and its report through the review workflow:
# (submission kind, workflow event) → the mission's status.
FOLLOWS = {
    ("mission_request", "submit"): MissionStatus.SUBMITTED,
    ("mission_request", "changes_requested"): MissionStatus.DRAFT,
    ("mission_request", "approved"): MissionStatus.IN_INSTRUCTION,
    ("mission_request", "withdraw"): MissionStatus.WITHDRAWN,
    ("mission_report", "submit"): MissionStatus.REPORT_RECEIVED,
    ("mission_report", "changes_requested"): MissionStatus.DONE,
}


@dataclass(frozen=True)
class Mission:
    """A request's life from the technical sheet to the published report."""

    id: int
    city_id: int
    request_id: int
    status: MissionStatus
    programme: Programme
    report_id: int | None = None
    decline_reason: str = ""
    status_since: datetime | None = None
    published_on: date | None = None
    version: int = 1
    title: str = ""
    city_name: str = ""

    def withdrawable(self, today: date) -> bool:
        """Before the mission: the city may still withdraw its request."""
        before = self.programme.first_day is None or today < self.programme.first_day
        return self.status in WITHDRAWABLE and before


# --- instruction (source 002: a, b, c, d, in order) ------------------------------------------


class Step(StrEnum):
    CONTACT = "contact"
    ADVICE = "advice"
    EXPERTS = "experts"
    PROGRAMME = "programme"


STEP_LABELS = {
    Step.CONTACT: N_("(a) Contact with the city's contact person"),
    Step.ADVICE: N_("(b) Advice from other actors on relevance"),
    Step.EXPERTS: N_("(c) Candidate experts identified and the city consulted"),
    Step.PROGRAMME: N_("(d) Programme agreed with the city"),
}
STEPS = tuple(Step)


@dataclass(frozen=True)
class StepRecord:
    step: Step
    done_on: date
    note: str
    who: str = ""  # (b): the actors asked
    recorded_by: str = ""


@dataclass(frozen=True)
class Programme:
    """Step (d): the mission's dates, its day-by-day programme, logistics and cost sharing."""

    first_day: date | None = None
    last_day: date | None = None
    days: tuple[str, ...] = ()
    logistics: str = ""
    cost_sharing: str = ""

    def to_dict(self) -> dict:
        return {
            "first_day": self.first_day.isoformat() if self.first_day else None,
            "last_day": self.last_day.isoformat() if self.last_day else None,
            "days": list(self.days),
            "logistics": self.logistics,
            "cost_sharing": self.cost_sharing,
        }

    @classmethod
    def from_dict(cls, data: dict | None) -> Programme:
        data = data or {}
        return cls(
            _day(data.get("first_day")),
            _day(data.get("last_day")),
            tuple(data.get("days") or ()),
            data.get("logistics") or "",
            data.get("cost_sharing") or "",
        )

    @property
    def length(self) -> int:
        if self.first_day is None or self.last_day is None:
            return 0
        return (self.last_day - self.first_day).days + 1

    def mission_days(self) -> list[date]:
        return [self.first_day + timedelta(days=n) for n in range(max(self.length, 0))]


def mission_days_errors(first_day: date | None, last_day: date | None) -> list[FieldError]:
    """A mission lasts 1 to 3 days."""
    if first_day is None:
        return [FieldError("first_day", REQUIRED)]
    if last_day is None:
        return [FieldError("last_day", REQUIRED)]
    length = (last_day - first_day).days + 1
    low, high = MISSION_DAYS
    if not low <= length <= high:
        return [
            FieldError(
                "last_day",
                N_("a mission lasts 1 to 3 days; these dates make {n}."),
                {"n": length},
            )
        ]
    return []


def programme_errors(programme: Programme) -> list[FieldError]:
    """Step (d) needs its dates (1 to 3 days), a text for each day, logistics and cost sharing."""
    errors = mission_days_errors(programme.first_day, programme.last_day)
    if not errors and (
        len(programme.days) != programme.length or not all(d.strip() for d in programme.days)
    ):
        errors.append(FieldError("days", N_("needs what is done on each day of the mission.")))
    for name in ("logistics", "cost_sharing"):
        if not getattr(programme, name).strip():
            errors.append(FieldError(name, REQUIRED))
    return errors


def step_errors(step: Step, recorded: set[Step], note: str, experts: int) -> list[FieldError]:
    """A step is recorded after the steps before it, with a note; (c) names at least one
    candidate expert."""
    before = STEPS[: STEPS.index(step)]
    missing = [s for s in before if s not in recorded]
    errors = []
    if missing:
        errors.append(FieldError("step", N_("comes after step {step}."), {"step": str(missing[0])}))
    if not note.strip():
        errors.append(FieldError("note", REQUIRED))
    if step == Step.EXPERTS and experts == 0:
        errors.append(FieldError("experts", N_("needs at least one candidate expert.")))
    return errors


def schedule_errors(recorded: set[Step]) -> list[FieldError]:
    """A mission is scheduled once the four steps are recorded."""
    missing = [s for s in STEPS if s not in recorded]
    if missing:
        return [
            FieldError(
                "status",
                N_("can be 'scheduled' once steps (a) to (d) are recorded; missing: {steps}."),
                {"steps": ", ".join("abcd"[STEPS.index(s)] for s in missing)},
            )
        ]
    return []


# --- the requesting city's obligations (source 002: shared responsibilities) ----------------


class Obligation(StrEnum):
    DOSSIER = "dossier"
    LOGISTICS = "logistics"
    MEDIA = "media"
    REPORT = "report"


OBLIGATION_LABELS = {
    Obligation.DOSSIER: N_("Technical working dossier before the mission"),
    Obligation.LOGISTICS: N_(
        "Logistics: local transport, equipped room, visits, local actors mobilised"
    ),
    Obligation.MEDIA: N_("Media coverage during and after the mission (photos)"),
    Obligation.REPORT: N_("Mission report"),
}
# When each is due, counted from the mission's first or last day.
DOSSIER_BEFORE = timedelta(days=14)
MEDIA_AFTER = timedelta(days=14)
REPORT_AFTER = timedelta(days=30)


class ObligationStatus(StrEnum):
    TO_DO = "to_do"
    IN_PROGRESS = "in_progress"
    DONE = "done"


OBLIGATION_STATUS_LABELS = {
    ObligationStatus.TO_DO: N_("To do"),
    ObligationStatus.IN_PROGRESS: N_("In progress"),
    ObligationStatus.DONE: N_("Done"),
}


def obligation_due(item: Obligation, programme: Programme) -> date | None:
    """When an obligation is due, once the mission has its dates."""
    if programme.first_day is None or programme.last_day is None:
        return None
    return {
        Obligation.DOSSIER: programme.first_day - DOSSIER_BEFORE,
        Obligation.LOGISTICS: programme.first_day,
        Obligation.MEDIA: programme.last_day + MEDIA_AFTER,
        Obligation.REPORT: programme.last_day + REPORT_AFTER,
    }[item]


@dataclass(frozen=True)
class ObligationState:
    item: Obligation
    status: ObligationStatus = ObligationStatus.TO_DO
    done_on: date | None = None
    note: str = ""
    files: tuple[int, ...] = ()  # attachments: the dossier (PDF), the photos (PNG, JPEG)
    due_on: date | None = None

    def late(self, today: date) -> bool:
        return (
            self.status != ObligationStatus.DONE and self.due_on is not None and self.due_on < today
        )


def obligation_errors(state: ObligationState, today: date) -> list[FieldError]:
    """A done item has its date (not in the future); the dossier and the media coverage are
    done with their files."""
    errors = []
    if state.status == ObligationStatus.DONE:
        if state.done_on is None:
            errors.append(FieldError("done_on", REQUIRED))
        elif state.done_on > today:
            errors.append(FieldError("done_on", N_("cannot be in the future.")))
        if state.item in (Obligation.DOSSIER, Obligation.MEDIA) and not state.files:
            errors.append(FieldError("files", N_("is required to mark this item done.")))
    return errors


# --- the mission report (source 002) --------------------------------------------------------


@dataclass(frozen=True)
class MissionReport:
    """Written by the requesting city after the mission; published to the library."""

    title: str = ""
    initial_issue: str = ""
    objectives: str = ""
    actors: str = ""
    help_obtained: str = ""
    format: str = ""
    lessons: str = ""
    contributions: str = ""
    solutions: str = ""
    follow_up: str = ""
    photos: tuple[int, ...] = ()  # attachments of the media coverage shown in the report

    def to_dict(self) -> dict:
        data = asdict(self)
        data["photos"] = list(self.photos)
        return data

    @classmethod
    def from_dict(cls, data: dict | None) -> MissionReport:
        data = dict(data or {})
        data["photos"] = tuple(data.get("photos") or ())
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})


REPORT_REQUIRED = ("title", "initial_issue", "objectives", "actors", "help_obtained", "lessons")


def report_errors(report: MissionReport) -> list[FieldError]:
    """The summary, the account and the lessons are required."""
    return [
        FieldError(name, REQUIRED) for name in REPORT_REQUIRED if not getattr(report, name).strip()
    ]
