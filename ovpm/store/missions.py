"""Mission4City: missions, the steps of their instruction, their experts and the requesting
city's obligations."""

from __future__ import annotations

import json
from datetime import datetime

from ovpm.domain.errors import ConflictError, NotFound
from ovpm.domain.missions import (
    Mission,
    MissionStatus,
    Obligation,
    ObligationState,
    ObligationStatus,
    Programme,
    Step,
    StepRecord,
)
from ovpm.store.db import next_id

# The title is the request's: its latest submitted revision's, else its working copy's.
_SELECT = (
    "SELECT m.id, m.city_id, m.request_id, m.status, m.programme, m.report_id, "
    "m.decline_reason, m.status_since, m.published_on, m.version, "
    "coalesce(json_extract_string(s.content, '$.title'), ''), c.name "
    "FROM missions m JOIN submissions s ON s.id = m.request_id "
    "JOIN cities c ON c.id = m.city_id "
)


def _mission(row: tuple) -> Mission:
    return Mission(
        row[0],
        row[1],
        row[2],
        MissionStatus(row[3]),
        Programme.from_dict(json.loads(row[4]) if row[4] else None),
        *row[5:],
    )


def every(cur, city_id: int | None = None) -> list[Mission]:
    """Every mission (of one requesting city), newest first."""
    where, params = ("WHERE m.city_id = ? ", [city_id]) if city_id else ("", [])
    rows = cur.execute(_SELECT + where + "ORDER BY m.id DESC", params).fetchall()
    return [_mission(row) for row in rows]


def get(cur, mission_id: int) -> Mission:
    """One mission, or NotFound."""
    row = cur.execute(_SELECT + "WHERE m.id = ?", [mission_id]).fetchone()
    if row is None:
        raise NotFound(f"mission {mission_id}")
    return _mission(row)


def titles(cur) -> dict[int, str]:
    """'City — subject' of every mission, by id (budget views)."""
    return {m.id: f"{m.city_name} — {m.title}" for m in every(cur)}


def of_submission(cur, submission_id: int) -> Mission | None:
    """The mission whose request or report this submission is."""
    row = cur.execute(
        _SELECT + "WHERE m.request_id = ? OR m.report_id = ?", [submission_id, submission_id]
    ).fetchone()
    return _mission(row) if row else None


def insert(cur, city_id: int, request_id: int, at: datetime) -> int:
    """A new mission in draft, with its request; its id."""
    new_id = next_id(cur, "missions")
    cur.execute(
        "INSERT INTO missions (id, city_id, request_id, status, status_since, created_at) "
        "VALUES (?, ?, ?, 'draft', ?, ?)",
        [new_id, city_id, request_id, at, at],
    )
    return new_id


def update(cur, mission: Mission, at: datetime) -> Mission:
    """Save a mission opened at `mission.version`; ConflictError when someone saved first. The
    status's date moves when the status does."""
    changed = cur.execute(
        "UPDATE missions SET status = ?, programme = ?, report_id = ?, decline_reason = ?, "
        "published_on = ?, status_since = CASE WHEN status = ? THEN status_since ELSE ? END, "
        "version = version + 1 WHERE id = ? AND version = ? RETURNING id",
        [
            str(mission.status),
            json.dumps(mission.programme.to_dict()),
            mission.report_id,
            mission.decline_reason,
            mission.published_on,
            str(mission.status),
            at,
            mission.id,
            mission.version,
        ],
    ).fetchall()
    if not changed:
        raise ConflictError(mission)
    return get(cur, mission.id)


def set_status(cur, mission_id: int, status: MissionStatus, at: datetime) -> None:
    """Move a mission with its request or report (the review workflow's own unit of work)."""
    cur.execute(
        "UPDATE missions SET status = ?, status_since = ?, version = version + 1 WHERE id = ?",
        [str(status), at, mission_id],
    )


# --- instruction -----------------------------------------------------------------------------


def steps(cur, mission_id: int | None = None) -> list[tuple[int, StepRecord]]:
    """(mission id, step) of one mission or of all, in the order of the steps."""
    where, params = ("WHERE mission_id = ? ", [mission_id]) if mission_id else ("", [])
    rows = cur.execute(
        "SELECT mission_id, step, done_on, note, who, recorded_by FROM mission_steps "
        + where
        + "ORDER BY mission_id, step",
        params,
    ).fetchall()
    return [(row[0], StepRecord(Step(row[1]), *row[2:])) for row in rows]


