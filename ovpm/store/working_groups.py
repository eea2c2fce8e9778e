"""Working groups of a network or of a city's own process."""

from __future__ import annotations

from datetime import datetime

from ovpm.domain.errors import ConflictError, NotFound
from ovpm.domain.working_groups import WorkingGroup
from ovpm.store.db import next_id

_SELECT = (
    "SELECT id, network_id, city_id, theme, members, facilitator, spokesperson, version, "
    "created_at FROM working_groups "
)


def _group(row: tuple) -> WorkingGroup:
    return WorkingGroup(*row[:4], tuple(row[4]), *row[5:])


def of_process(cur, network_id: int | None, city_id: int) -> list[WorkingGroup]:
    """A network's (or a city's own process's) working groups, oldest first."""
    if network_id is not None:
        rows = cur.execute(_SELECT + "WHERE network_id = ? ORDER BY id", [network_id])
    else:
        rows = cur.execute(
            _SELECT + "WHERE network_id IS NULL AND city_id = ? ORDER BY id", [city_id]
        )
    return [_group(row) for row in rows.fetchall()]


def get(cur, group_id: int) -> WorkingGroup:
    """One working group, or NotFound."""
    row = cur.execute(_SELECT + "WHERE id = ?", [group_id]).fetchone()
    if row is None:
        raise NotFound(f"working group {group_id}")
    return _group(row)


def save(cur, group: WorkingGroup, at: datetime) -> WorkingGroup:
    """Insert a group, or update the one opened at `group.version` (ConflictError else)."""
    values = [group.theme, list(group.members), group.facilitator, group.spokesperson]
    if group.id is None:
        group_id = next_id(cur, "working_groups")
        cur.execute(
            "INSERT INTO working_groups (theme, members, facilitator, spokesperson, id, "
            "network_id, city_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [*values, group_id, group.network_id, group.city_id, at],
        )
        return get(cur, group_id)
    changed = cur.execute(
        "UPDATE working_groups SET theme = ?, members = ?, facilitator = ?, spokesperson = ?, "
        "version = version + 1 WHERE id = ? AND version = ? RETURNING id",
        [*values, group.id, group.version],
    ).fetchall()
    if not changed:
        raise ConflictError(get(cur, group.id))
    return get(cur, group.id)
