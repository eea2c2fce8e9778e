"""Collaborative networks and their action plans (SPEC.md §4.4, §4.5, source 001)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from ovpm.domain import N_


class NetworkStatus(StrEnum):
    FORMING = "forming"
    CONSTITUTED = "constituted"
    WORKSHOP_DONE = "workshop_done"
    PILOT_PROJECT = "pilot_project"
    EVALUATION = "evaluation"
    CLOSED = "closed"


NETWORK_STATUS_LABELS = {
    NetworkStatus.FORMING: N_("Forming"),
    NetworkStatus.CONSTITUTED: N_("Constituted"),
    NetworkStatus.WORKSHOP_DONE: N_("Workshop done"),
    NetworkStatus.PILOT_PROJECT: N_("Pilot project"),
    NetworkStatus.EVALUATION: N_("Evaluation"),
    NetworkStatus.CLOSED: N_("Closed"),
}


class MemberStatus(StrEnum):
    INVITED = "invited"
    ASKED = "asked_to_join"
    PARTICIPATING = "participating"
    LEFT = "left"
    DECLINED = "declined"


MEMBER_STATUS_LABELS = {
    MemberStatus.INVITED: N_("Invited"),
    MemberStatus.ASKED: N_("Asked to join"),
    MemberStatus.PARTICIPATING: N_("Participating"),
    MemberStatus.LEFT: N_("Left"),
    MemberStatus.DECLINED: N_("Declined"),
}


class ActivityType(StrEnum):
    WORKSHOP = "international_workshop"
    VIRTUAL = "virtual_meeting"
    IN_PERSON = "in_person_meeting"
    STUDY_VISIT = "study_visit"
    ROUND_TABLE = "round_table"
    OTHER = "other"


ACTIVITY_TYPE_LABELS = {
    ActivityType.WORKSHOP: N_("International workshop"),
    ActivityType.VIRTUAL: N_("Virtual meeting"),
    ActivityType.IN_PERSON: N_("In-person meeting"),
    ActivityType.STUDY_VISIT: N_("Study visit"),
    ActivityType.ROUND_TABLE: N_("Round table"),
    ActivityType.OTHER: N_("Other"),
}


class ActivityStatus(StrEnum):
    PLANNED = "planned"
    CONFIRMED = "confirmed"
    DONE = "done"
    CANCELLED = "cancelled"


ACTIVITY_STATUS_LABELS = {
    ActivityStatus.PLANNED: N_("Planned"),
    ActivityStatus.CONFIRMED: N_("Confirmed"),
    ActivityStatus.DONE: N_("Done"),
    ActivityStatus.CANCELLED: N_("Cancelled"),
}


class BudgetCategory(StrEnum):
    TRANSLATION = "translation"
    INTERPRETATION = "interpretation"
    MATERIALS = "materials"
    EXPERTISE = "expertise"
    TRAVEL = "travel"
    ACCOMMODATION = "accommodation"
    VENUE_MEALS = "venue_meals"
    COMMUNICATION = "communication"
    OTHER = "other"


BUDGET_CATEGORY_LABELS = {
    BudgetCategory.TRANSLATION: N_("Translation"),
    BudgetCategory.INTERPRETATION: N_("Interpretation"),
    BudgetCategory.MATERIALS: N_("Materials"),
    BudgetCategory.EXPERTISE: N_("Expertise"),
    BudgetCategory.TRAVEL: N_("Travel"),
    BudgetCategory.ACCOMMODATION: N_("Accommodation"),
    BudgetCategory.VENUE_MEALS: N_("Venue and meals"),
    BudgetCategory.COMMUNICATION: N_("Communication"),
    BudgetCategory.OTHER: N_("Other"),
}


class FunderKind(StrEnum):
    PILOT = "pilot_city"
    PARTICIPANT = "participating_city"
    SECRETARIAT = "general_secretariat"
    OTHER = "other_source"
    REQUESTER = "requesting_city"  # a Mission4City request's city


FUNDER_LABELS = {
    FunderKind.PILOT: N_("Pilot city and partners"),
    FunderKind.PARTICIPANT: N_("Participating city"),
    FunderKind.SECRETARIAT: N_("General Secretariat"),
    FunderKind.OTHER: N_("Other source"),
    FunderKind.REQUESTER: N_("Requesting city"),
}
# The funders an action plan's line names (a requesting city is Mission4City's).
PLAN_FUNDER_LABELS = {k: v for k, v in FUNDER_LABELS.items() if k != FunderKind.REQUESTER}

CURRENCIES = ("EUR", "CAD", "USD")


def parse_amount(text: object) -> Decimal | None:
    """An exact amount from what a user typed ('12 345,67', '12345.67'); None if not a number."""
    if isinstance(text, Decimal):
        return text
    cleaned = (
        str(text if text is not None else "")
        .strip()
        .replace("\u202f", "")
        .replace("\xa0", "")
        .replace(" ", "")
    )
    if "," in cleaned and "." in cleaned:
        cleaned = (
            cleaned.replace(".", "").replace(",", ".")
            if cleaned.rfind(",") > cleaned.rfind(".")
            else cleaned.replace(",", "")
        )
    else:
        cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


@dataclass(frozen=True)
class Activity:
    kind: str = ActivityType.VIRTUAL
    title: str = ""
    starts: date | None = None
    ends: date | None = None
    place: str = ""
    status: str = ActivityStatus.PLANNED


@dataclass(frozen=True)
class BudgetLine:
    category: str = BudgetCategory.OTHER
    description: str = ""
    amount: str = "0"  # kept as text in JSON so that the decimal stays exact
    currency: str = "EUR"
    funder: str = FunderKind.PILOT
    funder_city_id: int | None = None  # the participating city, when funder is one
    funder_name: str = ""  # the other named source
    key: str = ""  # stable across plan revisions, so that tracked entries stay on their line

    @property
    def value(self) -> Decimal | None:
        return parse_amount(self.amount)


@dataclass(frozen=True)
class ActionPlan:
    """The action plan of a network (source 001): its full version includes the budget."""

    concept: str = ""
    challenges: str = ""
    activities: tuple[Activity, ...] = ()
    budget: tuple[BudgetLine, ...] = ()
    collective_work: str = ""

    def to_dict(self) -> dict:
        data = asdict(self)
        for activity in data["activities"]:
            for key in ("starts", "ends"):
                activity[key] = activity[key].isoformat() if activity[key] else None
        return data

    @classmethod
    def from_dict(cls, data: dict | None) -> ActionPlan:
        data = data or {}
        activities = []
        for raw in data.get("activities") or ():
            raw = dict(raw)
            for key in ("starts", "ends"):
                raw[key] = date.fromisoformat(raw[key]) if raw.get(key) else None
            activities.append(Activity(**raw))
        return cls(
            concept=data.get("concept") or "",
            challenges=data.get("challenges") or "",
            activities=tuple(sorted(activities, key=lambda a: a.starts or date.max)),
            budget=tuple(BudgetLine(**line) for line in data.get("budget") or ()),
            collective_work=data.get("collective_work") or "",
        )

    def public(self) -> ActionPlan:
        """The call for participation: the same plan with no budget at all."""
        return ActionPlan(self.concept, self.challenges, self.activities, (), self.collective_work)


@dataclass(frozen=True)
class Network:
    id: int
    name: str
    theme: str
    axis: int
    pilot_city_id: int
    status: NetworkStatus
    source_submission_id: int | None
    created_at: datetime
    version: int
    pilot_city_name: str = ""


@dataclass(frozen=True)
class Member:
    network_id: int
    city_id: int
    city_name: str
    status: MemberStatus
    updated_at: datetime


@dataclass(frozen=True)
class RoundTable:
    id: int | None
    number: int
    theme: str
    host_name: str
    host_title: str
    host_city_id: int
    starts_at: datetime  # UTC, naive
    recording_url: str = ""
    synthesis: str = ""
    network_id: int | None = None
    version: int = 1
    host_city_name: str = ""
