"""The shared diagnosis and the project seeds of a network or of a city's own process (SPEC.md
§4.9, source 004), and their exports.

Access: the Secretariat and the host city (the network's pilot city, or the city running its
process) edit, merge and decide on seeds; the cities taking part in the network add entries and
propose seeds; the Advisory Group reads; other member cities see nothing of it."""

from __future__ import annotations

import dataclasses

import pandas as pd

from ovpm import i18n
from ovpm.clock import now_utc
from ovpm.domain import diagnosis as rules
from ovpm.domain.diagnosis import (
    DIAGNOSIS_KIND_LABELS,
    DiagnosisEntry,
    DiagnosisKind,
    Process,
    ProcessAccess,
    ProjectSeed,
    SeedStatus,
)
from ovpm.domain.errors import FieldError
from ovpm.domain.models import Role, User
from ovpm.exports import csv_bytes
from ovpm.exports.spreadsheet import xlsx
from ovpm.pdf import DocumentInfo
from ovpm.pdf.collective import diagnosis_pdf
from ovpm.services._common import require, snapshot, validate
from ovpm.services.meetings import member_cities
from ovpm.store import audit, cities, networks
from ovpm.store import diagnosis as store
from ovpm.store.db import Database


def process_of(db: Database, actor: User, network_id: int | None, city_id: int | None) -> Process:
    """A network's process (hosted by its pilot city), or a city's own."""
    with db.reading() as cur:
        if network_id is not None:
            network = networks.get(cur, network_id)
            return Process(network.id, network.pilot_city_id, network.name)
        require(city_id is not None)
        return Process(None, city_id, cities.names(cur).get(city_id, ""))


def _taking_part(db: Database) -> dict[int, frozenset[int]]:
    """network id → the cities taking part, kept until the next write."""
    return db.kept_read(
        ("cities_taking_part",),
        lambda cur: {n.id: member_cities(cur, n.id) for n in networks.every(cur)},
    )


def access(db: Database, actor: User, process: Process) -> ProcessAccess:
    """What the actor may do with a process's diagnosis and seeds."""
    members = _taking_part(db).get(process.network_id, frozenset())
    return rules.process_access(actor, process, members)


def city_choices(db: Database, actor: User, process: Process) -> dict[int, str]:
    """The cities that may bring entries: those taking part in the network, or the host."""
    with db.reading() as cur:
        names = cities.names(cur)
        taking_part = member_cities(cur, process.network_id) or {process.city_id}
    return {city_id: names[city_id] for city_id in sorted(taking_part, key=names.get)}


def processes(db: Database, actor: User) -> list[Process]:
    """The processes whose diagnosis the actor reads: networks, then cities' own processes —
    the actor's city's, or for the Secretariat and the Advisory Group those that have begun
    (kept until the next write)."""

    def read(cur) -> list[Process]:
        names = cities.names(cur)
        found = [Process(n.id, n.pilot_city_id, n.name) for n in networks.every(cur)]
        own = [actor.city_id] if actor.role == Role.CITY else store.cities_with_processes(cur)
        return found + [Process(None, city_id, names.get(city_id, "")) for city_id in own]

    found = db.kept_read(("processes", actor.role, actor.city_id), read)
    return [p for p in found if access(db, actor, p).read]


# --- diagnosis -------------------------------------------------------------------------------


def entries(db: Database, actor: User, process: Process) -> list[DiagnosisEntry]:
    """The entries shown: merged ones are part of the entry they were merged into."""
    require(access(db, actor, process).read)
    found = db.kept_read(
        ("diagnosis", process.network_id, process.city_id),
        lambda cur: store.entries(cur, process.network_id, process.city_id),
    )
    return [e for e in found if e.merged_into is None]


