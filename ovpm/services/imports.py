"""Import of member cities and address-book contacts from CSV or XLSX (issue 17 §2).

`preview` reads the file, matches its headings to the fields, checks every row with the forms'
rules and tells what each row would do (create, update — contacts matched by e-mail, cities by
name and country —, leave alone), writing nothing. `run_import` does it again inside one unit of
work and writes everything or nothing, audited as one import."""

from __future__ import annotations

from dataclasses import dataclass, replace

from babel import Locale

from ovpm import i18n
from ovpm.domain import N_, access
from ovpm.domain.errors import FieldError, ImportRefused, RowError
from ovpm.domain.imports import (
    HEADINGS,
    REQUIRED_COLUMNS,
    ImportTarget,
    RowAction,
    Words,
    changed_fields,
    city_from_row,
    contact_from_row,
    duplicate_error,
    merged,
    plain,
)
from ovpm.domain.models import (
    CONTACT_KIND_LABELS,
    CONTACT_LANGUAGES,
    LANGUAGES,
    UNESCO_REGIONS,
    City,
    Contact,
    User,
)
from ovpm.domain.rules import city_errors, contact_errors
from ovpm.exports.reading import UnreadableFile, read_table
from ovpm.services._common import require, snapshot, validate
from ovpm.store import audit, cities, contacts
from ovpm.store.db import Database


@dataclass(frozen=True)
class PlannedRow:
    line: int
    action: RowAction
    record: City | Contact  # as it will be stored
    changes: tuple[str, ...] = ()  # the fields an update changes


@dataclass(frozen=True)
class ImportPreview:
    target: ImportTarget
    file_name: str
    headings: list[tuple[str, str | None]]  # each heading of the file and the field it fills
    missing: list[str]  # required fields no heading fills
    planned: list[PlannedRow]
    refused: list[RowError]

    @property
    def ready(self) -> bool:
        """Nothing refused: the import may be confirmed."""
        return not self.missing and not self.refused and bool(self.planned)

    def count(self, action: RowAction) -> int:
        return sum(1 for row in self.planned if row.action == action)


def preview(
    db: Database, actor: User, target: ImportTarget, name: str, data: bytes
) -> ImportPreview:
    """What importing the file would do; nothing is written (Secretariat only)."""
    require(access.can_edit_city(actor))
    with db.reading() as cur:
        return _plan(cur, ImportTarget(target), name, data)


def run_import(
    db: Database, actor: User, target: ImportTarget, name: str, data: bytes
) -> ImportPreview:
    """Import the file: every row, or none when one is refused (ImportRefused names each).
    The plan is made again inside the unit of work, so it is the data's state at the write."""
    require(access.can_edit_city(actor))
    target = ImportTarget(target)
    with db.unit_of_work() as cur:
        plan = _plan(cur, target, name, data)
        if plan.missing:
            validate([_missing_error(plan.missing, target)])
        if plan.refused:
            raise ImportRefused(plan.refused)
        created, updated = _write(cur, target, plan)
        audit.record(
            cur,
            actor.id,
            actor.username,
            "import",
            None,
            str(target),
            None,
            {
                "file": name,
                "created": [snapshot(r) for r in created],
                "updated": [
                    {"id": row.record.id, "fields": list(row.changes)}
                    for row in plan.planned
                    if row.action == RowAction.UPDATE
                ],
                "unchanged": plan.count(RowAction.UNCHANGED),
            },
            None,
        )
    return plan


def _write(cur, target: ImportTarget, plan: ImportPreview) -> tuple[list, list]:
    new = [row.record for row in plan.planned if row.action == RowAction.CREATE]
    changed = [row.record for row in plan.planned if row.action == RowAction.UPDATE]
    store = cities if target == ImportTarget.CITIES else contacts
    created = store.insert_many(cur, new)
    for record in changed:
        store.update(cur, record)
    return created, changed


def _missing_error(missing: list[str], target: ImportTarget) -> FieldError:
    return FieldError(
        "file",
        N_("must have a column for {columns}."),
        {"columns": ", ".join(missing)},
    )


