"""Networks, their members and Advisory Group members, round tables."""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from ovpm.domain.errors import ConflictError, NotFound
from ovpm.domain.networks import (
    Member,
    MemberStatus,
    Network,
    NetworkStatus,
    RoundTable,
)
from ovpm.store.db import next_id

_NETWORK = (
    "SELECT n.id, n.name, n.theme, n.axis, n.pilot_city_id, n.status, "
    "n.source_submission_id, n.created_at, n.version, c.name FROM networks n "
    "JOIN cities c ON c.id = n.pilot_city_id "
)


def _network(row: tuple) -> Network:
    return Network(
        row[0],
        row[1],
        row[2],
        row[3],
        row[4],
        NetworkStatus(row[5]),
        row[6],
        row[7],
        row[8],
        row[9],
    )


def get(cur, network_id: int) -> Network:
    """One network, or NotFound."""
    row = cur.execute(_NETWORK + "WHERE n.id = ?", [network_id]).fetchone()
    if row is None:
        raise NotFound(f"network {network_id}")
    return _network(row)


def every(cur) -> list[Network]:
    """Every network, by name."""
    return [_network(row) for row in cur.execute(_NETWORK + "ORDER BY n.name").fetchall()]


def insert(
    cur,
    name: str,
    theme: str,
    axis: int,
    pilot_city_id: int,
    source_submission_id: int | None,
    at: datetime,
) -> Network:
    """A new network in status 'forming'."""
    new_id = next_id(cur, "networks")
    cur.execute(
        "INSERT INTO networks (id, name, theme, axis, pilot_city_id, status, "
        "source_submission_id, created_at) VALUES (?, ?, ?, ?, ?, 'forming', ?, ?)",
        [new_id, name, theme, axis, pilot_city_id, source_submission_id, at],
    )
    return get(cur, new_id)


def update(cur, network: Network) -> Network:
    """Save name, theme, axis, pilot city and status edited from `network.version`."""
    changed = cur.execute(
        "UPDATE networks SET name = ?, theme = ?, axis = ?, pilot_city_id = ?, status = ?, "
        "version = version + 1 WHERE id = ? AND version = ? RETURNING id",
        [
            network.name,
            network.theme,
            network.axis,
            network.pilot_city_id,
            str(network.status),
            network.id,
            network.version,
        ],
    ).fetchall()
    if not changed:
        raise ConflictError(get(cur, network.id))
    return get(cur, network.id)


def overview(cur) -> pd.DataFrame:
    """Every network with its pilot city, participants, plan status, next activity date."""
    return cur.execute(
        "SELECT n.id, n.name, n.theme, n.axis, n.status, n.pilot_city_id, c.name AS pilot_city, "
        "(SELECT count(*) FROM network_members m WHERE m.network_id = n.id "
        " AND m.status = 'participating') AS participants, "
        "(SELECT s.status FROM submissions s WHERE s.network_id = n.id AND s.kind = 'action_plan'"
        " AND s.status <> 'withdrawn' ORDER BY s.id DESC LIMIT 1) AS plan_status, "
        "(SELECT max(s.updated_at) FROM submissions s WHERE s.network_id = n.id) AS plan_changed,"
        " n.created_at FROM networks n JOIN cities c ON c.id = n.pilot_city_id ORDER BY n.name"
    ).df()


def members(cur, network_id: int) -> list[Member]:
    """The cities linked to a network, with their status."""
    rows = cur.execute(
        "SELECT m.network_id, m.city_id, c.name, m.status, m.updated_at "
        "FROM network_members m JOIN cities c ON c.id = m.city_id "
        "WHERE m.network_id = ? ORDER BY c.name",
        [network_id],
    ).fetchall()
    return [Member(r[0], r[1], r[2], MemberStatus(r[3]), r[4]) for r in rows]


def member_status(cur, network_id: int, city_id: int) -> MemberStatus | None:
    """A city's status in a network, or None."""
    row = cur.execute(
        "SELECT status FROM network_members WHERE network_id = ? AND city_id = ?",
        [network_id, city_id],
    ).fetchone()
    return MemberStatus(row[0]) if row else None