def add_entry(db: Database, actor: User, entry: DiagnosisEntry) -> DiagnosisEntry:
    """An obstacle, lever, need or resource brought by someone taking part."""
    process = Process(entry.network_id, entry.city_id)
    require(access(db, actor, process).take_part)
    validate(rules.entry_errors(entry))
    with db.unit_of_work() as cur:
        _check_process(cur, process)
        saved = store.save_entry(cur, dataclasses.replace(entry, id=None, version=1), now_utc())
        _audit(cur, actor, "diagnosis_entry", saved.id, "create", None, saved, saved.city_id)
    return saved


def edit_entry(db: Database, actor: User, entry: DiagnosisEntry) -> DiagnosisEntry:
    """Change an entry (host city, Secretariat), opened at `entry.version`."""
    validate(rules.entry_errors(entry))
    with db.unit_of_work() as cur:
        before = store.get_entry(cur, entry.id)
        require(_editable(cur, actor, before.network_id, before.city_id))
        changed = dataclasses.replace(
            before,
            kind=DiagnosisKind(entry.kind),
            text=entry.text,
            tags=entry.tags,
            brought_by_city_id=entry.brought_by_city_id,
            brought_by=entry.brought_by,
            version=entry.version,
        )
        after = store.save_entry(cur, changed, now_utc())
        _audit(cur, actor, "diagnosis_entry", after.id, "update", before, after, after.city_id)
    return after


def merge_entries(
    db: Database, actor: User, kept_id: int, merged: dict[int, int]
) -> DiagnosisEntry:
    """Merge entries (id → version as opened) into the one kept: their tags join it, they stop
    being shown on their own (host city, Secretariat)."""
    if not merged or kept_id in merged:
        validate([FieldError("merged", rules.MERGE_NEEDS_OTHERS)])
    with db.unit_of_work() as cur:
        kept = store.get_entry(cur, kept_id)
        require(_editable(cur, actor, kept.network_id, kept.city_id))
        tags = list(kept.tags)
        for entry_id, version in merged.items():
            other = store.get_entry(cur, entry_id)
            require((other.network_id, other.city_id) == (kept.network_id, kept.city_id))
            tags += [t for t in other.tags if t not in tags]
            store.save_entry(
                cur, dataclasses.replace(other, merged_into=kept.id, version=version), now_utc()
            )
        after = store.save_entry(cur, dataclasses.replace(kept, tags=tuple(tags)), now_utc())
        _audit(
            cur,
            actor,
            "diagnosis_entry",
            kept.id,
            "merge",
            {"merged": sorted(merged)},
            after,
            after.city_id,
        )
    return after


def _check_process(cur, process: Process) -> None:
    if process.network_id is not None:
        require(networks.get(cur, process.network_id).pilot_city_id == process.city_id)


def _editable(cur, actor: User, network_id: int | None, city_id: int) -> bool:
    process = Process(network_id, city_id)
    return rules.process_access(actor, process, member_cities(cur, network_id)).edit


def _audit(cur, actor, entity, entity_id, action, before, after, city_id) -> None:
    audit.record(
        cur,
        actor.id,
        actor.username,
        entity,
        entity_id,
        action,
        before if isinstance(before, dict) or before is None else snapshot(before, LEAVE_OUT),
        snapshot(after, LEAVE_OUT),
        city_id,
    )


LEAVE_OUT = ("brought_by_city", "brought_by_name", "created_at")


def diagnosis_frame(db: Database, actor: User, process: Process, language: str) -> pd.DataFrame:
    """The diagnosis as a labelled table (kind, text, brought by, tags)."""
    _ = i18n.translator(language)
    return pd.DataFrame(
        [
            {
                _("Kind"): _(DIAGNOSIS_KIND_LABELS[e.kind]),
                _("Text"): e.text,
                _("City"): e.brought_by_city,
                _("Brought by"): e.brought_by_name,
                _("Tags"): ", ".join(e.tags),
            }
            for e in entries(db, actor, process)
        ],
        columns=[_("Kind"), _("Text"), _("City"), _("Brought by"), _("Tags")],
    )


