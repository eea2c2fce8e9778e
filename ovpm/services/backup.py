"""Backups taken inside the running app (the app holds the database file)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ovpm.domain import access
from ovpm.domain.models import User
from ovpm.services._common import require
from ovpm.store import audit
from ovpm.store.backup import write_backup
from ovpm.store.db import Database


def backup_archive(db: Database, actor: User) -> bytes:
    """The whole database and its attachments as zip bytes (Secretariat only; audited)."""
    require(access.is_secretariat(actor))
    with db.unit_of_work() as cur:
        audit.record(cur, actor.id, actor.username, "database", None, "backup", None, None, None)
    with tempfile.TemporaryDirectory() as work:
        path = write_backup(db, db.attachments_dir, Path(work) / "backup.zip")
        return path.read_bytes()
