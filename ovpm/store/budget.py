"""Budget lines under follow-up and their entries."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from ovpm.domain.budget import Entry, TrackedLine
from ovpm.domain.errors import NotFound
from ovpm.store.db import next_id

_LINE_COLUMNS = (
    "l.id, l.source, l.network_id, l.owner_city_id, l.line_key, l.category, l.description, "
    "l.funder, l.funder_city_id, l.funder_name, l.currency, l.planned, l.planned_on, l.in_plan, "
    "coalesce(n.name, '')"
)
_LINES_FROM = "FROM budget_lines l LEFT JOIN networks n ON n.id = l.network_id"
_SELECT_LINES = "SELECT " + _LINE_COLUMNS + " " + _LINES_FROM
_ENTRY_COLUMNS = (
    "id, line_id, kind, entry_date, amount, reference, attachment_id, recorded_by, recorded_at, "
    "cancelled_by, cancelled_at"
)


_SELECT_ENTRIES = "SELECT " + _ENTRY_COLUMNS + " FROM budget_entries"


def lines(cur, city_id: int | None = None) -> list[TrackedLine]:
    """Every line, or (with `city_id`) those a city reads: the lines it records on and the
    contribution lines it funds as a participating city."""
    sql = _SELECT_LINES
    params: list = []
    if city_id is not None:
        sql += (
            " WHERE l.owner_city_id = ? OR (l.funder = 'participating_city' "
            "AND l.funder_city_id = ?)"
        )
        params = [city_id, city_id]
    rows = cur.execute(sql + " ORDER BY n.name, l.id", params).fetchall()
    return [TrackedLine(*row) for row in rows]


def get_line(cur, line_id: int) -> TrackedLine:
    """One line, or NotFound."""
    row = cur.execute(_SELECT_LINES + " WHERE l.id = ?", [line_id]).fetchone()
    if row is None:
        raise NotFound(f"budget line {line_id}")
    return TrackedLine(*row)


def network_lines(cur, source: str, network_id: int) -> dict[str, TrackedLine]:
    """A network's lines from one source, by line key."""
    rows = cur.execute(
        _SELECT_LINES + " WHERE l.source = ? AND l.network_id = ?",
        [source, network_id],
    ).fetchall()
    return {row[4]: TrackedLine(*row) for row in rows}


def insert_line(cur, line: TrackedLine, at: datetime) -> TrackedLine:
    """A new line under follow-up."""
    new_id = next_id(cur, "budget_lines")
    cur.execute(
        "INSERT INTO budget_lines VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [new_id, line.source, line.network_id, line.owner_city_id, line.line_key]
        + _plan_values(line)
        + [at],
    )
    return get_line(cur, new_id)


def _plan_values(line: TrackedLine) -> list:
    """What an approved plan sets on a line, in the column order of insert and update."""
    return [
        line.category,
        line.description,
        line.funder,
        line.funder_city_id,
        line.funder_name,
        line.currency,
        line.planned,
        line.planned_on,
        line.in_plan,
    ]


def update_line(cur, line: TrackedLine, at: datetime) -> None:
    """New planned figures and description of a line (a later approved plan revision)."""
    cur.execute(
        "UPDATE budget_lines SET category = ?, description = ?, funder = ?, funder_city_id = ?, "
        "funder_name = ?, currency = ?, planned = ?, planned_on = ?, in_plan = ?, updated_at = ? "
        "WHERE id = ?",
        _plan_values(line) + [at, line.id],
    )


def entries(cur, line_ids: list[int]) -> list[Entry]:
    """The entries of some lines (cancelled ones included), oldest first."""
    if not line_ids:
        return []
    rows = cur.execute(
        _SELECT_ENTRIES + " WHERE list_contains(?, line_id) ORDER BY entry_date, id",
        [line_ids],
    ).fetchall()
    return [Entry(*row) for row in rows]


def get_entry(cur, entry_id: int) -> Entry:
    """One entry, or NotFound."""
    row = cur.execute(_SELECT_ENTRIES + " WHERE id = ?", [entry_id]).fetchone()
    if row is None:
        raise NotFound(f"budget entry {entry_id}")
    return Entry(*row)


def insert_entry(cur, entry: Entry) -> Entry:
    """Record a commitment, an expense or a refund."""
    new_id = next_id(cur, "budget_entries")
    cur.execute(
        "INSERT INTO budget_entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)",
        [
            new_id,
            entry.line_id,
            entry.kind,
            entry.entry_date,
            entry.amount,
            entry.reference,
            entry.attachment_id,
            entry.recorded_by,
            entry.recorded_at,
        ],
    )
    return get_entry(cur, new_id)


def cancel_entry(cur, entry_id: int, by: str, at: datetime) -> bool:
    """Cancel an active entry; False when it was already cancelled."""
    row = cur.execute(
        "UPDATE budget_entries SET cancelled_by = ?, cancelled_at = ? "
        "WHERE id = ? AND cancelled_at IS NULL RETURNING id",
        [by, at, entry_id],
    ).fetchone()
    return row is not None


def line_figure_sums(cur, line_id: int) -> tuple[Decimal, Decimal]:
    """(expenses, refunds) of a line's active entries, in its currency."""
    row = cur.execute(
        "SELECT coalesce(sum(amount) FILTER (kind = 'expense'), 0), "
        "coalesce(sum(amount) FILTER (kind = 'refund'), 0) "
        "FROM budget_entries WHERE line_id = ? AND cancelled_at IS NULL",
        [line_id],
    ).fetchone()
    return Decimal(row[0]), Decimal(row[1])
