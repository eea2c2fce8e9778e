"""E-mail notifications (issue 17 §3): a message is put in the outbox inside the unit of work of
what it tells about (so a rolled-back save sends nothing), in the recipient's language with a
link to the screen where the thing is done, as the recipient chose (which events, one message
each or a daily digest). `deliver` sends the outbox through the SMTP server of the secrets file
after the commit — from the app's sender thread, never inside a save — and retries failures."""

from __future__ import annotations

import atexit
import logging
import smtplib
import ssl
import threading
from collections.abc import Iterable
from datetime import date
from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from urllib.parse import urlencode

import pandas as pd

from ovpm import i18n
from ovpm.clock import real_now_utc
from ovpm.config import SmtpSettings, smtp_settings
from ovpm.domain import access
from ovpm.domain.meetings import parse_person_key
from ovpm.domain.models import Role, User
from ovpm.domain.notifications import (
    BODIES,
    SUBJECTS,
    Audience,
    Event,
    Notice,
    OutboxStatus,
    Outgoing,
    Preferences,
    next_attempt,
)
from ovpm.services._common import require
from ovpm.store import audit, users
from ovpm.store import notifications as store
from ovpm.store.db import Database

LOG = logging.getLogger("ovpm")
SENDER_WAKE_SECONDS = 60  # the sender looks at the outbox at least this often (retries)
# Woken by a commit, the sender lets the saves of the next moment join the same SMTP
# connection and the same unit of work, rather than competing with each of them.
SENDER_GATHER_SECONDS = 2


class Translatable(str):
    """A field of a notice that is a message id: translated into the recipient's language."""


def mail_is_on() -> bool:
    """True when an SMTP server is configured (`[smtp]` in the secrets file)."""
    return smtp_settings() is not None


def tell(cur, audience: Audience, notice: Notice, actor: User | None = None) -> int:
    """Queue `notice` for each account of the audience that wants it (never its own author),
    inside the caller's unit of work, in two statements; returns how many messages were
    queued. Nothing when e-mail is off."""
    settings = smtp_settings()
    if settings is None:
        return 0
    chosen = [
        (user, digest)
        for user, digest, muted in users.audience(cur, audience)
        if str(notice.event) not in muted and (actor is None or user.id != actor.id)
    ]
    keys = {user.id: f"{notice.once_key}:{user.id}" for user, _ in chosen if notice.once_key}
    done = store.already_queued(cur, list(keys.values()))
    messages = [
        Outgoing(
            user.id,
            user.email,
            str(notice.event),
            *render(notice, user, settings.app_url),
            OutboxStatus.HELD if digest else OutboxStatus.QUEUED,
            keys.get(user.id),
        )
        for user, digest in chosen
        if keys.get(user.id) not in done
    ]
    store.queue(cur, messages, now())
    return len(messages)


def now():
    """Outbox times are real times: a retry waits real minutes even on a pinned day."""
    return real_now_utc()


def link(app_url: str, page: str, params: dict) -> str:
    """The address of a screen ('pages/meeting.py', {'id': 3} → …/meeting?id=3)."""
    slug = page.removeprefix("pages/").removesuffix(".py")
    query = f"?{urlencode({k: str(v) for k, v in params.items()})}" if params else ""
    return f"{app_url}/{slug}{query}"


def render(notice: Notice, user: User, app_url: str) -> tuple[str, str]:
    """Subject and body of a notice in the recipient's language."""
    _ = i18n.translator(user.language)
    fields = {key: _shown(value, user.language) for key, value in notice.fields.items()}
    subject = _(SUBJECTS[notice.event], **fields)
    core = (
        _(BODIES[notice.event], **fields)
        + "\n\n"
        + _("Open it here: {link}", link=link(app_url, notice.page, notice.params))
    )
    return subject, _letter(user, core)


SIGNATURE = "\n\n-- \n"