def set_member(cur, network_id: int, city_id: int, status: str, at: datetime) -> None:
    """Add a city to a network or change its status."""
    cur.execute(
        "INSERT INTO network_members VALUES (?, ?, ?, ?) ON CONFLICT (network_id, city_id)"
        " DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at",
        [network_id, city_id, status, at],
    )


def networks_of_city(cur, city_id: int) -> dict[int, str]:
    """network id → the city's status in it (pilot networks are 'pilot')."""
    rows = cur.execute(
        "SELECT id, 'pilot' FROM networks WHERE pilot_city_id = ? UNION ALL "
        "SELECT network_id, status FROM network_members WHERE city_id = ?",
        [city_id, city_id],
    ).fetchall()
    return dict(rows)


def advisors(cur, network_id: int) -> list[tuple[int, str]]:
    """(user id, name) of the Advisory Group members following a network."""
    return cur.execute(
        "SELECT u.id, u.name FROM network_advisors a JOIN users u "
        "ON u.id = a.user_id WHERE a.network_id = ? ORDER BY u.name",
        [network_id],
    ).fetchall()


def set_advisors(cur, network_id: int, user_ids: list[int]) -> None:
    """Replace the Advisory Group members of a network."""
    cur.execute("DELETE FROM network_advisors WHERE network_id = ?", [network_id])
    for user_id in user_ids:
        cur.execute("INSERT INTO network_advisors VALUES (?, ?)", [network_id, user_id])


_ROUND_TABLE = (
    "SELECT r.id, r.number, r.theme, r.host_name, r.host_title, r.host_city_id, "
    "r.starts_at, r.recording_url, r.synthesis, r.network_id, r.version, c.name "
    "FROM round_tables r JOIN cities c ON c.id = r.host_city_id "
)


def round_tables(cur, network_id: int | None = None) -> list[RoundTable]:
    """Round tables in number order (of one network, or all)."""
    where, params = ("WHERE r.network_id = ? ", [network_id]) if network_id else ("", [])
    rows = cur.execute(_ROUND_TABLE + where + "ORDER BY r.number", params).fetchall()
    return [RoundTable(*row) for row in rows]


def get_round_table(cur, table_id: int) -> RoundTable:
    """One round table, or NotFound."""
    row = cur.execute(_ROUND_TABLE + "WHERE r.id = ?", [table_id]).fetchone()
    if row is None:
        raise NotFound(f"round table {table_id}")
    return RoundTable(*row)


def save_round_table(cur, table: RoundTable) -> RoundTable:
    """Insert (id None) or update a round table opened at `table.version`."""
    values = [
        table.network_id,
        table.number,
        table.theme,
        table.host_name,
        table.host_title,
        table.host_city_id,
        table.starts_at,
        table.recording_url,
        table.synthesis,
    ]
    if table.id is None:
        new_id = next_id(cur, "round_tables")
        cur.execute(
            "INSERT INTO round_tables (id, network_id, number, theme, host_name, "
            "host_title, host_city_id, starts_at, recording_url, synthesis) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [new_id, *values],
        )
        return get_round_table(cur, new_id)
    changed = cur.execute(
        "UPDATE round_tables SET network_id = ?, number = ?, theme = ?, host_name = ?, "
        "host_title = ?, host_city_id = ?, starts_at = ?, recording_url = ?, synthesis = ?, "
        "version = version + 1 WHERE id = ? AND version = ? RETURNING id",
        [*values, table.id, table.version],
    ).fetchall()
    if not changed:
        raise ConflictError(get_round_table(cur, table.id))
    return get_round_table(cur, table.id)


def participating_city_ids(cur, network_id: int | None) -> set[int]:
    """The cities currently participating in a network."""
    rows = cur.execute(
        "SELECT city_id FROM network_members WHERE network_id = ? AND status = 'participating'",
        [network_id],
    ).fetchall()
    return {row[0] for row in rows}
