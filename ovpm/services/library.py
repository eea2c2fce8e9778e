"""The library of good practices (SPEC.md §4.8): every published mission report, searchable by
every signed-in user. Words are matched whatever their accents and case, across the title, the
situation, the lessons and the solutions, in whatever language they were written; results are
ranked by relevance (BM25, tantivy) with the matching words marked. Nothing about costs is ever
in the library, and only published reports are."""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass

import tantivy

from ovpm.domain.errors import NotFound
from ovpm.domain.missions import MissionReport, MissionRequest
from ovpm.domain.models import Role, User
from ovpm.domain.submissions import Status
from ovpm.services import attachments
from ovpm.services import submissions as submission_service
from ovpm.services._common import require
from ovpm.store import missions as store
from ovpm.store import submissions
from ovpm.store.db import Database

SEARCHED = ("title", "situation", "lessons", "solutions")
SHOWN_RESULTS = 50
FOLDED = "folded"  # split on what is not a letter or digit, lower-case, accents folded
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class Practice:
    mission_id: int
    city: str
    country: str
    region: str
    published_on: object
    request: MissionRequest
    report: MissionReport

    @property
    def title(self) -> str:
        return self.report.title or self.request.title

    @property
    def year(self) -> int:
        return self.published_on.year

    def text_of(self, field: str) -> str:
        return {
            "title": self.title,
            "situation": self.request.situation,
            "lessons": self.report.lessons,
            "solutions": self.report.solutions,
        }[field]


@dataclass(frozen=True)
class Filters:
    regions: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    axes: tuple[int, ...] = ()
    fields: tuple[str, ...] = ()
    years: tuple[int, ...] = ()

    def keeps(self, practice: Practice) -> bool:
        return (
            (not self.regions or practice.region in self.regions)
            and (not self.countries or practice.country in self.countries)
            and (not self.axes or practice.request.axis in self.axes)
            and (not self.fields or set(practice.request.fields) & set(self.fields))
            and (not self.years or practice.year in self.years)
        )


@dataclass(frozen=True)
class Hit:
    practice: Practice
    score: float
    # field → the fragment of its text, as (text, marked) parts: the matching words marked
    passages: dict[str, tuple[tuple[str, bool], ...]]


def _readers(actor: User) -> None:
    require(actor.role in (Role.SECRETARIAT, Role.ADVISORY, Role.CITY))


def practices(db: Database, actor: User) -> list[Practice]:
    """Every published practice, newest first (kept until the next write)."""
    _readers(actor)

    def read(cur) -> list[Practice]:
        return [
            Practice(
                row[0],
                row[1],
                row[2],
                row[3],
                row[4],
                MissionRequest.from_dict(_json(row[5])),
                MissionReport.from_dict(_json(row[6])),
            )
            for row in store.published(cur)
        ]

    return db.kept_read(("library",), read)


def _json(value):
    return json.loads(value) if isinstance(value, str) else value


def practice(db: Database, actor: User, mission_id: int) -> Practice:
    """One published practice, or NotFound (an unpublished report is not in the library)."""
    found = next((p for p in practices(db, actor) if p.mission_id == mission_id), None)
    if found is None:
        raise NotFound(f"practice {mission_id}")
    return found


class _Index:
    """The in-memory index of a set of practices (rebuilt when the set changes)."""

    def __init__(self, found: list[Practice]):
        builder = tantivy.SchemaBuilder()
        builder.add_integer_field("position", stored=True, indexed=True)
        for field in SEARCHED:
            builder.add_text_field(field, stored=True, tokenizer_name=FOLDED)
        self.schema = builder.build()
        self.index = tantivy.Index(self.schema)
        self.index.register_tokenizer(
            FOLDED,
            tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.ascii_fold())
            .build(),
        )
        writer = self.index.writer(heap_size=15_000_000, num_threads=1)
        for position, item in enumerate(found):
            fields = {field: item.text_of(field) for field in SEARCHED}
            writer.add_document(tantivy.Document(position=position, **fields))
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()
        self.practices = found