def _letter(user: User, core: str) -> str:
    """A message's text between the greeting and the signature, in the user's language."""
    _ = i18n.translator(user.language)
    return (
        _("Hello {name},", name=user.name)
        + "\n\n"
        + core
        + SIGNATURE
        + _(
            "Roadmap Hub of the Organization of World Heritage Cities. Choose which e-mails "
            "you receive on the My account page."
        )
    )


def _core(body: str) -> str:
    """A queued message's text without its greeting and signature (for the daily summary)."""
    return body.split(SIGNATURE, 1)[0].split("\n\n", 1)[-1]


def _shown(value: object, language: str) -> object:
    """A field as the recipient reads it: a message id translated, a day in their format."""
    if isinstance(value, Translatable):
        return i18n.translator(language)(value)
    if isinstance(value, date):
        return i18n.format_day(value, language)
    return "—" if value is None else value


def digest_text(user: User, held: list[tuple]) -> tuple[str, str]:
    """The daily digest of a user: every held message (id, user, e-mail, subject, body)."""
    _ = i18n.translator(user.language)
    parts = [f"{row[3]}\n{'=' * min(len(row[3]), 72)}\n\n{_core(row[4])}" for row in held]
    subject = _("Your daily summary: {n} notifications", n=len(held))
    return subject, _letter(user, "\n\n\n".join(parts))


def secretariat() -> Audience:
    """The Secretariat's accounts."""
    return Audience(roles=(Role.SECRETARIAT,))


def of_city(city_id: int | None) -> Audience:
    """The accounts of a city."""
    return Audience(city_ids=() if city_id is None else (city_id,))


def people(keys: Iterable[str]) -> Audience:
    """The people behind person keys: users, and the accounts that share an address-book
    contact's e-mail."""
    parsed = [parse_person_key(key) for key in keys]
    return Audience(
        user_ids=tuple(u for _, u in parsed if u is not None),
        contact_ids=tuple(c for c, _ in parsed if c is not None),
    )


def both(first: Audience, second: Audience) -> Audience:
    """Everyone of two audiences."""
    return Audience(
        first.roles + second.roles,
        first.city_ids + second.city_ids,
        first.user_ids + second.user_ids,
        first.contact_ids + second.contact_ids,
    )


# --- the user's choices -------------------------------------------------------------------


def my_preferences(db: Database, actor: User) -> Preferences:
    """The actor's own choices (read once per state of the data)."""
    return db.kept_read(
        ("notification_preferences", actor.id), lambda cur: store.preferences(cur, actor.id)
    )


def save_preferences(db: Database, actor: User, chosen: Preferences) -> None:
    """Keep the actor's own choices (which events, or a daily digest), audited."""
    chosen = Preferences(chosen.digest, frozenset(str(Event(e)) for e in chosen.muted))
    with db.unit_of_work() as cur:
        before = store.preferences(cur, actor.id)
        store.set_preferences(cur, actor.id, chosen)
        audit.record(
            cur,
            actor.id,
            actor.username,
            "notification_settings",
            actor.id,
            "update",
            {"digest": before.digest, "muted": sorted(before.muted)},
            {"digest": chosen.digest, "muted": sorted(chosen.muted)},
            actor.city_id,
        )


# --- sending ------------------------------------------------------------------------------


def _message(settings: SmtpSettings, to: str, subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = formataddr(("Roadmap Hub", settings.sender))
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain=settings.sender.rpartition("@")[2] or None)
    message.set_content(body)
    return message


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
    if settings.security == "ssl":
        server = smtplib.SMTP_SSL(
            settings.host, settings.port, timeout=20, context=ssl.create_default_context()
        )
    else:
        server = smtplib.SMTP(settings.host, settings.port, timeout=20)
        if settings.security == "starttls":
            server.starttls(context=ssl.create_default_context())
    if settings.user:
        server.login(settings.user, settings.password)
    return server


