"""Diagnosis entries and project seeds of a network or of a city's own process."""

from __future__ import annotations

from datetime import datetime

from ovpm.domain.diagnosis import DiagnosisEntry, DiagnosisKind, ProjectSeed, SeedStatus
from ovpm.domain.errors import ConflictError, NotFound
from ovpm.store.db import next_id
from ovpm.store.meetings import PEOPLE

_ENTRY = (
    PEOPLE + "SELECT d.id, d.network_id, d.city_id, d.kind, d.text, d.brought_by_city_id, "
    "d.brought_by, d.tags, d.merged_into, d.version, d.created_at, coalesce(c.name, ''), "
    "coalesce(p.name, '') FROM diagnosis_entries d LEFT JOIN cities c ON c.id = "
    "d.brought_by_city_id LEFT JOIN people p ON p.person = d.brought_by "
)
_SEED = (
    "SELECT id, network_id, city_id, title, need, diagnosis_ids, plan, group_people, "
    "contact_person, status, decision_note, version, created_at FROM project_seeds "
)


def _process(network_id: int | None, city_id: int, alias: str = "") -> tuple[str, list]:
    """The WHERE clause of a process: a network's, or a city's own (no network)."""
    if network_id is not None:
        return f"WHERE {alias}network_id = ? ", [network_id]
    return f"WHERE {alias}network_id IS NULL AND {alias}city_id = ? ", [city_id]


def _entry(row: tuple) -> DiagnosisEntry:
    return DiagnosisEntry(
        row[0],
        row[1],
        row[2],
        DiagnosisKind(row[3]),
        row[4],
        row[5],
        row[6],
        tuple(row[7]),
        *row[8:],
    )


def entries(cur, network_id: int | None, city_id: int) -> list[DiagnosisEntry]:
    """A process's entries (merged ones included), oldest first."""
    where, params = _process(network_id, city_id, "d.")
    rows = cur.execute(_ENTRY + where + "ORDER BY d.id", params).fetchall()
    return [_entry(row) for row in rows]


def get_entry(cur, entry_id: int) -> DiagnosisEntry:
    """One entry, or NotFound."""
    row = cur.execute(_ENTRY + "WHERE d.id = ?", [entry_id]).fetchone()
    if row is None:
        raise NotFound(f"diagnosis entry {entry_id}")
    return _entry(row)


def save_entry(cur, entry: DiagnosisEntry, at: datetime) -> DiagnosisEntry:
    """Insert an entry, or update the one opened at `entry.version` (ConflictError else)."""
    values = [str(entry.kind), entry.text, entry.brought_by_city_id, entry.brought_by]
    values += [list(entry.tags), entry.merged_into]
    if entry.id is None:
        entry_id = next_id(cur, "diagnosis_entries")
        cur.execute(
            "INSERT INTO diagnosis_entries (kind, text, brought_by_city_id, brought_by, tags, "
            "merged_into, id, network_id, city_id, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [*values, entry_id, entry.network_id, entry.city_id, at],
        )
        return get_entry(cur, entry_id)
    changed = cur.execute(
        "UPDATE diagnosis_entries SET kind = ?, text = ?, brought_by_city_id = ?, brought_by = ?, "
        "tags = ?, merged_into = ?, version = version + 1 WHERE id = ? AND version = ? "
        "RETURNING id",
        [*values, entry.id, entry.version],
    ).fetchall()
    if not changed:
        raise ConflictError(get_entry(cur, entry.id))
    return get_entry(cur, entry.id)


def _seed(row: tuple) -> ProjectSeed:
    return ProjectSeed(
        *row[:5],
        tuple(row[5]),
        row[6],
        tuple(row[7]),
        row[8],
        SeedStatus(row[9]),
        *row[10:],
    )


def seeds(cur, network_id: int | None, city_id: int) -> list[ProjectSeed]:
    """A process's project seeds, oldest first."""
    where, params = _process(network_id, city_id)
    rows = cur.execute(_SEED + where + "ORDER BY id", params).fetchall()
    return [_seed(row) for row in rows]


def get_seed(cur, seed_id: int) -> ProjectSeed:
    """One seed, or NotFound."""
    row = cur.execute(_SEED + "WHERE id = ?", [seed_id]).fetchone()
    if row is None:
        raise NotFound(f"project seed {seed_id}")
    return _seed(row)


def save_seed(cur, seed: ProjectSeed, at: datetime) -> ProjectSeed:
    """Insert a seed, or update the one opened at `seed.version` (ConflictError else)."""
    values = [seed.title, seed.need, list(seed.diagnosis_ids), seed.plan]
    values += [list(seed.group_people), seed.contact_person, str(seed.status), seed.decision_note]
    if seed.id is None:
        seed_id = next_id(cur, "project_seeds")
        cur.execute(
            "INSERT INTO project_seeds (title, need, diagnosis_ids, plan, group_people, "
            "contact_person, status, decision_note, id, network_id, city_id, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [*values, seed_id, seed.network_id, seed.city_id, at],
        )
        return get_seed(cur, seed_id)
    changed = cur.execute(
        "UPDATE project_seeds SET title = ?, need = ?, diagnosis_ids = ?, plan = ?, "
        "group_people = ?, contact_person = ?, status = ?, decision_note = ?, "
        "version = version + 1 WHERE id = ? AND version = ? RETURNING id",
        [*values, seed.id, seed.version],
    ).fetchall()
    if not changed:
        raise ConflictError(get_seed(cur, seed.id))
    return get_seed(cur, seed.id)


def cities_with_processes(cur) -> list[int]:
    """The cities that run a process of their own: meetings, diagnosis, seeds or groups
    without a network."""
    rows = cur.execute(
        "SELECT city_id FROM meetings WHERE network_id IS NULL "
        "UNION SELECT city_id FROM diagnosis_entries WHERE network_id IS NULL "
        "UNION SELECT city_id FROM project_seeds WHERE network_id IS NULL "
        "UNION SELECT city_id FROM working_groups WHERE network_id IS NULL ORDER BY 1"
    ).fetchall()
    return [row[0] for row in rows]
