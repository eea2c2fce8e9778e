"""Login, sessions and passwords.

Session cookies are signed and kept by the browser only, so a copied cookie would outlive a
logout. Every run therefore re-checks that the user exists, is active, and that the session was
opened after the user's `sessions_valid_after`, which logout, a password change and disabling
move forward.
"""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, timedelta
from functools import lru_cache

import bcrypt

from ovpm.clock import real_now_utc
from ovpm.domain.errors import LoginRefused, LoginThrottled
from ovpm.domain.models import User
from ovpm.domain.rules import password_errors
from ovpm.services._common import validate
from ovpm.store import audit, users
from ovpm.store.db import Database

BCRYPT_ROUNDS = 12
THROTTLE_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_USER = 5
MAX_FAILURES_PER_ADDRESS = 20


def _prehash(password: str) -> bytes:
    # bcrypt reads at most 72 bytes; the policy allows 128 characters, so hash first.
    return base64.b64encode(hashlib.sha256(password.encode("utf-8")).digest())


def hash_password(password: str, username: str = "") -> str:
    """A bcrypt hash of a password that passes the policy (ValidationError otherwise)."""
    validate(password_errors(password, username))
    return bcrypt.hashpw(_prehash(password), bcrypt.gensalt(BCRYPT_ROUNDS)).decode("ascii")


def _matches(password: str, stored_hash: str | None) -> bool:
    if not stored_hash:
        # Spend the same time as a real check so that timing does not reveal unknown users.
        bcrypt.checkpw(b"x", _dummy_hash(BCRYPT_ROUNDS))
        return False
    return bcrypt.checkpw(_prehash(password), stored_hash.encode("ascii"))


@lru_cache(maxsize=2)
def _dummy_hash(rounds: int) -> bytes:
    return bcrypt.hashpw(b"not-a-password", bcrypt.gensalt(rounds))


def login(db: Database, username: str, password: str, address: str) -> User:
    """The user whose password this is; LoginThrottled or LoginRefused otherwise."""
    username = (username or "").strip().lower()
    now = real_now_utc()
    with db.reading() as cur:
        by_user, by_address = users.failed_logins_since(
            cur, username, address, now - THROTTLE_WINDOW
        )
    if by_user >= MAX_FAILURES_PER_USER or by_address >= MAX_FAILURES_PER_ADDRESS:
        raise LoginThrottled(int(THROTTLE_WINDOW.total_seconds() // 60))
    with db.reading() as cur:
        stored_hash = users.password_hash(cur, username)
    if not _matches(password or "", stored_hash):
        with db.unit_of_work() as cur:
            users.record_login_attempt(cur, username, address, now, False)
        raise LoginRefused()
    with db.unit_of_work() as cur:
        users.clear_failed_logins(cur, username)
        users.prune_login_attempts(cur, now - THROTTLE_WINDOW)
        user = users.find(cur, username)
        audit.record(
            cur, user.id, user.username, "session", user.id, "login", None, None, user.city_id
        )
    return user


def _epoch(moment) -> float:
    return moment.replace(tzinfo=UTC).timestamp()


def session_user(db: Database, username: str, opened_at: float) -> User | None:
    """The user of a session opened at `opened_at` (epoch seconds), or None if it is revoked.

    Runs twice on every rerun; the user record is kept until the next write, and every change
    that revokes sessions (logout, disabling, a new password or role) is a write."""

    def find() -> User | None:
        with db.reading() as cur:
            return users.find(cur, username or "")

    user = db.derived(("session_user", username or ""), find)
    if user is None or not user.active or opened_at < _epoch(user.sessions_valid_after):
        return None
    return user


def logout(db: Database, actor: User) -> None:
    """End every session of the user, including copies of its cookie."""
    with db.unit_of_work() as cur:
        users.end_sessions(cur, actor.id, real_now_utc())
        audit.record(
            cur, actor.id, actor.username, "session", actor.id, "logout", None, None, actor.city_id
        )


def change_password(db: Database, actor: User, current: str, new: str) -> None:
    """Change one's own password (the current one is asked); ends all other sessions."""
    with db.reading() as cur:
        stored_hash = users.password_hash(cur, actor.username)
    if not _matches(current or "", stored_hash):
        raise LoginRefused()
    new_hash = hash_password(new, actor.username)
    with db.unit_of_work() as cur:
        users.set_password(cur, actor.id, new_hash, real_now_utc())
        audit.record(
            cur,
            actor.id,
            actor.username,
            "user",
            actor.id,
            "change_password",
            None,
            None,
            actor.city_id,
        )