def diagnosis_csv(db: Database, actor: User, process: Process, language: str) -> bytes:
    """The diagnosis as CSV."""
    return csv_bytes(diagnosis_frame(db, actor, process, language))


def diagnosis_xlsx(db: Database, actor: User, process: Process, language: str) -> bytes:
    """The diagnosis as a workbook."""
    _ = i18n.translator(language)
    return xlsx({_("Shared diagnosis"): diagnosis_frame(db, actor, process, language)}, set(), "")


def diagnosis_and_seeds_pdf(db: Database, actor: User, process: Process, language: str) -> bytes:
    """The diagnosis in four parts and the project seeds, as PDF."""
    _ = i18n.translator(language)
    info = DocumentInfo(
        organisation=_("Organization of World Heritage Cities"),
        programme=_("Collective work"),
        title=_("Shared diagnosis") + " — " + process.name,
        subtitle=_("Obstacles, levers, needs and resources, and the project seeds"),
        status_line=i18n.format_day(now_utc().date(), language),
        draft_mark=None,
        page_label=_("Page {page} of {pages}"),
        footer_left=i18n.format_day(now_utc().date(), language),
    )
    return diagnosis_pdf(entries(db, actor, process), seeds(db, actor, process), info, _)


# --- project seeds ---------------------------------------------------------------------------


def seeds(db: Database, actor: User, process: Process) -> list[ProjectSeed]:
    """The process's project seeds."""
    require(access(db, actor, process).read)
    return db.kept_read(
        ("seeds", process.network_id, process.city_id),
        lambda cur: store.seeds(cur, process.network_id, process.city_id),
    )


def save_seed(db: Database, actor: User, seed: ProjectSeed) -> ProjectSeed:
    """Propose a seed (anyone taking part) or change one (host city, Secretariat); a new seed
    is proposed, its status is changed with `set_seed_status`."""
    validate(rules.seed_errors(seed))
    with db.unit_of_work() as cur:
        _check_process(cur, Process(seed.network_id, seed.city_id))
        members = member_cities(cur, seed.network_id)
        rights = rules.process_access(actor, Process(seed.network_id, seed.city_id), members)
        kept_entries = {e.id for e in store.entries(cur, seed.network_id, seed.city_id)}
        require(set(seed.diagnosis_ids) <= kept_entries)
        if seed.id is None:
            require(rights.take_part)
            fresh = dataclasses.replace(seed, status=SeedStatus.PROPOSED, version=1)
            after = store.save_seed(cur, fresh, now_utc())
            _audit(cur, actor, "project_seed", after.id, "create", None, after, after.city_id)
            return after
        before = store.get_seed(cur, seed.id)
        require(
            rights.edit and (before.network_id, before.city_id) == (seed.network_id, seed.city_id)
        )
        after = store.save_seed(cur, dataclasses.replace(seed, status=before.status), now_utc())
        _audit(cur, actor, "project_seed", after.id, "update", before, after, after.city_id)
    return after


def set_seed_status(
    db: Database, actor: User, seed_id: int, version: int, status: str, note: str
) -> ProjectSeed:
    """Activate, pause, drop or promote a seed (host city, Secretariat). Promoting records the
    decision and keeps the link; the pilot project is created from it by the pilot-project
    screens. A promoted or dropped seed stays so."""
    if status not in set(SeedStatus):
        validate([FieldError("status", rules.ONE_OF_THE_LIST)])
    with db.unit_of_work() as cur:
        before = store.get_seed(cur, seed_id)
        require(_editable(cur, actor, before.network_id, before.city_id))
        if before.status in (SeedStatus.PROMOTED, SeedStatus.DROPPED) and status != before.status:
            validate([FieldError("status", rules.FINAL_STATUS)])
        changed = dataclasses.replace(
            before, status=SeedStatus(status), decision_note=note.strip(), version=version
        )
        validate(rules.seed_errors(changed))
        after = store.save_seed(cur, changed, now_utc())
        _audit(cur, actor, "project_seed", after.id, "status", before, after, after.city_id)
    return after
