"""The shared diagnosis and the project seeds of a network or of a city's own process (SPEC.md
§4.9, source 004): obstacles, levers, needs and resources brought by the cities and people
taking part; project seeds answering a need, carried by an action group, which may be promoted
to a pilot project. Who may do what is in `process_access`."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from enum import StrEnum

from ovpm.domain import N_
from ovpm.domain.errors import FieldError
from ovpm.domain.models import Role, User
from ovpm.domain.rules import REQUIRED, TOO_LONG

TEXT_MAX = 1000
TITLE_MAX = 200
TAG_MAX = 40
MAX_TAGS = 10
PLAN_MAX = 5000
MERGE_NEEDS_OTHERS = N_("choose at least one other entry to merge into the one kept.")
ONE_OF_THE_LIST = N_("must be one of the list.")
FINAL_STATUS = N_("a promoted or dropped seed keeps its status.")


class DiagnosisKind(StrEnum):
    OBSTACLE = "obstacle"
    LEVER = "lever"
    NEED = "need"
    RESOURCE = "resource"


DIAGNOSIS_KIND_LABELS = {
    DiagnosisKind.OBSTACLE: N_("Obstacles"),
    DiagnosisKind.LEVER: N_("Levers"),
    DiagnosisKind.NEED: N_("Needs"),
    DiagnosisKind.RESOURCE: N_("Resources"),
}


class SeedStatus(StrEnum):
    PROPOSED = "proposed"
    ACTIVE = "active"
    PAUSED = "paused"
    DROPPED = "dropped"
    PROMOTED = "promoted"


SEED_STATUS_LABELS = {
    SeedStatus.PROPOSED: N_("Proposed"),
    SeedStatus.ACTIVE: N_("Active"),
    SeedStatus.PAUSED: N_("Paused"),
    SeedStatus.DROPPED: N_("Dropped"),
    SeedStatus.PROMOTED: N_("Promoted to a pilot project"),
}


class AssessmentDecision(StrEnum):
    CONTINUE = "continue"
    STOP = "stop"
    CONTINUE_DIFFERENTLY = "continue_differently"


DECISION_LABELS = {
    AssessmentDecision.CONTINUE: N_("Continue"),
    AssessmentDecision.STOP: N_("Stop"),
    AssessmentDecision.CONTINUE_DIFFERENTLY: N_("Continue differently"),
}
ASSESSMENT_MAX_WORDS = 1000


@dataclass(frozen=True)
class Assessment:
    """Source 003's assessment ("bilan") of a network's or a city's process: what was
    achieved, the lessons learned, and whether to continue, stop or continue differently (and
    how). A submission of the host city, reviewed like the others."""

    achieved: str = ""
    lessons: str = ""
    decision: str = ""
    how: str = ""

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> Assessment:
        data = data or {}
        return cls(**{k: data.get(k) or "" for k in ("achieved", "lessons", "decision", "how")})


@dataclass(frozen=True)
class Process:
    """A network's collective work, or a city's own process (no network)."""

    network_id: int | None
    city_id: int  # the host: the network's pilot city, or the city running its process
    name: str = ""


@dataclass(frozen=True)
class DiagnosisEntry:
    id: int | None
    network_id: int | None
    city_id: int
    kind: DiagnosisKind
    text: str
    brought_by_city_id: int | None = None
    brought_by: str = ""  # person key
    tags: tuple[str, ...] = ()
    merged_into: int | None = None
    version: int = 1
    created_at: datetime | None = None
    brought_by_city: str = ""
    brought_by_name: str = ""


@dataclass(frozen=True)
class ProjectSeed:
    id: int | None
    network_id: int | None
    city_id: int
    title: str
    need: str = ""
    diagnosis_ids: tuple[int, ...] = ()
    plan: str = ""  # what the action group will do
    group_people: tuple[str, ...] = ()  # person keys
    contact_person: str = ""  # person key
    status: SeedStatus = SeedStatus.PROPOSED
    decision_note: str = ""
    version: int = 1
    created_at: datetime | None = None


@dataclass(frozen=True)
class ProcessAccess:
    read: bool = False
    take_part: bool = False  # add diagnosis entries, propose seeds
    edit: bool = False  # edit or merge entries, change seeds and their status


def process_access(actor: User, process: Process, member_cities: frozenset[int]) -> ProcessAccess:
    """The Secretariat and the host city edit; the cities taking part in a network add; the
    Advisory Group reads; other member cities see nothing."""
    if actor.role == Role.SECRETARIAT:
        return ProcessAccess(True, True, True)
    if actor.role == Role.ADVISORY:
        return ProcessAccess(read=True)
    host = actor.city_id == process.city_id
    member = process.network_id is not None and actor.city_id in member_cities
    return ProcessAccess(read=host or member, take_part=host or member, edit=host)


def entry_errors(entry: DiagnosisEntry) -> list[FieldError]:
    errors = []
    if not entry.text.strip():
        errors.append(FieldError("text", REQUIRED))
    elif len(entry.text) > TEXT_MAX:
        errors.append(FieldError("text", TOO_LONG, {"max": TEXT_MAX}))
    if len(entry.tags) > MAX_TAGS:
        errors.append(FieldError("tags", N_("has at most {max} items."), {"max": MAX_TAGS}))
    for tag in entry.tags:
        if len(tag) > TAG_MAX:
            errors.append(FieldError("tags", TOO_LONG, {"max": TAG_MAX}))
            break
    return errors


def seed_errors(seed: ProjectSeed) -> list[FieldError]:
    errors = []
    if not seed.title.strip():
        errors.append(FieldError("seed_title", REQUIRED))
    elif len(seed.title) > TITLE_MAX:
        errors.append(FieldError("seed_title", TOO_LONG, {"max": TITLE_MAX}))
    for key, value, limit in (
        ("need", seed.need, TEXT_MAX),
        ("plan", seed.plan, PLAN_MAX),
        ("decision_note", seed.decision_note, TEXT_MAX),
    ):
        if len(value) > limit:
            errors.append(FieldError(key, TOO_LONG, {"max": limit}))
    if seed.contact_person and seed.contact_person not in seed.group_people:
        errors.append(
            FieldError("contact_person", N_("must be one of the people of the action group."))
        )
    return errors


def parse_tags(text: str) -> tuple[str, ...]:
    """'flood, residents; quays' → ('flood', 'residents', 'quays'), without repeats."""
    seen: list[str] = []
    for part in text.replace(";", ",").split(","):
        tag = part.strip()
        if tag and tag.lower() not in [s.lower() for s in seen]:
            seen.append(tag)
    return tuple(seen)
