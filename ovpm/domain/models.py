"""Domain models and enums of the Roadmap Hub."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from ovpm.domain import N_

LANGUAGES = ("fr", "en", "es")
DEFAULT_LANGUAGE = "fr"

# Languages a contact may speak; shown with their names in the reader's language (Babel).
CONTACT_LANGUAGES = (
    "fr",
    "en",
    "es",
    "pt",
    "it",
    "de",
    "nl",
    "pl",
    "ru",
    "ar",
    "tr",
    "zh",
    "ja",
    "ko",
    "he",
    "el",
    "ne",
    "vi",
    "lb",
    "qu",
)

UNESCO_REGIONS = {
    "Africa": N_("Africa"),
    "Arab States": N_("Arab States"),
    "Asia and the Pacific": N_("Asia and the Pacific"),
    "Europe and North America": N_("Europe and North America"),
    "Latin America and the Caribbean": N_("Latin America and the Caribbean"),
}


class Role(StrEnum):
    SECRETARIAT = "secretariat"
    CITY = "city"
    ADVISORY = "advisory"


ROLE_LABELS = {
    Role.SECRETARIAT: N_("General Secretariat"),
    Role.CITY: N_("Member city"),
    Role.ADVISORY: N_("Advisory Group"),
}


class ContactKind(StrEnum):
    ELECTED_OFFICIAL = "elected_official"
    STRATEGIC_LEAD = "strategic_lead"
    INTERSERVICE_COORDINATOR = "interservice_coordinator"
    ADMINISTRATIVE_SUPERVISOR = "administrative_supervisor"
    LOCAL_EXPERT = "local_expert"
    INTERNATIONAL_EXPERT = "international_expert"
    ADVISORY_MEMBER = "advisory_member"
    SECRETARIAT = "secretariat"
    OTHER = "other"


CONTACT_KIND_LABELS = {
    ContactKind.ELECTED_OFFICIAL: N_("Elected official"),
    ContactKind.STRATEGIC_LEAD: N_("Strategic lead"),
    ContactKind.INTERSERVICE_COORDINATOR: N_("Inter-service coordinator"),
    ContactKind.ADMINISTRATIVE_SUPERVISOR: N_("Administrative supervisor"),
    ContactKind.LOCAL_EXPERT: N_("Local expert"),
    ContactKind.INTERNATIONAL_EXPERT: N_("International expert"),
    ContactKind.ADVISORY_MEMBER: N_("Advisory Group member"),
    ContactKind.SECRETARIAT: N_("General Secretariat"),
    ContactKind.OTHER: N_("Other"),
}


@dataclass(frozen=True)
class User:
    id: int
    username: str
    name: str
    email: str
    role: Role
    city_id: int | None
    language: str
    active: bool
    sessions_valid_after: datetime
    version: int = 1
    city_name: str | None = None


@dataclass(frozen=True)
class Person:
    name: str = ""
    title: str = ""
    email: str = ""

    def is_blank(self) -> bool:
        return not (self.name.strip() or self.title.strip() or self.email.strip())


@dataclass(frozen=True)
class City:
    id: int | None
    name: str
    local_name: str
    country: str
    iso2: str
    region: str
    lat: float | None
    lon: float | None
    good_standing: bool = True
    language: str = "en"
    version: int = 1
    timezone: str = "UTC"


@dataclass(frozen=True)
class Contact:
    id: int | None
    name: str
    title: str
    email: str
    phone: str
    city_id: int | None
    organisation: str
    kind: ContactKind
    languages: tuple[str, ...] = ()
    expertise: tuple[str, ...] = ()
    version: int = 1
    city_name: str | None = None


@dataclass(frozen=True)
class Milestone:
    key: str
    starts: date
    ends: date
    labels: dict[str, str] = field(default_factory=dict)

    def label(self, language: str) -> str:
        return self.labels.get(language) or self.labels.get("en") or self.key


@dataclass(frozen=True)
class Cycle:
    id: int
    names: dict[str, str]
    congress_starts: date
    congress_ends: date
    milestones: tuple[Milestone, ...] = ()

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names.get("en", "")
