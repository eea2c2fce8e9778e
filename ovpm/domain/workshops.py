"""The international workshop of a network (SPEC.md §4.6, source 000): co-organised by the
Secretariat and the pilot city, 2 or 3 days with a programme by half-day, its participants from
the address book (at most 3 international experts and 1 Advisory Group member funded by the
Secretariat) and the four deliverables that follow it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum

from ovpm.domain import N_
from ovpm.domain.errors import FieldError
from ovpm.domain.rules import REQUIRED, TOO_LONG

MIN_DAYS, MAX_DAYS = 2, 3
MAX_FUNDED_EXPERTS = 3
MAX_FUNDED_ADVISORS = 1
DELIVERABLES_DUE_DAYS = 60
TEXT_MAX = 2000
PLACE_MAX = 200


class WorkshopStatus(StrEnum):
    PLANNED = "planned"
    CONFIRMED = "confirmed"
    HELD = "held"
    CANCELLED = "cancelled"


# Their own words (not the activities' "Planned"): French and Spanish agree them with "atelier"
# and "taller", masculine where an activity is feminine.
WORKSHOP_STATUS_LABELS = {
    WorkshopStatus.PLANNED: N_("Workshop planned"),
    WorkshopStatus.CONFIRMED: N_("Workshop confirmed"),
    WorkshopStatus.HELD: N_("Workshop held"),
    WorkshopStatus.CANCELLED: N_("Workshop cancelled"),
}


class HalfDay(StrEnum):
    MORNING = "morning"
    AFTERNOON = "afternoon"


HALF_DAY_LABELS = {HalfDay.MORNING: N_("Morning"), HalfDay.AFTERNOON: N_("Afternoon")}


class ParticipantRole(StrEnum):
    LOCAL_EXPERT = "local_expert"
    INTERNATIONAL_EXPERT = "international_expert"
    ADVISORY_MEMBER = "advisory_member"
    CITY_REPRESENTATIVE = "city_representative"


PARTICIPANT_ROLE_LABELS = {
    ParticipantRole.LOCAL_EXPERT: N_("Local expert of the pilot city"),
    ParticipantRole.INTERNATIONAL_EXPERT: N_("International expert"),
    ParticipantRole.ADVISORY_MEMBER: N_("Advisory Group member"),
    ParticipantRole.CITY_REPRESENTATIVE: N_("Representative of a member city"),
}
# Roles the Secretariat may fund (travel and accommodation), with their limit.
FUNDED_LIMITS = {
    ParticipantRole.INTERNATIONAL_EXPERT: MAX_FUNDED_EXPERTS,
    ParticipantRole.ADVISORY_MEMBER: MAX_FUNDED_ADVISORS,
}


@dataclass(frozen=True)
class Slot:
    """One half-day of the programme."""

    day: int
    half: str
    title: str = ""
    activity: str = ""
    lead: str = ""


@dataclass(frozen=True)
class Participant:
    contact_id: int
    role: str
    funded: bool = False  # travel and accommodation paid by the Secretariat
    agreement: str = ""  # a member city's representative funded by a recorded agreement
    name: str = ""
    city_id: int | None = None
    city_name: str = ""
    email: str = ""


@dataclass(frozen=True)
class Workshop:
    id: int | None
    network_id: int
    place: str
    first_day: date | None
    last_day: date | None
    status: str = WorkshopStatus.PLANNED
    activity_key: str = ""  # the action-plan activity it realises
    provides_room: bool = False
    provides_meals: bool = False
    provides_other: str = ""
    programme: tuple[Slot, ...] = ()
    deliverables_due: date | None = None
    theme_sheet_not_needed: str = ""  # the Secretariat's reason, when no revision is needed
    version: int = 1
    network_name: str = ""
    pilot_city_id: int | None = None

    @property
    def days(self) -> int | None:
        if self.first_day is None or self.last_day is None:
            return None
        return (self.last_day - self.first_day).days + 1

    @property
    def due(self) -> date | None:
        """When the deliverables are due: the date set, or 60 days after the last day."""
        if self.deliverables_due is not None:
            return self.deliverables_due
        return self.last_day + timedelta(days=DELIVERABLES_DUE_DAYS) if self.last_day else None

    def day_dates(self) -> list[date]:
        return [self.first_day + timedelta(days=n) for n in range(self.days or 0)]


def workshop_errors(workshop: Workshop) -> list[FieldError]:
    """Place required; first and last day required and 2 or 3 days apart inclusive."""
    errors = []
    if not workshop.place.strip():
        errors.append(FieldError("place", REQUIRED))
    elif len(workshop.place) > PLACE_MAX:
        errors.append(FieldError("place", TOO_LONG, {"max": PLACE_MAX}))
    if workshop.first_day is None:
        errors.append(FieldError("first_day", REQUIRED))
    if workshop.last_day is None:
        errors.append(FieldError("last_day", REQUIRED))
    days = workshop.days
    if days is not None and not MIN_DAYS <= days <= MAX_DAYS:
        errors.append(
            FieldError(
                "last_day",
                N_("makes a workshop of {days} days; a workshop lasts 2 or 3 days."),
                {"days": days},
            )
        )
    if workshop.status not in set(WorkshopStatus):
        errors.append(FieldError("status", REQUIRED))
    if len(workshop.activity_key) > PLACE_MAX:
        errors.append(FieldError("activity_key", TOO_LONG, {"max": PLACE_MAX}))
    if len(workshop.provides_other) > TEXT_MAX:
        errors.append(FieldError("provides_other", TOO_LONG, {"max": TEXT_MAX}))
    for index, slot in enumerate(workshop.programme):
        for key in ("title", "activity", "lead"):
            if len(getattr(slot, key)) > TEXT_MAX:
                errors.append(FieldError(f"programme.{index}.{key}", TOO_LONG, {"max": TEXT_MAX}))
        if days is not None and not 1 <= slot.day <= days:
            errors.append(
                FieldError(
                    f"programme.{index}.day",
                    N_("must be a day of the workshop (1 to {days})."),
                    {"days": days},
                )
            )
    return errors


# Source 000's proposal, by day and half-day: (title, what is done).
PROPOSED_PROGRAMME = {
    (1, HalfDay.MORNING): (
        N_("Welcome and context"),
        N_("Welcome of the participants; the pilot city presents its context and its theme."),
    ),
    (1, HalfDay.AFTERNOON): (
        N_("Site visit and first framing of needs"),
        N_("Visit of the sites concerned; a first framing of the needs."),
    ),
    (2, HalfDay.MORNING): (
        N_("Good practices"),
        N_("The experts and the member cities share their good practices."),
    ),
    (2, HalfDay.AFTERNOON): (
        N_("Common problems and the priority problem"),
        N_("The common problems are identified and the priority problem is chosen."),
    ),
    (3, HalfDay.MORNING): (
        N_("Initial draft of a pilot project"),
        N_("The network writes the initial draft of a pilot project."),
    ),
    (3, HalfDay.AFTERNOON): (
        N_("Initial draft of a pilot project"),
        N_("The draft is completed and the next steps are agreed."),
    ),
}


def proposed_programme(days: int, translate) -> tuple[Slot, ...]:
    """Source 000's programme for a workshop of `days` days, in the language of `translate`; a
    2-day workshop drops day 3."""
    return tuple(
        Slot(day, str(half), translate(title), translate(activity))
        for (day, half), (title, activity) in PROPOSED_PROGRAMME.items()
        if day <= days
    )


def fitted_programme(programme: tuple[Slot, ...], days: int) -> tuple[Slot, ...]:
    """The programme of a workshop of `days` days: the slots of days it no longer has dropped,
    an empty morning and afternoon added for each day it gained."""
    kept = {(slot.day, slot.half): slot for slot in programme if slot.day <= days}
    return tuple(
        kept.get((day, str(half)), Slot(day, str(half)))
        for day in range(1, days + 1)
        for half in HalfDay
    )


def participant_errors(participants: list[Participant], pilot_city_id: int) -> list[FieldError]:
    """At most 3 funded international experts and 1 funded Advisory Group member; a funded
    international expert never belongs to the pilot city (its experts are local)."""
    errors = []
    for role, limit in FUNDED_LIMITS.items():
        funded = [p for p in participants if p.role == role and p.funded]
        if len(funded) > limit:
            message = (
                N_("The General Secretariat funds at most {max} international experts.")
                if role == ParticipantRole.INTERNATIONAL_EXPERT
                else N_("The General Secretariat funds at most {max} Advisory Group member.")
            )
            errors.append(FieldError("funded", message, {"max": limit}))
    for person in participants:
        if (
            person.role == ParticipantRole.INTERNATIONAL_EXPERT
            and person.funded
            and person.city_id == pilot_city_id
        ):
            errors.append(
                FieldError(
                    "funded",
                    N_(
                        "{name} belongs to the pilot city: an expert of the pilot city is a "
                        "local expert, not a funded international expert."
                    ),
                    {"name": person.name},
                )
            )
    for person in participants:
        if person.funded and person.role not in FUNDED_LIMITS:
            errors.append(
                FieldError(
                    "funded",
                    N_("Only international experts and the Advisory Group member are funded."),
                )
            )
            break
    return errors


def overlaps(one: Workshop, other: Workshop) -> bool:
    """Whether two workshops share a day."""
    if None in (one.first_day, one.last_day, other.first_day, other.last_day):
        return False
    return one.first_day <= other.last_day and other.first_day <= one.last_day


# The action-plan activity a workshop realises takes its status from the workshop.
ACTIVITY_STATUS_OF = {
    WorkshopStatus.PLANNED: "planned",
    WorkshopStatus.CONFIRMED: "confirmed",
    WorkshopStatus.HELD: "done",
    WorkshopStatus.CANCELLED: "cancelled",
}


def with_workshops(plan, workshops: list[Workshop]):
    """The plan's calendar with each activity a workshop realises (linked by its title) showing
    that workshop's days, place and status: the calendar and the workshop are one thing."""
    # the latest workshop that is not cancelled wins over a cancelled or an older one
    ordered = sorted(
        workshops, key=lambda w: (w.status != WorkshopStatus.CANCELLED, w.first_day or date.min)
    )
    linked = {w.activity_key: w for w in ordered if w.activity_key}
    if not linked:
        return plan
    activities = tuple(
        replace(
            activity,
            starts=linked[activity.title].first_day,
            ends=linked[activity.title].last_day,
            place=linked[activity.title].place,
            status=ACTIVITY_STATUS_OF[WorkshopStatus(linked[activity.title].status)],
        )
        if activity.title in linked
        else activity
        for activity in plan.activities
    )
    return replace(plan, activities=activities)


# --- the four deliverables -----------------------------------------------------------------


class DeliverableState(StrEnum):
    NOT_STARTED = "not_started"
    NOT_NEEDED = "not_needed"


@dataclass(frozen=True)
class DeliverableStatus:
    """Where one deliverable stands: its kind, its submission (if started), its status (a
    submission status, or not started / not needed), and whether it counts as done."""

    kind: str
    submission_id: int | None
    status: str
    done_on: date | None = None
    reason: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def done(self) -> bool:
        return self.done_on is not None


DELIVERABLE_STATE_LABELS = {
    DeliverableState.NOT_STARTED: N_("Not started"),
    DeliverableState.NOT_NEEDED: N_("Not needed"),
}
