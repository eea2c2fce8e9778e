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
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JPEG_SIGNATURE = b"\xff\xd8\xff"


def _size_errors(field: str, data: bytes) -> list[FieldError]:
    if len(data) <= MAX_UPLOAD_MB * 1024 * 1024:
        return []
    return [
        FieldError(
            field,
            N_("must be at most {max} MB; this file has {size} MB."),
            {"max": MAX_UPLOAD_MB, "size": round(len(data) / 1024 / 1024, 1)},
        )
    ]


def pdf_errors(field: str, data: bytes) -> list[FieldError]:
    """A PDF by its content (the signature in its first kilobyte), at most MAX_UPLOAD_MB."""
    if errors := _size_errors(field, data):
        return errors
    if PDF_SIGNATURE not in data[:1024]:
        return [
            FieldError(
                field, N_("must be a PDF file; this file's content is not PDF, whatever its name.")
            )
        ]
    return []


def _receipt_type(data: bytes) -> tuple[str, str] | None:
    """(media type, extension) of a receipt, told by its content."""
    if PDF_SIGNATURE in data[:1024]:
        return "application/pdf", ".pdf"
    if data.startswith(PNG_SIGNATURE):
        return "image/png", ".png"
    if data.startswith(JPEG_SIGNATURE):
        return "image/jpeg", ".jpg"
    return None


def receipt_errors(field: str, data: bytes) -> list[FieldError]:
    """A receipt: a PDF, PNG or JPEG by its content, at most MAX_UPLOAD_MB."""
    if errors := _size_errors(field, data):
        return errors
    if _receipt_type(data) is None:
        return [
            FieldError(
                field,
                N_("must be a PDF, PNG or JPEG file; this file's content is none of them."),
            )
        ]
    return []


def image_errors(field: str, data: bytes) -> list[FieldError]:
    """A photo: a PNG or JPEG image by its content, at most MAX_UPLOAD_MB."""
    if errors := _size_errors(field, data):
        return errors
    if _receipt_type(data) in (None, ("application/pdf", ".pdf")):
        return [
            FieldError(field, N_("must be a PNG or JPEG image; this file's content is neither."))
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
    return _store(db, actor, city_id, filename or "letter.pdf", data, "application/pdf", ".pdf")


def store_receipt(
    db: Database, actor: User, city_id: int, filename: str, data: bytes
) -> Attachment:
    """Keep the receipt of a budget entry (PDF, PNG or JPEG); the caller checked who records."""
    validate(receipt_errors("receipt", data))
    media_type, extension = _receipt_type(data)
    return _store(
        db, actor, city_id, filename or "receipt" + extension, data, media_type, extension
    )


def store_image(
    db: Database, actor: User, city_id: int, field: str, filename: str, data: bytes
) -> Attachment:
    """Keep a photo (PNG or JPEG, by content); the caller checked who records."""
    validate(image_errors(field, data))
    media_type, extension = _receipt_type(data)
    return _store(db, actor, city_id, filename or "photo" + extension, data, media_type, extension)


def _store(
    db: Database,
    actor: User,
    city_id: int,
    filename: str,
    data: bytes,
    media_type: str,
    extension: str,
) -> Attachment:
    stored_name = secrets.token_hex(16) + extension
    path = _path(db, stored_name)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    with db.unit_of_work() as cur:
        record = attachments.insert(
            cur,
            hashlib.sha256(data).hexdigest(),
            media_type,
            len(data),
            Path(filename).name[:200],
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
    return file_of(db, attachment_id)


def file_of(db: Database, attachment_id: int) -> tuple[Attachment, bytes]:
    """A stored file and its bytes; for services that checked the reader's right themselves
    (a receipt belongs to a budget line, not to a city's submissions)."""
    with db.reading() as cur:
        record = attachments.get(cur, attachment_id)
    return record, _path(db, record.stored_name).read_bytes()
