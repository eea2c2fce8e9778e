"""What the progress model reads: approvals, meetings, memberships, stage targets, changes."""

from __future__ import annotations

from datetime import date, datetime

import pandas as pd


def first_approvals(cur) -> pd.DataFrame:
    """The first approval of every submission: kind, city, network and when."""
    return cur.execute(
        "SELECT s.id, s.kind, s.city_id, s.network_id, min(e.happened_at) AS approved_at "
        "FROM submissions s JOIN submission_events e ON e.submission_id = s.id "
        "WHERE e.action = 'approved' GROUP BY s.id, s.kind, s.city_id, s.network_id"
    ).df()


def programme_cities(cur) -> pd.DataFrame:
    """The cities taking part in the Quebec Roadmap: with a submission of it still open or
    approved (a Mission4City request is another programme), or in a network."""
    return cur.execute(
        "SELECT c.id, c.name, c.country, c.region, c.lat, c.lon FROM cities c "
        "WHERE c.id IN (SELECT city_id FROM submissions WHERE status <> 'withdrawn' "
        "AND kind NOT IN ('mission_request', 'mission_report')) "
        "OR c.id IN (SELECT city_id FROM network_members WHERE status = 'participating') "
        "OR c.id IN (SELECT pilot_city_id FROM networks) ORDER BY c.name"
    ).df()


def network_rows(cur) -> pd.DataFrame:
    """Every network with its axis, pilot city and the pilot's region."""
    return cur.execute(
        "SELECT n.id, n.name, n.axis, n.pilot_city_id, c.name AS pilot_city, c.region "
        "FROM networks n JOIN cities c ON c.id = n.pilot_city_id ORDER BY n.name"
    ).df()


def network_names(cur) -> dict[int, str]:
    """network id → name."""
    return dict(cur.execute("SELECT id, name FROM networks").fetchall())


def participations(cur) -> pd.DataFrame:
    """Which city takes part in which network since when (pilots since the network's birth)."""
    return cur.execute(
        "SELECT network_id, city_id, updated_at AS since FROM network_members "
        "WHERE status = 'participating' "
        "UNION ALL SELECT id, pilot_city_id, created_at FROM networks"
    ).df()


def meetings(cur) -> dict[int, datetime]:
    """network id → start of its (latest) preparatory meeting (UTC)."""
    rows = cur.execute(
        "SELECT network_id, max(starts_at) FROM meetings WHERE kind = 'preparatory_meeting' "
        "AND network_id IS NOT NULL GROUP BY network_id"
    ).fetchall()
    return dict(rows)


def targets(cur, cycle_id: int) -> dict[str, date]:
    """stage → target date, for a cycle."""
    rows = cur.execute(
        "SELECT stage, target FROM stage_targets WHERE cycle_id = ?", [cycle_id]
    ).fetchall()
    return dict(rows)


def save_targets(cur, cycle_id: int, targets: dict[str, date | None]) -> None:
    """Replace a cycle's stage targets (a None target removes it)."""
    cur.execute("DELETE FROM stage_targets WHERE cycle_id = ?", [cycle_id])
    for stage, target in targets.items():
        if target is not None:
            cur.execute("INSERT INTO stage_targets VALUES (?, ?, ?)", [cycle_id, stage, target])


def last_advisory_meeting(cur, cycle_id: int) -> date | None:
    """The date of the Advisory Group's last meeting recorded for the cycle."""
    return cur.execute(
        "SELECT last_advisory_meeting FROM cycles WHERE id = ?", [cycle_id]
    ).fetchone()[0]


def save_last_advisory_meeting(cur, cycle_id: int, day: date | None) -> None:
    """Record the date of the Advisory Group's last meeting."""
    cur.execute("UPDATE cycles SET last_advisory_meeting = ? WHERE id = ?", [day, cycle_id])


def submission_steps(cur, since: datetime) -> pd.DataFrame:
    """Review steps since a moment: when, which submission (kind, city, network), what."""
    return cur.execute(
        "SELECT e.happened_at AS happened, s.id AS submission_id, s.kind, s.city_id, s.network_id, "
        "e.action, e.revision FROM submission_events e JOIN submissions s "
        "ON s.id = e.submission_id WHERE e.happened_at >= ? ORDER BY e.happened_at, e.id",
        [since],
    ).df()


def budget_movements(cur, since: datetime) -> pd.DataFrame:
    """Entries recorded (or cancelled) since a moment, with their line."""
    return cur.execute(
        "SELECT coalesce(e.cancelled_at, e.recorded_at) AS happened, e.id, e.line_id, e.kind, "
        "e.amount, e.entry_date, e.cancelled_at IS NOT NULL AS cancelled "
        "FROM budget_entries e WHERE e.recorded_at >= ? OR e.cancelled_at >= ? ORDER BY happened",
        [since, since],
    ).df()


def network_events(cur, since: datetime) -> pd.DataFrame:
    """Networks created and cities joining since a moment."""
    return cur.execute(
        "SELECT created_at AS happened, id AS network_id, pilot_city_id AS city_id, 'created' AS what "
        "FROM networks WHERE created_at >= ? "
        "UNION ALL SELECT updated_at, network_id, city_id, status FROM network_members "
        "WHERE updated_at >= ? ORDER BY happened",
        [since, since],
    ).df()
