"""Tables people send: CSV (comma or semicolon, UTF-8 with or without BOM, else Latin-1) or
XLSX, read as text rows keyed by our column names (headings in French, English or Spanish)."""

from __future__ import annotations

import csv
import io
import unicodedata

import pandas as pd

MAX_ROWS = 20_000


class UnreadableFile(ValueError):
    """Neither a CSV nor an XLSX file we can read."""


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", str(text).strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _csv_frame(data: bytes) -> pd.DataFrame:
    for encoding in ("utf-8-sig", "latin-1"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    try:
        delimiter = csv.Sniffer().sniff(text.splitlines()[0] if text else "", ";,\t").delimiter
    except csv.Error:
        delimiter = ","
    return pd.read_csv(io.StringIO(text), sep=delimiter, dtype=str, keep_default_na=False)


def read_rows(name: str, data: bytes, aliases: dict[str, tuple[str, ...]]) -> list[dict[str, str]]:
    """The file's rows as {column: text}; `aliases` names each column and the headings that
    mean it (case and accents ignored). A heading no alias knows is left out."""
    try:
        if name.lower().endswith((".xlsx", ".xlsm")):
            frame = pd.read_excel(io.BytesIO(data), dtype=str, engine="openpyxl").fillna("")
        else:
            frame = _csv_frame(data)
    except Exception as error:  # a damaged or foreign file: say so, never crash
        raise UnreadableFile(name) from error
    if len(frame) > MAX_ROWS:
        raise UnreadableFile(name)
    wanted = {_plain(heading): column for column, names in aliases.items() for heading in names}
    renamed = {
        heading: wanted[_plain(heading)] for heading in frame.columns if _plain(heading) in wanted
    }
    frame = frame[list(renamed)].rename(columns=renamed)
    return [
        {column: str(value).strip() for column, value in row.items()}
        for row in frame.to_dict("records")
    ]
