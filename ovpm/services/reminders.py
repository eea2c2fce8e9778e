"""Reminders (issue 17 §4), sent by `python -m ovpm remind` once a day: a deadline 7 days away
and a deadline just passed, from each user's own "what I have to do" list, and the daily digest
of those who chose it. A reminder is queued once for its item and due day, however often the
command runs."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import timedelta

from ovpm.clock import today
from ovpm.domain.notifications import Audience, Event, Notice, OutboxStatus, Outgoing
from ovpm.domain.todo import TODO_KIND_LABELS, TodoItem
from ovpm.services import notifications, todo
from ovpm.services.notifications import Translatable, now
from ovpm.store import notifications as store
from ovpm.store import users
from ovpm.store.db import Database

SOON_DAYS = 7
# A deadline passed is told in the week after it: a day the command did not run is caught up,
# and the first run on an old database does not send the whole history.
PASSED_WITHIN_DAYS = 7


@dataclass(frozen=True)
class Reminded:
    deadlines: int  # messages queued about deadlines
    digests: int  # digests queued
    sent: int
    refused: int


def remind(db: Database) -> Reminded:
    """Queue today's deadline reminders and digests, then send what is due."""
    day = today()
    with db.reading() as cur:
        people = [u for u in users.active_with(cur, role=None, everyone=True) if u.email]
    deadlines = 0
    for user in people:
        notices = [n for item in todo.my_list(db, user) if (n := _deadline_notice(item, day))]
        if notices:
            with db.unit_of_work() as cur:
                deadlines += sum(
                    notifications.tell(cur, Audience(user_ids=(user.id,)), n) for n in notices
                )
    digests = _digests(db, day)
    sent = refused = 0
    while True:  # the outbox in batches, until nothing is due
        batch_sent, batch_refused = notifications.deliver(db)
        if not batch_sent + batch_refused:
            return Reminded(deadlines, digests, sent, refused)
        sent, refused = sent + batch_sent, refused + batch_refused


def _deadline_notice(item: TodoItem, day) -> Notice | None:
    if item.due is None:
        return None
    if item.due == day + timedelta(days=SOON_DAYS):
        event = Event.DEADLINE_SOON
    elif day - timedelta(days=PASSED_WITHIN_DAYS) <= item.due < day:
        event = Event.DEADLINE_PASSED
    else:
        return None
    label = item.detail or TODO_KIND_LABELS[item.kind]
    params = "&".join(f"{k}={v}" for k, v in sorted(item.params.items()))
    return Notice(
        event,
        {"what": item.subject, "kind": Translatable(label), "due": item.due},
        item.page,
        dict(item.params),
        once_key=f"{event}:{item.page}?{params}:{item.subject}:{item.due}",
    )


def _digests(db: Database, day) -> int:
    """One message per user with held notifications: their subjects and bodies, in order."""
    if not notifications.mail_is_on():
        return 0
    with db.unit_of_work() as cur:
        by_user: dict[int, list[tuple]] = {}
        for row in store.held(cur, now()):
            by_user.setdefault(row[1], []).append(row)
        for user_id, rows in by_user.items():
            user = users.get(cur, user_id)
            subject, body = notifications.digest_text(user, rows)
            once = f"digest:{user.id}:{day}:{rows[-1][0]}"
            digest = Outgoing(
                user.id, rows[0][2], "digest", subject, body, OutboxStatus.QUEUED, once
            )
            store.queue(cur, [digest], now())
            store.mark_digested(cur, [r[0] for r in rows], now())
    return len(by_user)


def remind_as_dict(db: Database) -> dict:
    """`remind`, as the answer to the command's request."""
    return asdict(remind(db))
