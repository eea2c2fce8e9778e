"""User accounts (Secretariat only) and one's own account."""

from __future__ import annotations

import dataclasses

import pandas as pd

from ovpm.clock import real_now_utc
from ovpm.domain import N_, access
from ovpm.domain.errors import FieldError
from ovpm.domain.models import Role, User
from ovpm.domain.rules import user_errors
from ovpm.services._common import require, snapshot, validate
from ovpm.services.auth import hash_password
from ovpm.store import audit, cities, users
from ovpm.store.db import Database


def list_users(db: Database, actor: User) -> pd.DataFrame:
    """Every account (Secretariat only)."""
    require(access.can_manage_users(actor))
    with db.reading() as cur:
        return users.listing(cur)


def get_user(db: Database, actor: User, user_id: int) -> User:
    """One account (Secretariat only)."""
    require(access.can_manage_users(actor))
    with db.reading() as cur:
        return users.get(cur, user_id)


def _check(
    cur,
    username: str,
    name: str,
    email: str,
    role: str,
    city_id: int | None,
    language: str,
    user_id: int | None,
) -> None:
    errors = user_errors(username, name, email, role, city_id, language)
    existing = users.find(cur, username)
    if existing is not None and existing.id != user_id:
        errors.append(FieldError("username", N_("is already taken.")))
    if city_id is not None:
        cities.get(cur, city_id)
    validate(errors)


def create_user(
    db: Database,
    actor: User | None,
    username: str,
    name: str,
    email: str,
    role: str,
    city_id: int | None,
    language: str,
    password: str,
) -> User:
    """Create an account; `actor` None is the operator's CLI and the demo loader."""
    if actor is not None:
        require(access.can_manage_users(actor))
    username = (username or "").strip().lower()
    password_hash_value = hash_password(password, username)
    with db.unit_of_work() as cur:
        _check(cur, username, name, email, role, city_id, language, None)
        now = real_now_utc()
        user = users.insert(
            cur,
            User(
                id=None,
                username=username,
                name=name.strip(),
                email=(email or "").strip(),
                role=Role(role),
                city_id=city_id,
                language=language,
                active=True,
                sessions_valid_after=now,
            ),
            password_hash_value,
            now,
        )
        _audit(cur, actor, user, "create", None, user)
    return user


def update_user(db: Database, actor: User, edited: User) -> User:
    """Save role, city, name, e-mail, language or active flag, edited from `edited.version`.

    Changing the role or city, or disabling, ends the user's sessions."""
    require(access.can_manage_users(actor))
    with db.unit_of_work() as cur:
        before = users.get(cur, edited.id)
        _check(
            cur,
            before.username,
            edited.name,
            edited.email,
            edited.role,
            edited.city_id,
            edited.language,
            edited.id,
        )
        ends_sessions = (
            edited.role != before.role or edited.city_id != before.city_id or not edited.active
        )
        if ends_sessions:
            edited = dataclasses.replace(edited, sessions_valid_after=real_now_utc())
        else:
            edited = dataclasses.replace(edited, sessions_valid_after=before.sessions_valid_after)
        after = users.update(cur, dataclasses.replace(edited, username=before.username))
        _audit(cur, actor, after, "update", before, after)
    return after


def reset_password(db: Database, actor: User, user_id: int, new_password: str) -> None:
    """Set a new password for someone (Secretariat); their sessions end."""
    require(access.can_manage_users(actor))
    with db.unit_of_work() as cur:
        target = users.get(cur, user_id)
        users.set_password(
            cur, user_id, hash_password(new_password, target.username), real_now_utc()
        )
        _audit(cur, actor, target, "reset_password", None, None)


def update_own_account(db: Database, actor: User, name: str, language: str) -> User:
    """Change one's own display name and language."""
    with db.unit_of_work() as cur:
        before = users.get(cur, actor.id)
        validate(
            user_errors(before.username, name, before.email, before.role, before.city_id, language)
        )
        after = users.update(cur, dataclasses.replace(before, name=name.strip(), language=language))
        _audit(cur, actor, after, "update", before, after)
    return after


def _audit(
    cur, actor: User | None, target: User, action: str, before: User | None, after: User | None
) -> None:
    audit.record(
        cur,
        actor.id if actor else None,
        actor.username if actor else "system",
        "user",
        target.id,
        action,
        snapshot(before) if before else None,
        snapshot(after) if after else None,
        target.city_id,
    )
