"""The shared address book."""

from __future__ import annotations

import dataclasses

import pandas as pd

from ovpm.domain.errors import ConflictError, NotFound
from ovpm.domain.models import Contact, ContactKind
from ovpm.store import bulk
from ovpm.store.db import next_id
from ovpm.store.filters import Filters, like_pattern

_SELECT = (
    "SELECT k.id, k.name, k.title, k.email, k.phone, k.city_id, k.organisation, k.kind, "
    "k.languages, k.expertise, k.version, c.name AS city FROM contacts k "
    "LEFT JOIN cities c ON c.id = k.city_id "
)


def _contact(row: tuple) -> Contact:
    return Contact(
        id=row[0],
        name=row[1],
        title=row[2],
        email=row[3],
        phone=row[4],
        city_id=row[5],
        organisation=row[6],
        kind=ContactKind(row[7]),
        languages=tuple(row[8]),
        expertise=tuple(row[9]),
        version=row[10],
        city_name=row[11],
    )


def get(cur, contact_id: int) -> Contact:
    """One contact, or NotFound."""
    row = cur.execute(_SELECT + "WHERE k.id = ?", [contact_id]).fetchone()
    if row is None:
        raise NotFound(f"contact {contact_id}")
    return _contact(row)


def of_kind(cur, kind: str) -> list[Contact]:
    """Every contact of a kind, by name."""
    rows = cur.execute(_SELECT + "WHERE k.kind = ? ORDER BY k.name", [kind]).fetchall()
    return [_contact(row) for row in rows]


def of_kinds(cur, kinds: list[str]) -> list[Contact]:
    """Every contact of these kinds, by name."""
    rows = cur.execute(
        _SELECT + "WHERE list_contains(?, k.kind) ORDER BY k.name", [kinds]
    ).fetchall()
    return [_contact(row) for row in rows]


def search(
    cur,
    text: str = "",
    city_ids: list[int] | None = None,
    kinds: list[str] | None = None,
    expertise: str = "",
    languages: list[str] | None = None,
    limit: int | None = None,
) -> pd.DataFrame:
    """Contacts matching an accent-insensitive text (name, title, organisation) and filters."""
    filters = (
        Filters()
        .matching_text(["k.name", "k.title", "k.organisation"], text)
        .one_of("k.city_id", city_ids)
        .one_of("k.kind", kinds)
    )
    if expertise and expertise.strip():
        filters.add(
            "len(list_filter(k.expertise, lambda e: strip_accents(lower(e)) LIKE ?)) > 0",
            like_pattern(expertise),
        )
    if languages:
        filters.add("len(list_intersect(k.languages, ?)) > 0", list(languages))
    sql = _SELECT + filters.where + "ORDER BY strip_accents(lower(k.name)), k.id"
    params = filters.params
    if limit is not None:
        sql += " LIMIT ?"
        params = params + [limit]
    return cur.execute(sql, params).df()


def as_contacts(frame: pd.DataFrame) -> list[Contact]:
    """Rows of `search` as Contact objects (for vCard export)."""
    return [_contact(tuple(row)) for row in frame.itertuples(index=False)]


def _values(contact: Contact) -> list:
    """The stored fields of a contact, in the column order of insert and update."""
    return [
        contact.name,
        contact.title,
        contact.email,
        contact.phone,
        contact.city_id,
        contact.organisation,
        str(contact.kind),
        list(contact.languages),
        list(contact.expertise),
    ]


def every(cur) -> list[Contact]:
    """Every contact of the address book, by id."""
    return [_contact(r) for r in cur.execute(_SELECT + "ORDER BY k.id").fetchall()]


def insert_many(cur, new: list[Contact]) -> list[Contact]:
    """Add many contacts at once (an import); returns them with their ids."""
    first = next_id(cur, "contacts")
    added = [dataclasses.replace(c, id=first + i, version=1) for i, c in enumerate(new)]
    columns = ["name", "title", "email", "phone", "city_id", "organisation", "kind"]
    frame = pd.DataFrame(
        [[c.id, *_values(c), 1] for c in added],
        columns=["id", *columns, "languages", "expertise", "version"],
    )
    if added:
        frame["city_id"] = frame["city_id"].astype("Int64")
        bulk.insert_frame(cur, "contacts", frame)
    return added


def insert(cur, contact: Contact) -> Contact:
    """Add a contact; returns it with its id."""
    contact = dataclasses.replace(contact, id=next_id(cur, "contacts"), version=1)
    cur.execute(
        "INSERT INTO contacts (id, name, title, email, phone, city_id, organisation, kind, "
        "languages, expertise, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)",
        [contact.id, *_values(contact)],
    )
    return get(cur, contact.id)


def update(cur, contact: Contact) -> None:
    """Save a contact edited from `contact.version` (its version moves on by one);
    ConflictError when someone saved it since."""
    (changed,) = cur.execute(
        "UPDATE contacts SET name = ?, title = ?, email = ?, phone = ?, city_id = ?, "
        "organisation = ?, kind = ?, languages = ?, expertise = ?, version = version + 1 "
        "WHERE id = ? AND version = ?",
        [*_values(contact), contact.id, contact.version],
    ).fetchone()
    if not changed:
        raise ConflictError(get(cur, contact.id))


def delete(cur, contact_id: int, version: int) -> None:
    """Remove a contact opened at `version`; ConflictError when it changed since."""
    gone = cur.execute(
        "DELETE FROM contacts WHERE id = ? AND version = ? RETURNING id", [contact_id, version]
    ).fetchall()
    if not gone:
        raise ConflictError(get(cur, contact_id))