def _plan(cur, target: ImportTarget, name: str, data: bytes) -> ImportPreview:
    try:
        table = read_table(name, data, HEADINGS[target])
    except UnreadableFile:
        validate([FieldError("file", N_("cannot be read as a CSV or XLSX table."))])
    if not table.rows:
        validate([FieldError("file", N_("has no rows."))])
    filled = {column for _, column in table.headings if column}
    missing = [c for c in REQUIRED_COLUMNS[target] if c not in filled]
    if missing:
        return ImportPreview(target, name, table.headings, missing, [], [])
    given = frozenset(filled)
    if target == ImportTarget.CITIES:
        planned, refused = _plan_cities(cur, table.rows, given)
    else:
        planned, refused = _plan_contacts(cur, table.rows, given)
    return ImportPreview(target, name, table.headings, [], planned, refused)


def _words(every_city: list[City]) -> Words:
    regions, languages, kinds = {}, {}, {}
    for language in LANGUAGES:
        _ = i18n.translator(language)
        locale = Locale.parse(language)
        for code, label in UNESCO_REGIONS.items():
            regions[plain(code)] = regions[plain(_(label))] = code
        for code in CONTACT_LANGUAGES:
            languages[plain(code)] = code
            languages[plain(locale.languages.get(code, code))] = code
            languages[plain(Locale.parse(code).get_display_name(code) or code)] = code
        for code, label in CONTACT_KIND_LABELS.items():
            kinds[plain(code)] = kinds[plain(_(label))] = str(code)
    city_ids: dict[str, list[int]] = {}
    for city in every_city:
        city_ids.setdefault(plain(city.name), []).append(city.id)
    return Words(regions, languages, kinds, city_ids)


def _decide(line: int, before, incoming, given: frozenset[str]) -> PlannedRow:
    if before is None:
        return PlannedRow(line, RowAction.CREATE, incoming)
    after = merged(before, incoming, given)
    changes = tuple(changed_fields(before, after))
    return PlannedRow(line, RowAction.UPDATE if changes else RowAction.UNCHANGED, after, changes)


def _plan_cities(cur, rows: list[dict], given: frozenset[str]):
    every_city = cities.every(cur)
    words = _words(every_city)
    stored = {(plain(c.name), plain(c.country)): c for c in every_city}
    seen: dict[tuple, int] = {}
    planned, refused = [], []
    for line, row in enumerate(rows, start=2):
        city, errors = city_from_row(row, words)
        key = (plain(city.name), plain(city.country))
        if key in seen:
            errors.append(duplicate_error("name", seen[key]))
        seen.setdefault(key, line)
        decided = _decide(line, stored.get(key), city, given)
        errors += [] if errors else city_errors(decided.record)
        if errors:
            refused += [RowError(line, e.field, e.message, e.params) for e in errors]
        else:
            planned.append(decided)
    return planned, refused


def _plan_contacts(cur, rows: list[dict], given: frozenset[str]):
    words = _words(cities.every(cur))
    by_email: dict[str, list[Contact]] = {}
    by_name: dict[tuple, Contact] = {}
    for contact in contacts.every(cur):
        if contact.email:
            by_email.setdefault(contact.email.lower(), []).append(contact)
        else:
            by_name.setdefault((plain(contact.name), contact.city_id), contact)
    seen: dict[tuple, int] = {}
    planned, refused = [], []
    for line, row in enumerate(rows, start=2):
        contact, errors = contact_from_row(row, words)
        email = contact.email.lower()
        # one person may be in the book in two roles: the same e-mail with another kind
        key = (email, contact.kind)
        if email and key in seen:
            errors.append(duplicate_error("email", seen[key]))
        if email:
            seen.setdefault(key, line)
        matches = by_email.get(email, []) if email else []
        if len(matches) > 1:
            matches = [m for m in matches if m.kind == contact.kind]
        if len(matches) > 1:
            errors.append(
                FieldError("email", N_("belongs to several contacts of the address book."))
            )
        before = matches[0] if matches else by_name.get((plain(contact.name), contact.city_id))
        decided = _decide(line, before, contact, given)
        record = decided.record
        if decided.action == RowAction.CREATE:
            record = replace(record, city_name=None)
        errors += [] if errors else contact_errors(record)
        if errors:
            refused += [RowError(line, e.field, e.message, e.params) for e in errors]
        else:
            planned.append(replace(decided, record=record))
    return planned, refused