def save_step(cur, mission_id: int, record: StepRecord, at: datetime) -> None:
    """Record a step (again: the later record replaces the earlier)."""
    cur.execute(
        "INSERT OR REPLACE INTO mission_steps (mission_id, step, done_on, note, who, "
        "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            mission_id,
            str(record.step),
            record.done_on,
            record.note,
            record.who,
            record.recorded_by,
            at,
        ],
    )


def experts(cur, mission_id: int | None = None) -> list[tuple[int, int, bool]]:
    """(mission id, contact id, local) of the candidate experts."""
    where, params = ("WHERE mission_id = ? ", [mission_id]) if mission_id else ("", [])
    return cur.execute(
        "SELECT mission_id, contact_id, local FROM mission_experts "
        + where
        + "ORDER BY mission_id, contact_id",
        params,
    ).fetchall()


def set_experts(cur, mission_id: int, chosen: list[tuple[int, bool]]) -> None:
    """The candidate experts of step (c): (contact id, local)."""
    cur.execute("DELETE FROM mission_experts WHERE mission_id = ?", [mission_id])
    cur.executemany(
        "INSERT INTO mission_experts (mission_id, contact_id, local) VALUES (?, ?, ?)",
        [[mission_id, contact_id, local] for contact_id, local in chosen],
    )


# --- obligations -----------------------------------------------------------------------------


def obligations(cur, mission_id: int | None = None) -> list[tuple[int, ObligationState, int]]:
    """(mission id, state without its due date, version) of the items recorded."""
    where, params = ("WHERE mission_id = ? ", [mission_id]) if mission_id else ("", [])
    rows = cur.execute(
        "SELECT mission_id, item, status, done_on, note, files, version "
        "FROM mission_obligations " + where + "ORDER BY mission_id, item",
        params,
    ).fetchall()
    return [
        (
            row[0],
            ObligationState(
                Obligation(row[1]), ObligationStatus(row[2]), row[3], row[4], tuple(row[5] or ())
            ),
            row[6],
        )
        for row in rows
    ]


def save_obligation(cur, mission_id: int, state: ObligationState, version: int) -> None:
    """Record an item opened at `version` (0: not recorded yet); ConflictError when someone
    saved first."""
    values = [str(state.status), state.done_on, state.note, list(state.files)]
    if version == 0:
        exists = cur.execute(
            "SELECT 1 FROM mission_obligations WHERE mission_id = ? AND item = ?",
            [mission_id, str(state.item)],
        ).fetchone()
        if exists:
            raise ConflictError(state)
        cur.execute(
            "INSERT INTO mission_obligations (status, done_on, note, files, mission_id, item) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [*values, mission_id, str(state.item)],
        )
        return
    changed = cur.execute(
        "UPDATE mission_obligations SET status = ?, done_on = ?, note = ?, files = ?, "
        "version = version + 1 WHERE mission_id = ? AND item = ? AND version = ? RETURNING 1",
        [*values, mission_id, str(state.item), version],
    ).fetchall()
    if not changed:
        raise ConflictError(state)


# --- the library -----------------------------------------------------------------------------


def published(cur) -> list[tuple]:
    """Each published mission with its approved report: (mission id, city, country, region,
    published on, request content, report content), the request as accepted."""
    return cur.execute(
        "SELECT m.id, c.name, c.country, c.region, m.published_on, "
        "coalesce(qr.content, q.content), r.content "
        "FROM missions m JOIN cities c ON c.id = m.city_id "
        "JOIN submissions q ON q.id = m.request_id "
        "LEFT JOIN submission_revisions qr ON qr.submission_id = q.id "
        "AND qr.number = q.approved_revision "
        "JOIN submissions s ON s.id = m.report_id "
        "JOIN submission_revisions r ON r.submission_id = s.id "
        "AND r.number = s.approved_revision "
        "WHERE m.status = 'published' ORDER BY m.published_on DESC, m.id DESC"
    ).fetchall()
