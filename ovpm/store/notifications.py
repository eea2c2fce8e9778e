"""E-mail notifications: each user's choices and the outbox."""

from __future__ import annotations

from datetime import datetime

import pandas as pd

from ovpm.domain.notifications import Outgoing, Preferences


def preferences(cur, user_id: int) -> Preferences:
    """A user's choices (every event, one message each, when never set)."""
    row = cur.execute(
        "SELECT digest, muted FROM notification_settings WHERE user_id = ?", [user_id]
    ).fetchall()
    return Preferences(row[0][0], frozenset(row[0][1])) if row else Preferences()


def set_preferences(cur, user_id: int, chosen: Preferences) -> None:
    """Keep a user's choices."""
    cur.execute(
        "INSERT OR REPLACE INTO notification_settings (user_id, digest, muted) VALUES (?, ?, ?)",
        [user_id, chosen.digest, sorted(chosen.muted)],
    )


def queue(cur, messages: list[Outgoing], now: datetime) -> None:
    """Put messages in the outbox in one statement (inside the unit of work of what they tell
    about)."""
    if not messages:
        return
    rows = [
        [i, m.user_id, m.email, m.event, m.once_key, m.subject, m.body, str(m.status)]
        for i, m in enumerate(messages, start=1)
    ]
    # the ids in the same statement: one round trip less in every save that notifies
    cur.execute(
        "INSERT INTO outbox (id, created_at, user_id, email, event, once_key, subject, body, "
        "status, next_attempt_at) SELECT (SELECT coalesce(max(id), 0) FROM outbox) + v.n, "
        "?, v.user_id, v.email, v.event, v.once_key, v.subject, v.body, v.status, ? FROM "
        "(VALUES " + ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?)"] * len(rows)) + ") "
        "v(n, user_id, email, event, once_key, subject, body, status)",
        [now, now] + [value for row in rows for value in row],
    )


def already_queued(cur, once_keys: list[str]) -> set[str]:
    """The keys among these that a message in the outbox has already (sent or not)."""
    if not once_keys:
        return set()
    rows = cur.execute(
        "SELECT once_key FROM outbox WHERE list_contains(?, once_key)", [once_keys]
    ).fetchall()
    return {r[0] for r in rows}


def due(cur, now: datetime, limit: int = 50) -> list[tuple]:
    """(id, email, subject, body, attempts) of the queued messages whose time has come."""
    return cur.execute(
        "SELECT id, email, subject, body, attempts FROM outbox WHERE status = 'queued' AND "
        "next_attempt_at <= ? ORDER BY id LIMIT ?",
        [now, limit],
    ).fetchall()


def mark_sent(cur, message_id: int, now: datetime) -> None:
    """A message the SMTP server accepted."""
    cur.execute(
        "UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1 WHERE id = ?",
        [now, message_id],
    )


def mark_failed(cur, message_id: int, retry_at: datetime | None, error: str) -> None:
    """A refused attempt: tried again at `retry_at`, or failed for good (None)."""
    cur.execute(
        "UPDATE outbox SET attempts = attempts + 1, last_error = ?, status = ?, "
        "next_attempt_at = coalesce(?, next_attempt_at) WHERE id = ?",
        [error[:500], "queued" if retry_at else "failed", retry_at, message_id],
    )


def held(cur, until: datetime) -> list[tuple]:
    """(id, user_id, email, subject, body) of the messages held for digests, oldest first."""
    return cur.execute(
        "SELECT id, user_id, email, subject, body FROM outbox WHERE status = 'held' AND "
        "created_at <= ? ORDER BY user_id, id",
        [until],
    ).fetchall()


def mark_digested(cur, message_ids: list[int], now: datetime) -> None:
    """Messages that went out inside a digest."""
    cur.execute(
        "UPDATE outbox SET status = 'digested', sent_at = ? WHERE list_contains(?, id)",
        [now, message_ids],
    )


def retry_failed(cur, now: datetime) -> int:
    """Queue the failed messages again (the Secretariat asks, once the server is fixed)."""
    requeued = cur.execute(
        "UPDATE outbox SET status = 'queued', attempts = 0, next_attempt_at = ? "
        "WHERE status = 'failed' RETURNING id",
        [now],
    ).fetchall()
    return len(requeued)


def status_counts(cur) -> dict[str, int]:
    """How many messages of each status the outbox holds."""
    return dict(cur.execute("SELECT status, count(*) FROM outbox GROUP BY status").fetchall())


def troubles(cur, limit: int = 200) -> pd.DataFrame:
    """Messages that failed for good or were refused at least once, newest first."""
    return cur.execute(
        "SELECT created_at, email, subject, status, attempts, last_error, next_attempt_at "
        "FROM outbox WHERE status = 'failed' OR (status = 'queued' AND attempts > 0) "
        "ORDER BY id DESC LIMIT ?",
        [limit],
    ).df()
