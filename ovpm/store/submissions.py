"""Submissions, their frozen revisions, review events and comments."""

from __future__ import annotations

import json
from datetime import datetime

import pandas as pd

from ovpm.domain.errors import ConflictError, NotFound
from ovpm.domain.submissions import Comment, Revision, Status, Submission, SubmissionKind
from ovpm.store.db import next_id
from ovpm.store.filters import Filters

_SELECT = (
    "SELECT s.id, s.kind, s.city_id, s.status, s.revision, s.approved_revision, s.content,"
    " s.version, s.created_at, s.updated_at, c.name, s.network_id, n.name FROM submissions s "
    "JOIN cities c ON c.id = s.city_id LEFT JOIN networks n ON n.id = s.network_id "
)


def _submission(row: tuple) -> Submission:
    return Submission(
        id=row[0],
        kind=SubmissionKind(row[1]),
        city_id=row[2],
        status=Status(row[3]),
        revision=row[4],
        approved_revision=row[5],
        content=json.loads(row[6]),
        version=row[7],
        created_at=row[8],
        updated_at=row[9],
        city_name=row[10],
        network_id=row[11],
        network_name=row[12] or "",
    )


def get(cur, submission_id: int) -> Submission:
    """One submission, or NotFound."""
    row = cur.execute(_SELECT + "WHERE s.id = ?", [submission_id]).fetchone()
    if row is None:
        raise NotFound(f"submission {submission_id}")
    return _submission(row)


def open_submission(
    cur, kind: str, city_id: int, network_id: int | None = None
) -> Submission | None:
    """The city's (or network's) submission of this kind that is not withdrawn, if any."""
    row = cur.execute(
        _SELECT + "WHERE s.kind = ? AND s.city_id = ? AND s.status <> 'withdrawn' "
        "AND s.network_id IS NOT DISTINCT FROM ? ORDER BY s.id DESC LIMIT 1",
        [kind, city_id, network_id],
    ).fetchone()
    return _submission(row) if row else None


def insert(
    cur, kind: str, city_id: int, content: dict, at: datetime, network_id: int | None = None
) -> Submission:
    """A new draft."""
    new_id = next_id(cur, "submissions")
    cur.execute(
        "INSERT INTO submissions (id, kind, city_id, status, revision, content, created_at,"
        " updated_at, network_id) VALUES (?, ?, ?, 'draft', 0, ?, ?, ?, ?)",
        [new_id, kind, city_id, json.dumps(content, ensure_ascii=False), at, at, network_id],
    )
    return get(cur, new_id)


def update(cur, submission: Submission, at: datetime) -> Submission:
    """Save status, revision numbers and working content edited from `submission.version`."""
    changed = cur.execute(
        "UPDATE submissions SET status = ?, revision = ?, approved_revision = ?, content = ?, "
        "updated_at = ?, version = version + 1 WHERE id = ? AND version = ? RETURNING id",
        [
            str(submission.status),
            submission.revision,
            submission.approved_revision,
            json.dumps(submission.content, ensure_ascii=False),
            at,
            submission.id,
            submission.version,
        ],
    ).fetchall()
    if not changed:
        raise ConflictError(get(cur, submission.id))
    return get(cur, submission.id)


def listing(
    cur,
    city_id: int | None,
    kinds: list[str] | None,
    statuses: list[str] | None,
    city_ids: list[int] | None,
) -> pd.DataFrame:
    """Submissions for lists and the review queue, oldest change first."""
    filters = (
        Filters()
        .equal("s.city_id", city_id)
        .one_of("s.kind", kinds)
        .one_of("s.status", statuses)
        .one_of("s.city_id", city_ids)
    )
    return cur.execute(
        "SELECT s.id, s.kind, s.city_id, c.name AS city, s.network_id, s.status, s.revision, "
        "s.approved_revision, s.created_at, s.updated_at, "
        "(SELECT max(submitted_at) FROM submission_revisions r WHERE r.submission_id = s.id) "
        "AS submitted_at, (SELECT count(*) FROM submission_comments m "
        "WHERE m.submission_id = s.id) AS comments FROM submissions s "
        "JOIN cities c ON c.id = s.city_id " + filters.where + "ORDER BY s.updated_at, s.id",
        filters.params,
    ).df()


def add_revision(
    cur, submission_id: int, number: int, content: dict, by: str, at: datetime
) -> None:
    """Freeze the submitted content as revision `number`."""
    cur.execute(
        "INSERT INTO submission_revisions (submission_id, number, content, submitted_by, "
        "submitted_at, outcome) VALUES (?, ?, ?, ?, ?, 'submitted')",
        [submission_id, number, json.dumps(content, ensure_ascii=False), by, at],
    )


