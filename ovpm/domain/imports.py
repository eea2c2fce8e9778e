"""Import of the member cities and the address book from the spreadsheets an organisation keeps
(issue 17): the headings people write in French, English or Spanish, the words they use for
coded values, and each row turned into a City or a Contact with the refusals of its cells. The
rules of the records themselves are the forms' rules (`rules.city_errors`, `contact_errors`)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from ovpm.domain import N_
from ovpm.domain.errors import FieldError
from ovpm.domain.models import CONTACT_LANGUAGES, City, Contact, ContactKind


class ImportTarget(StrEnum):
    CITIES = "cities"
    CONTACTS = "contacts"


IMPORT_TARGET_LABELS = {
    ImportTarget.CITIES: N_("Member cities"),
    ImportTarget.CONTACTS: N_("Address book contacts"),
}


class RowAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"


ROW_ACTION_LABELS = {
    RowAction.CREATE: N_("To create"),
    RowAction.UPDATE: N_("To update"),
    RowAction.UNCHANGED: N_("Left alone (no change)"),
}

# The headings that mean each field (case, accents, spaces and underscores aside); the
# export's own column names come first, so an export re-imports as it is.
CITY_HEADINGS: dict[str, tuple[str, ...]] = {
    "name": ("name", "city", "nom", "ville", "nombre", "ciudad", "city name", "nom de la ville"),
    "local_name": ("local_name", "local name", "nom local", "nombre local"),
    "country": ("country", "pays", "pais"),
    "iso2": ("iso2", "iso", "country code", "code pays", "code iso", "codigo de pais", "codigo"),
    "region": ("region", "unesco region", "region unesco", "région", "región"),
    "lat": ("lat", "latitude", "latitud"),
    "lon": ("lon", "lng", "long", "longitude", "longitud"),
    "good_standing": (
        "good_standing",
        "good standing",
        "member in good standing",
        "a jour de cotisation",
        "a jour",
        "en regle",
        "al dia",
        "al corriente",
        "al dia de cuotas",
    ),
    "language": (
        "language",
        "preferred language",
        "langue",
        "langue preferee",
        "idioma",
        "idioma preferido",
    ),
    "timezone": ("timezone", "time zone", "fuseau horaire", "fuseau", "zona horaria"),
}
CONTACT_HEADINGS: dict[str, tuple[str, ...]] = {
    "name": ("name", "full name", "nom", "nom complet", "nombre", "nombre completo"),
    "title": ("title", "position", "job title", "titre", "fonction", "poste", "cargo", "titulo"),
    "email": (
        "email",
        "e-mail",
        "mail",
        "courriel",
        "adresse e-mail",
        "correo",
        "correo electronico",
    ),
    "phone": ("phone", "telephone", "tel", "telefono"),
    "city": ("city", "ville", "ciudad", "member city", "ville membre", "ciudad miembro"),
    "organisation": ("organisation", "organization", "organisme", "organizacion", "institution"),
    "kind": ("kind", "type", "role", "categorie", "category", "tipo", "categoria"),
    "languages": ("languages", "langues", "idiomas", "spoken languages", "langues parlees"),
    "expertise": ("expertise", "fields of expertise", "domaines d'expertise", "especialidad"),
}
HEADINGS = {ImportTarget.CITIES: CITY_HEADINGS, ImportTarget.CONTACTS: CONTACT_HEADINGS}
REQUIRED_COLUMNS = {
    ImportTarget.CITIES: ("name", "country"),
    ImportTarget.CONTACTS: ("name",),
}

YES = {"yes", "y", "true", "1", "oui", "o", "vrai", "si", "x"}
NO = {"no", "n", "false", "0", "non", "faux"}
# A cell the export defused against spreadsheet formulas ('=..., '+33 ...) reads back as typed.
_DEFUSED = re.compile(r"^'(?=[=+\-@\t\r])")


def plain(text: str) -> str:
    """Lower case without accents, spaces and underscores folded: how headings (of every
    table read, `exports.reading`) and coded values are compared."""
    decomposed = unicodedata.normalize("NFKD", str(text).strip().lower())
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\s_]+", " ", folded)


@dataclass(frozen=True)
class Words:
    """The words a spreadsheet may use for coded values: each label in every language, the
    code itself, and the member cities by name (built by the service from the catalogs)."""

    regions: dict[str, str]
    languages: dict[str, str]
    kinds: dict[str, str]
    city_ids: dict[str, list[int]] = field(default_factory=dict)


@dataclass(frozen=True)
class ParsedRow:
    line: int  # the file's line (the headings are line 1)
    record: City | Contact | None
    errors: list[FieldError]
    given: frozenset[str]  # the fields the file has a column for


def cell(row: dict[str, str], column: str) -> str:
    return _DEFUSED.sub("", row.get(column, "") or "").strip()


def _number(row: dict, column: str, errors: list[FieldError]) -> float | None:
    text = cell(row, column).replace(",", ".")
    if not text:
        return None
    try:
        return float(Decimal(text))
    except InvalidOperation:
        errors.append(FieldError(column, N_("must be a number such as 48.85.")))
        return None


def _coded(row: dict, column: str, words: dict[str, str], errors: list, message: str) -> str:
    text = cell(row, column)
    code = words.get(plain(text))
    if code is None:
        errors.append(FieldError(column, message))
        return text
    return code


def city_from_row(row: dict[str, str], words: Words) -> tuple[City, list[FieldError]]:
    """A City from a row (fields without a column keep the form's defaults), and the cells
    that could not be read; the record's own rules are checked apart."""
    errors: list[FieldError] = []
    standing = plain(cell(row, "good_standing")) or "yes"
    if standing not in YES | NO:
        errors.append(FieldError("good_standing", N_("must be yes or no.")))
    city = City(
        id=None,
        name=cell(row, "name"),
        local_name=cell(row, "local_name"),
        country=cell(row, "country"),
        iso2=cell(row, "iso2").upper(),
        region=_coded(
            row, "region", words.regions, errors, N_("must be one of the UNESCO regions.")
        ),
        lat=_number(row, "lat", errors),
        lon=_number(row, "lon", errors),
        good_standing=standing in YES,
        language=_coded(
            row,
            "language",
            words.languages,
            errors,
            N_("must be French, English or Spanish."),
        )
        if cell(row, "language")
        else "en",
        timezone=cell(row, "timezone") or "UTC",
    )
    return city, errors


def contact_from_row(row: dict[str, str], words: Words) -> tuple[Contact, list[FieldError]]:
    """A Contact from a row: its member city by name, its kind and languages by code or name
    in any language, its fields of expertise separated by semicolons."""
    errors: list[FieldError] = []
    city_id = None
    city_name = cell(row, "city")
    if city_name:
        found = words.city_ids.get(plain(city_name), [])
        if len(found) == 1:
            city_id = found[0]
        else:
            errors.append(
                FieldError(
                    "city",
                    N_("names no member city.")
                    if not found
                    else N_("matches several member cities."),
                )
            )
    kind = (
        _coded(row, "kind", words.kinds, errors, N_("must be one of the listed kinds."))
        if cell(row, "kind")
        else ContactKind.OTHER
    )
    spoken = [plain(w) for w in re.split(r"[\s,;/]+", cell(row, "languages")) if w]
    languages = tuple(dict.fromkeys(words.languages.get(w, w) for w in spoken))
    if any(code not in CONTACT_LANGUAGES for code in languages):
        errors.append(FieldError("languages", N_("must be chosen from the list.")))
    contact = Contact(
        id=None,
        name=cell(row, "name"),
        title=cell(row, "title"),
        email=cell(row, "email"),
        phone=cell(row, "phone"),
        city_id=city_id,
        organisation=cell(row, "organisation"),
        kind=ContactKind(kind) if kind in set(ContactKind) else ContactKind.OTHER,
        languages=languages,
        expertise=tuple(
            dict.fromkeys(t.strip() for t in cell(row, "expertise").split(";") if t.strip())
        ),
        city_name=city_name or None,
    )
    return contact, errors


CITY_FIELDS = (
    "name",
    "local_name",
    "country",
    "iso2",
    "region",
    "lat",
    "lon",
    "good_standing",
    "language",
    "timezone",
)
CONTACT_FIELDS = (
    "name",
    "title",
    "email",
    "phone",
    "city_id",
    "organisation",
    "kind",
    "languages",
    "expertise",
)
_COLUMN_OF = {"city_id": "city"}


def merged(existing, incoming, given: frozenset[str]):
    """The existing record with the fields the file has a column for taken from the file."""
    fields = CITY_FIELDS if isinstance(existing, City) else CONTACT_FIELDS
    changes = {
        name: getattr(incoming, name) for name in fields if _COLUMN_OF.get(name, name) in given
    }
    return replace(existing, **changes)


def changed_fields(before, after) -> list[str]:
    """The fields that differ between a stored record and what the file makes of it."""
    fields = CITY_FIELDS if isinstance(before, City) else CONTACT_FIELDS
    return [name for name in fields if getattr(before, name) != getattr(after, name)]


def duplicate_error(field_name: str, first_line: int) -> FieldError:
    return FieldError(
        field_name, N_("appears already on line {line} of the file."), {"line": first_line}
    )
