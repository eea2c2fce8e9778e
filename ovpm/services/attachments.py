"""Uploaded files: checked by content and size, stored under random names, read with permission."""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path

from ovpm.clock import now_utc
from ovpm.domain import N_, access
from ovpm.domain.errors import FieldError
from ovpm.domain.models import User
from ovpm.domain.submission_rules import can_write_for
from ovpm.services._common import require, validate
from ovpm.store import attachments, audit
from ovpm.store.attachments import Attachment
from ovpm.store.db import Database

MAX_UPLOAD_MB = 10
PDF_SIGNATURE = b"%PDF-"


def pdf_errors(field: str, data: bytes) -> list[FieldError]:
    """A PDF by its content (the signature in its first kilobyte), at most MAX_UPLOAD_MB."""
    if len(data) > MAX_UPLOAD_MB * 1024 * 1024:
        return [
            FieldError(
                field,
                N_("must be at most {max} MB; this file has {size} MB."),
                {"max": MAX_UPLOAD_MB, "size": round(len(data) / 1024 / 1024, 1)},
            )
        ]
    if PDF_SIGNATURE not in data[:1024]:
        return [
            FieldError(
                field, N_("must be a PDF file; this file's content is not PDF, whatever its name.")
            )
        ]
    return []


def _path(db: Database, stored_name: str) -> Path:
    return db.attachments_dir / stored_name[:2] / stored_name


def store_pdf(
    db: Database, actor: User, city_id: int, field: str, filename: str, data: bytes
) -> Attachment:
    """Keep an uploaded PDF of a city (the city itself or the Secretariat)."""
    require(can_write_for(actor, city_id))
    validate(pdf_errors(field, data))
    stored_name = secrets.token_hex(16) + ".pdf"
    path = _path(db, stored_name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    with db.unit_of_work() as cur:
        record = attachments.insert(
            cur,
            hashlib.sha256(data).hexdigest(),
            "application/pdf",
            len(data),
            Path(filename or "letter.pdf").name[:200],
            stored_name,
            city_id,
            actor.username,
            now_utc(),
        )
        audit.record(
            cur,
            actor.id,
            actor.username,
            "attachment",
            record.id,
            "upload",
            None,
            {"name": record.original_name, "sha256": record.sha256, "size": record.size_bytes},
            city_id,
        )
    return record


def read_attachment(db: Database, actor: User, attachment_id: int) -> tuple[Attachment, bytes]:
    """A stored file and its bytes, for those who may read its city's submissions."""
    with db.reading() as cur:
        record = attachments.get(cur, attachment_id)
    require(record.city_id is None or access.can_read_city_details(actor, record.city_id))
    return record, _path(db, record.stored_name).read_bytes()
