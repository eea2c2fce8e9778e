"""A real start: an empty database with the programme cycle and no demo data, then the first
Secretariat account (`python -m ovpm init` on a new file)."""

from __future__ import annotations

from ovpm.domain.models import Role, User
from ovpm.domain.roadmap import QUEBEC_ROADMAP
from ovpm.services.users import create_user
from ovpm.store import audit, bulk, cycles, users
from ovpm.store.db import Database


def start_empty(db: Database) -> bool:
    """Give a new database the cycle and its milestones; False when it already has a cycle."""
    with db.unit_of_work() as cur:
        if not bulk.is_empty(cur):
            return False
        cycles.insert(cur, QUEBEC_ROADMAP)
        audit.record(cur, None, "init", "cycle", None, "create", None, {"start": "empty"}, None)
    return True


def needs_first_account(db: Database) -> bool:
    """True while no active Secretariat account exists (nobody could administer the hub)."""
    with db.reading() as cur:
        return not users.has_active(cur, Role.SECRETARIAT)


def create_first_account(
    db: Database, username: str, name: str, email: str, language: str, password: str
) -> User:
    """The first Secretariat account, with the rules of every account (the operator's CLI)."""
    return create_user(db, None, username, name, email, Role.SECRETARIAT, None, language, password)
