"""The shared address book: everyone reads it; cities edit their own contacts."""

from __future__ import annotations

import dataclasses

import pandas as pd

from ovpm.domain import access
from ovpm.domain.models import Contact, User
from ovpm.domain.rules import contact_errors
from ovpm.exports import csv_bytes, vcards
from ovpm.services._common import require, snapshot, validate
from ovpm.store import audit, cities, contacts
from ovpm.store.db import Database

EXPORT_COLUMNS = [
    "name",
    "title",
    "email",
    "phone",
    "city",
    "organisation",
    "kind",
    "languages",
    "expertise",
]


@dataclasses.dataclass(frozen=True)
class ContactFilter:
    text: str = ""
    city_ids: tuple[int, ...] = ()
    kinds: tuple[str, ...] = ()
    expertise: str = ""
    languages: tuple[str, ...] = ()


def _search(db: Database, where: ContactFilter, limit: int | None = None) -> pd.DataFrame:
    with db.reading() as cur:
        return contacts.search(
            cur,
            where.text,
            list(where.city_ids),
            list(where.kinds),
            where.expertise,
            list(where.languages),
            limit,
        )


def search_contacts(
    db: Database, actor: User, where: ContactFilter, limit: int | None = None
) -> pd.DataFrame:
    """Contacts matching the filter, with `can_edit` telling which the actor may change."""
    frame = _search(db, where, limit)
    frame["can_edit"] = [
        access.can_edit_contact(actor, None if pd.isna(c) else int(c)) for c in frame["city_id"]
    ]
    return frame


def get_contact(db: Database, actor: User, contact_id: int) -> Contact:
    """One contact of the shared address book."""
    with db.reading() as cur:
        return contacts.get(cur, contact_id)


def save_contact(db: Database, actor: User, contact: Contact) -> Contact:
    """Create (id None) or update a contact edited from `contact.version`."""
    contact = dataclasses.replace(
        contact,
        name=contact.name.strip(),
        title=contact.title.strip(),
        email=contact.email.strip(),
        phone=contact.phone.strip(),
        organisation=contact.organisation.strip(),
        expertise=tuple(dict.fromkeys(t.strip() for t in contact.expertise if t.strip())),
    )
    require(access.can_edit_contact(actor, contact.city_id))
    validate(contact_errors(contact))
    if contact.id is None:
        with db.unit_of_work() as cur:
            after = contacts.insert(cur, contact)
            _audit_save(cur, actor, None, after)
        return after
    with db.unit_of_work() as cur:
        before = contacts.get(cur, contact.id)
        require(access.can_edit_contact(actor, before.city_id))
        contacts.update(cur, contact)
        moved = contact.city_id != before.city_id
        after = dataclasses.replace(
            contact,
            version=contact.version + 1,
            city_name=cities.name_of(cur, contact.city_id) if moved else before.city_name,
        )
        _audit_save(cur, actor, before, after)
    return after


def _audit_save(cur, actor: User, before: Contact | None, after: Contact) -> None:
    audit.record(
        cur,
        actor.id,
        actor.username,
        "contact",
        after.id,
        "update" if before else "create",
        snapshot(before) if before else None,
        snapshot(after),
        after.city_id,
    )


def delete_contact(db: Database, actor: User, contact_id: int, version: int) -> None:
    """Remove a contact opened at `version`."""
    with db.unit_of_work() as cur:
        before = contacts.get(cur, contact_id)
        require(access.can_edit_contact(actor, before.city_id))
        contacts.delete(cur, contact_id, version)
        audit.record(
            cur,
            actor.id,
            actor.username,
            "contact",
            contact_id,
            "delete",
            snapshot(before),
            None,
            before.city_id,
        )


def export_csv(db: Database, actor: User, where: ContactFilter) -> bytes:
    """The filtered address book as CSV (UTF-8 with BOM, so spreadsheets read accents)."""
    frame = _search(db, where)
    frame["languages"] = frame["languages"].map(" ".join)
    frame["expertise"] = frame["expertise"].map("; ".join)
    return csv_bytes(frame[EXPORT_COLUMNS])


def export_vcard(db: Database, actor: User, where: ContactFilter) -> bytes:
    """The filtered address book as vCard 3.0."""
    return vcards(contacts.as_contacts(_search(db, where)))