def decide_revision(
    cur, submission_id: int, number: int, outcome: str, by: str, at: datetime, comment: str
) -> None:
    """Record the review decision on a revision (its content stays as it was)."""
    cur.execute(
        "UPDATE submission_revisions SET outcome = ?, decided_by = ?, decided_at = ?, "
        "comment = ? WHERE submission_id = ? AND number = ?",
        [outcome, by, at, comment, submission_id, number],
    )


def revisions(cur, submission_id: int) -> list[Revision]:
    """Every frozen revision, oldest first."""
    rows = cur.execute(
        "SELECT submission_id, number, content, submitted_by, submitted_at, outcome,"
        " decided_by, decided_at, comment FROM submission_revisions "
        "WHERE submission_id = ? ORDER BY number",
        [submission_id],
    ).fetchall()
    return [
        Revision(r[0], r[1], json.loads(r[2]), r[3], r[4], Status(r[5]), r[6], r[7], r[8])
        for r in rows
    ]


def add_event(
    cur, submission_id: int, revision: int, action: str, by: str, at: datetime, comment: str = ""
) -> None:
    """One step of the review history."""
    cur.execute(
        "INSERT INTO submission_events VALUES (?, ?, ?, ?, ?, ?, ?)",
        [next_id(cur, "submission_events"), submission_id, revision, action, by, at, comment],
    )


def events(cur, submission_id: int) -> pd.DataFrame:
    """The review history, oldest first."""
    return cur.execute(
        "SELECT revision, action, actor_username, happened_at, comment "
        "FROM submission_events WHERE submission_id = ? ORDER BY happened_at, id",
        [submission_id],
    ).df()


def add_comment(
    cur, submission_id: int, revision: int, author: str, role: str, body: str, at: datetime
) -> None:
    """An advice comment on a submission."""
    cur.execute(
        "INSERT INTO submission_comments VALUES (?, ?, ?, ?, ?, ?, ?)",
        [next_id(cur, "submission_comments"), submission_id, revision, author, role, body, at],
    )


def commented_by(cur, username: str) -> set[int]:
    """The submissions someone has commented on."""
    rows = cur.execute(
        "SELECT DISTINCT submission_id FROM submission_comments WHERE author_username = ?",
        [username],
    ).fetchall()
    return {row[0] for row in rows}


def comments(cur, submission_id: int) -> list[Comment]:
    """Comments on a submission, oldest first."""
    rows = cur.execute(
        "SELECT id, submission_id, revision, author_username, author_role, body, "
        "created_at FROM submission_comments WHERE submission_id = ? "
        "ORDER BY created_at, id",
        [submission_id],
    ).fetchall()
    return [Comment(*row) for row in rows]


def approved_theme_sheets(cur) -> list[tuple[int, str, str, dict]]:
    """(city id, city name, region, approved content) of every approved theme sheet."""
    rows = cur.execute(
        "SELECT s.city_id, c.name, c.region, r.content FROM submissions s "
        "JOIN cities c ON c.id = s.city_id JOIN submission_revisions r "
        "ON r.submission_id = s.id AND r.number = s.approved_revision "
        "WHERE s.kind = 'theme_sheet' AND s.approved_revision IS NOT NULL "
        "ORDER BY c.name"
    ).fetchall()
    return [(r[0], r[1], r[2], json.loads(r[3])) for r in rows]


def approved_content(cur, kind: str, network_id: int) -> dict | None:
    """The approved revision's content of a network's latest submission of a kind that has
    one."""
    row = cur.execute(
        "SELECT r.content FROM submissions s JOIN submission_revisions r "
        "ON r.submission_id = s.id AND r.number = s.approved_revision "
        "WHERE s.kind = ? AND s.network_id = ? ORDER BY s.id DESC LIMIT 1",
        [kind, network_id],
    ).fetchone()
    return json.loads(row[0]) if row else None


def shown_contents(cur, submission_ids: list[int]) -> dict[int, dict]:
    """Each submission's approved content, or its current content while none is approved."""
    if not submission_ids:
        return {}
    rows = cur.execute(
        "SELECT s.id, COALESCE(r.content, s.content) FROM submissions s "
        "LEFT JOIN submission_revisions r ON r.submission_id = s.id "
        "AND r.number = s.approved_revision WHERE list_contains(?, s.id)",
        [submission_ids],
    ).fetchall()
    return {row[0]: json.loads(row[1]) for row in rows}