_cache: dict[tuple, _Index] = {}
_cache_lock = threading.Lock()


def _index(found: list[Practice]) -> _Index:
    key = tuple((p.mission_id, p.published_on) for p in found)
    with _cache_lock:
        if key not in _cache:
            _cache.clear()
            _cache[key] = _Index(found)
        return _cache[key]


def search(db: Database, actor: User, text: str, filters: Filters = Filters()) -> list[Hit]:
    """Practices matching the words typed (any of them; the better match first) and the
    filters; without words, every practice the filters keep, newest first."""
    found = practices(db, actor)
    words = _WORDS.findall(text or "")
    if not words:
        return [Hit(p, 0.0, {}) for p in found if filters.keeps(p)]
    built = _index(found)
    searcher = built.index.searcher()
    query = built.index.parse_query(" ".join(words), list(SEARCHED))
    hits = []
    generators = {
        field: tantivy.SnippetGenerator.create(searcher, query, built.schema, field)
        for field in SEARCHED
    }
    for score, address in searcher.search(query, len(found) or 1).hits:
        document = searcher.doc(address)
        item = built.practices[document["position"][0]]
        if not filters.keeps(item):
            continue
        passages = {}
        for field, generator in generators.items():
            snippet = generator.snippet_from_doc(document)
            if snippet.highlighted():
                passages[field] = _parts(snippet)
        if "title" in passages:  # a title is shown whole, not as an excerpt
            words = {text for text, on in passages["title"] if on}
            passages["title"] = _marked_whole(item.title, words)
        hits.append(Hit(item, score, passages))
        if len(hits) == SHOWN_RESULTS:
            break
    return hits


def _parts(snippet) -> tuple[tuple[str, bool], ...]:
    """The snippet's fragment cut into (text, marked) parts (tantivy counts bytes)."""
    raw = snippet.fragment().encode()
    parts, at = [], 0
    for span in sorted(snippet.highlighted(), key=lambda s: s.start):
        if span.start > at:
            parts.append((raw[at : span.start].decode(errors="ignore"), False))
        parts.append((raw[span.start : span.end].decode(errors="ignore"), True))
        at = span.end
    if at < len(raw):
        parts.append((raw[at:].decode(errors="ignore"), False))
    return tuple(parts)


def _marked_whole(text: str, words: set[str]) -> tuple[tuple[str, bool], ...]:
    """The whole text cut into (text, marked) parts, the words found marked where they stand."""
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    parts, at = [], 0
    for found in pattern.finditer(text):
        if found.start() > at:
            parts.append((text[at : found.start()], False))
        parts.append((found.group(), True))
        at = found.end()
    if at < len(text):
        parts.append((text[at:], False))
    return tuple(parts)


def facets(db: Database, actor: User) -> dict[str, list]:
    """The values the filters offer: regions, countries, axes, fields of expertise, years."""
    found = practices(db, actor)
    return {
        "regions": sorted({p.region for p in found}),
        "countries": sorted({p.country for p in found}),
        "axes": sorted({p.request.axis for p in found if p.request.axis}),
        "fields": sorted({f for p in found for f in p.request.fields}, key=str.casefold),
        "years": sorted({p.year for p in found}, reverse=True),
    }


def photo(db: Database, actor: User, mission_id: int, attachment_id: int) -> bytes:
    """A photo of a published practice's report (public like the practice)."""
    if attachment_id not in practice(db, actor, mission_id).report.photos:
        raise NotFound(f"photo {attachment_id}")
    return attachments.file_of(db, attachment_id)[1]


def practice_pdf(db: Database, actor: User, mission_id: int, language: str) -> bytes:
    """The published report's PDF, as approved (with its photos, never a cost)."""
    practice(db, actor, mission_id)
    with db.reading() as cur:
        mission = store.get(cur, mission_id)
        report = submissions.get(cur, mission.report_id)
        content = next(
            r.content
            for r in submissions.revisions(cur, report.id)
            if r.number == report.approved_revision
        )
    return submission_service.render_pdf(
        db, report, content, report.approved_revision, Status.APPROVED, language
    )
