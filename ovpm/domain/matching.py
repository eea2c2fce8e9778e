"""Matching people of the address book to a need (a workshop's theme, a Mission4City request):
candidates ranked by how their fields of expertise and languages fit, each with the reasons of
its rank and its conflicts. A person always confirms: nothing here adds anyone."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from ovpm.domain.models import Contact

EXPERTISE_WEIGHT = 2
LANGUAGE_WEIGHT = 1
REGION_WEIGHT = 1  # knows the region of the need (a Mission4City request)
# Words that say nothing of a field of expertise, in the three languages.
STOP_WORDS = frozenset(
    "and the with for their from into cities city inspired made good carrying approach "
    "les des une pour avec dans leur leurs par aux ville villes "
    "las los del con para por sus una ciudad ciudades".split()
)
STEM = 5  # words agree when their first letters agree (flood, floods; heritage, héritage)


@dataclass(frozen=True)
class Need:
    """What is looked for: texts describing the subject (theme, axis, description) and the
    languages spoken where the work happens."""

    texts: tuple[str, ...]
    languages: tuple[str, ...]
    home_city_id: int | None = None  # the pilot or requesting city: its experts are local
    region: str = ""  # the UNESCO region of the need, when it counts


@dataclass(frozen=True)
class Candidate:
    contact: Contact
    score: int
    expertise: tuple[str, ...]  # the fields of expertise that fit
    languages: tuple[str, ...]  # the languages of the need the person speaks
    local: bool  # belongs to the home city
    busy_with: str = ""  # funded for another workshop in the same period (its name)
    region: str = ""  # the need's region, when the person's city is in it


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> set[str]:
    """The meaningful word stems of a text, accents and case aside."""
    return {w[:STEM] for w in _plain(text).split() if len(w) >= 4 and w not in STOP_WORDS}


def fitting_expertise(expertise: Iterable[str], need_words: set[str]) -> tuple[str, ...]:
    """The fields of expertise that share a meaningful word with the need."""
    return tuple(field for field in expertise if words(field) & need_words)


def rank(
    contacts: Iterable[Contact],
    need: Need,
    busy: dict[int, str] | None = None,
    regions_by_city: dict[int, str] | None = None,
) -> list[Candidate]:
    """Candidates, best first (score, then name): a fitting field of expertise counts 2, a
    language of the need spoken counts 1, a city in the need's region 1 (when the need has a
    region and `regions_by_city` is given). Conflicts are flagged, never hidden: a person of the
    home city is local; a person funded for another workshop in the same period is busy."""
    need_words = set().union(*(words(text) for text in need.texts)) if need.texts else set()
    busy = busy or {}
    found = []
    for contact in contacts:
        fitting = fitting_expertise(contact.expertise, need_words)
        spoken = tuple(lang for lang in need.languages if lang in contact.languages)
        home_region = (regions_by_city or {}).get(contact.city_id or 0, "")
        region = need.region if need.region and home_region == need.region else ""
        score = EXPERTISE_WEIGHT * len(fitting) + LANGUAGE_WEIGHT * len(spoken)
        score += REGION_WEIGHT if region else 0
        found.append(
            Candidate(
                contact,
                score,
                fitting,
                spoken,
                need.home_city_id is not None and contact.city_id == need.home_city_id,
                busy.get(contact.id or 0, ""),
                region,
            )
        )
    return sorted(found, key=lambda c: (-c.score, c.contact.name.casefold()))
