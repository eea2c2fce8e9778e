"""Pure renderers of exports: records or DataFrames in, bytes out."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ovpm.domain.models import Contact

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _defuse(value: object) -> object:
    # A cell starting with = + - @ is run as a formula by spreadsheets (CSV injection).
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """A table as CSV in UTF-8 with a byte-order mark, text cells defused against formulas."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(_defuse)
    return safe.to_csv(index=False).encode("utf-8-sig")


def _vcard_text(value: str) -> str:
    return (
        (value or "")
        .replace("\\", "\\\\")
        .replace("\n", "\\n")
        .replace(",", "\\,")
        .replace(";", "\\;")
    )


def _fold_line(line: str) -> str:
    # RFC 6350: lines longer than 75 octets are folded with CRLF + space.
    out, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > 75:
            out.append(current.decode("utf-8"))
            current = b" "
        current += encoded
    out.append(current.decode("utf-8"))
    return "\r\n".join(out)


def vcard(contact: Contact) -> str:
    """One contact as a vCard 3.0 entry."""
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"FN:{_vcard_text(contact.name)}",
        f"N:{_vcard_text(contact.name)};;;;",
    ]
    organisation = contact.organisation or contact.city_name or ""
    if organisation:
        lines.append(f"ORG:{_vcard_text(organisation)}")
    if contact.title:
        lines.append(f"TITLE:{_vcard_text(contact.title)}")
    if contact.email:
        lines.append(f"EMAIL;TYPE=INTERNET:{_vcard_text(contact.email)}")
    if contact.phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{_vcard_text(contact.phone)}")
    if contact.languages:
        lines.extend(f"LANG:{code}" for code in contact.languages)
    categories = [str(contact.kind), *contact.expertise]
    lines.append("CATEGORIES:" + ",".join(_vcard_text(c) for c in categories))
    lines.append("END:VCARD")
    return "\r\n".join(_fold_line(line) for line in lines) + "\r\n"


def vcards(contacts: Iterable[Contact]) -> bytes:
    """Many contacts as one .vcf file."""
    return "".join(vcard(contact) for contact in contacts).encode("utf-8")