def deliver(db: Database) -> tuple[int, int]:
    """Send the queued messages whose time has come; a refused one is tried again later
    (RETRY_MINUTES), then failed for good. Returns (sent, refused). The SMTP conversation
    happens outside any unit of work."""
    settings = smtp_settings()
    if settings is None:
        return 0, 0
    with db.reading() as cur:
        batch = store.due(cur, now())
    if not batch:
        return 0, 0
    outcomes = []
    try:
        with _connect(settings) as server:
            for message_id, email, subject, body, attempts in batch:
                try:
                    server.send_message(_message(settings, email, subject, body))
                    outcomes.append((message_id, attempts, None))
                except (smtplib.SMTPException, OSError) as error:
                    outcomes.append((message_id, attempts, str(error) or type(error).__name__))
    except (smtplib.SMTPException, OSError) as error:  # no connection: every message waits
        sent_ids = {o[0] for o in outcomes}
        reason = str(error) or type(error).__name__
        outcomes += [(m[0], m[4], reason) for m in batch if m[0] not in sent_ids]
    with db.unit_of_work() as cur:
        for message_id, attempts, error in outcomes:
            if error is None:
                store.mark_sent(cur, message_id, now())
            else:
                store.mark_failed(cur, message_id, next_attempt(attempts + 1, now()), error)
    refused = sum(1 for o in outcomes if o[2] is not None)
    return len(outcomes) - refused, refused


class _Sender:
    """The app process's sender: wakes after every committed unit of work (and every minute,
    for retries) and sends what is due, on its own thread."""

    def __init__(self, db: Database):
        self.db = db
        self.wake = threading.Event()
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, name="ovpm-mail", daemon=True)

    def _run(self) -> None:
        while not self.stopping.is_set():
            if self.wake.wait(SENDER_WAKE_SECONDS) and not self.stopping.is_set():
                self.stopping.wait(SENDER_GATHER_SECONDS)
            self.wake.clear()
            try:
                from ovpm.services import app_requests  # it builds on this module

                app_requests.serve(self.db)
                while sum(deliver(self.db)):
                    pass
            except Exception:  # the sender must outlive any one bad batch
                LOG.exception("e-mail sender")


_SENDERS: dict[str, _Sender] = {}
_SENDERS_LOCK = threading.Lock()


def start_sender(db: Database) -> None:
    """Start the process's sender for this database once (the app calls it at start); it is
    stopped when the process ends, never in the middle of a database call."""
    with _SENDERS_LOCK:
        if str(db.path) in _SENDERS:
            return
        if not _SENDERS:
            atexit.register(_stop_all)
        sender = _SENDERS[str(db.path)] = _Sender(db)
        db.on_commit(sender.wake.set)
        sender.thread.start()


def _stop_all() -> None:
    for sender in list(_SENDERS.values()):
        stop_sender(sender.db)


def stop_sender(db: Database) -> None:
    """Send what is due one last time and stop the sender (a benchmark or a test that started
    one, before it closes the database)."""
    with _SENDERS_LOCK:
        sender = _SENDERS.pop(str(db.path), None)
    if sender is not None:
        sender.stopping.set()
        sender.wake.set()
        sender.thread.join()


# --- what the Secretariat sees ------------------------------------------------------------


def delivery_state(db: Database, actor: User) -> tuple[dict[str, int], pd.DataFrame]:
    """Counts by status and the messages refused at least once (Secretariat)."""
    require(access.can_manage_users(actor))
    with db.reading() as cur:
        return store.status_counts(cur), store.troubles(cur)


def retry_failed(db: Database, actor: User) -> int:
    """Queue the failed messages again (Secretariat), audited; returns how many."""
    require(access.can_manage_users(actor))
    with db.unit_of_work() as cur:
        count = store.retry_failed(cur, now())
        audit.record(
            cur, actor.id, actor.username, "outbox", None, "retry", None, {"count": count}, None
        )
    return count
