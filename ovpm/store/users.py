"""User accounts, their sessions' validity and failed logins."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pandas as pd

from ovpm.domain.errors import ConflictError, NotFound
from ovpm.domain.models import Role, User
from ovpm.store.db import next_id

_SELECT = (
    "SELECT u.id, u.username, u.name, u.email, u.role, u.city_id, u.language, u.active, "
    "u.sessions_valid_after, u.version, c.name FROM users u "
    "LEFT JOIN cities c ON c.id = u.city_id "
)


def _user(row: tuple) -> User:
    return User(
        id=row[0],
        username=row[1],
        name=row[2],
        email=row[3],
        role=Role(row[4]),
        city_id=row[5],
        language=row[6],
        active=row[7],
        sessions_valid_after=row[8],
        version=row[9],
        city_name=row[10],
    )


def find(cur, username: str) -> User | None:
    """The user with this user name, or None."""
    row = cur.execute(_SELECT + "WHERE u.username = ?", [username]).fetchone()
    return _user(row) if row else None


def get(cur, user_id: int) -> User:
    """One user, or NotFound."""
    row = cur.execute(_SELECT + "WHERE u.id = ?", [user_id]).fetchone()
    if row is None:
        raise NotFound(f"user {user_id}")
    return _user(row)


def active_with(
    cur,
    role: str | None = None,
    city_id: int | None = None,
    email: str | None = None,
    everyone: bool = False,
) -> list[User]:
    """The active accounts of a role, of a city, with an e-mail (case aside), or all."""
    if everyone:
        rows = cur.execute(_SELECT + "WHERE u.active ORDER BY u.id").fetchall()
    elif city_id is not None:
        rows = cur.execute(_SELECT + "WHERE u.active AND u.city_id = ?", [city_id]).fetchall()
    elif email is not None:
        rows = cur.execute(
            _SELECT + "WHERE u.active AND lower(u.email) = lower(?)", [email]
        ).fetchall()
    else:
        rows = cur.execute(_SELECT + "WHERE u.active AND u.role = ?", [str(role)]).fetchall()
    return [_user(r) for r in rows]


_AUDIENCE_SELECT = (
    _SELECT.replace(" FROM users u", ", s.digest, s.muted FROM users u")
    + "LEFT JOIN notification_settings s ON s.user_id = u.id "
    "WHERE u.active AND u.email <> '' AND ("
)
_AUDIENCE_PARTS = {
    "roles": "list_contains(?, u.role)",
    "city_ids": "list_contains(?, u.city_id)",
    "user_ids": "list_contains(?, u.id)",
    "contact_ids": "lower(u.email) IN (SELECT lower(k.email) FROM contacts k "
    "WHERE list_contains(?, k.id) AND k.email <> '')",
}


def audience(cur, audience) -> list[tuple[User, bool, tuple[str, ...]]]:
    """The active accounts with an e-mail that an Audience names, each with its e-mail choices
    (digest, muted events), in one query: it runs inside the saves that notify."""
    given = {name: list(getattr(audience, name)) for name in _AUDIENCE_PARTS}
    given = {
        name: [str(v) for v in values] if name == "roles" else values
        for name, values in given.items()
        if values
    }
    if not given:
        return []
    rows = cur.execute(
        _AUDIENCE_SELECT + " OR ".join(_AUDIENCE_PARTS[name] for name in given) + ")",
        list(given.values()),
    ).fetchall()
    return [(_user(row[:11]), bool(row[11]), tuple(row[12] or ())) for row in rows]


def has_active(cur, role: str) -> bool:
    """True when at least one active account has this role."""
    row = cur.execute("SELECT count(*) FROM users WHERE role = ? AND active", [str(role)])
    return row.fetchone()[0] > 0


def password_hash(cur, username: str) -> str | None:
    """The bcrypt hash of an active user's password, or None."""
    row = cur.execute(
        "SELECT password_hash FROM users WHERE username = ? AND active", [username]
    ).fetchone()
    return row[0] if row else None


def listing(cur) -> pd.DataFrame:
    """Every user with its city's name, for the Users screen."""
    return cur.execute(
        "SELECT u.id, u.username, u.name, u.email, u.role, u.city_id, c.name AS city, u.language,"
        " u.active, u.version FROM users u LEFT JOIN cities c ON c.id = u.city_id "
        "ORDER BY u.role, c.name NULLS FIRST, u.username"
    ).df()


def insert(cur, user: User, password_hash_value: str, created_at: datetime) -> User:
    """Add a user; returns it with its id."""
    user = dataclasses.replace(user, id=next_id(cur, "users"), version=1)
    cur.execute(
        "INSERT INTO users (id, username, name, email, role, city_id, password_hash, language,"
        " active, sessions_valid_after, created_at, version) VALUES (?,?,?,?,?,?,?,?,?,?,?,1)",
        [
            user.id,
            user.username,
            user.name,
            user.email,
            str(user.role),
            user.city_id,
            password_hash_value,
            user.language,
            user.active,
            user.sessions_valid_after,
            created_at,
        ],
    )
    return user


def update(cur, user: User) -> User:
    """Save name, e-mail, role, city, language and active flag edited from `user.version`."""
    changed = cur.execute(
        "UPDATE users SET name = ?, email = ?, role = ?, city_id = ?, language = ?, active = ?, "
        "sessions_valid_after = ?, version = version + 1 WHERE id = ? AND version = ? "
        "RETURNING version",
        [
            user.name,
            user.email,
            str(user.role),
            user.city_id,
            user.language,
            user.active,
            user.sessions_valid_after,
            user.id,
            user.version,
        ],
    ).fetchall()
    if not changed:
        raise ConflictError(get(cur, user.id))
    return get(cur, user.id)


def set_password(cur, user_id: int, password_hash_value: str, valid_after: datetime) -> None:
    """Store a new password hash and end every session opened before `valid_after`."""
    cur.execute(
        "UPDATE users SET password_hash = ?, sessions_valid_after = ?, "
        "version = version + 1 WHERE id = ?",
        [password_hash_value, valid_after, user_id],
    )


def end_sessions(cur, user_id: int, valid_after: datetime) -> None:
    """End every session of the user opened before `valid_after` (logout everywhere)."""
    cur.execute("UPDATE users SET sessions_valid_after = ? WHERE id = ?", [valid_after, user_id])


def record_login_attempt(cur, username: str, address: str, at: datetime, succeeded: bool) -> None:
    """Remember one login attempt for throttling."""
    cur.execute(
        "INSERT INTO login_attempts VALUES (?, ?, ?, ?)", [username, address, at, succeeded]
    )


def failed_logins_since(cur, username: str, address: str, since: datetime) -> tuple[int, int]:
    """(failures for this user name, failures from this address) since a moment."""
    return cur.execute(
        "SELECT count(*) FILTER (WHERE username = ?), count(*) FILTER (WHERE address = ?) "
        "FROM login_attempts WHERE NOT succeeded AND happened_at >= ?",
        [username, address, since],
    ).fetchone()


def prune_login_attempts(cur, before: datetime) -> None:
    """Forget attempts older than the throttling window."""
    cur.execute("DELETE FROM login_attempts WHERE happened_at < ?", [before])


def clear_failed_logins(cur, username: str) -> None:
    """Forget a user's failed attempts after a successful login."""
    cur.execute("DELETE FROM login_attempts WHERE username = ? AND NOT succeeded", [username])
