"""Attachment records; the files live under the attachments folder with random names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ovpm.domain.errors import NotFound
from ovpm.store.db import next_id


@dataclass(frozen=True)
class Attachment:
    id: int
    sha256: str
    media_type: str
    size_bytes: int
    original_name: str
    stored_name: str
    city_id: int | None


def insert(
    cur,
    sha256: str,
    media_type: str,
    size_bytes: int,
    original_name: str,
    stored_name: str,
    city_id: int | None,
    by: str,
    at: datetime,
) -> Attachment:
    """Record a stored file."""
    new_id = next_id(cur, "attachments")
    cur.execute(
        "INSERT INTO attachments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [new_id, sha256, media_type, size_bytes, original_name, stored_name, city_id, by, at],
    )
    return get(cur, new_id)


def get(cur, attachment_id: int) -> Attachment:
    """One attachment record, or NotFound."""
    row = cur.execute(
        "SELECT id, sha256, media_type, size_bytes, original_name, stored_name, "
        "city_id FROM attachments WHERE id = ?",
        [attachment_id],
    ).fetchone()
    if row is None:
        raise NotFound(f"attachment {attachment_id}")
    return Attachment(*row)
