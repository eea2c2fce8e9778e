"""Tables people send: CSV (comma or semicolon, UTF-8 with or without BOM, else Latin-1) or
XLSX, read as text rows keyed by our column names (headings in French, English or Spanish)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import pandas as pd

from ovpm.domain.imports import plain

MAX_ROWS = 20_000


class UnreadableFile(ValueError):
    """Neither a CSV nor an XLSX file we can read."""


@dataclass(frozen=True)
class Table:
    rows: list[dict[str, str]]  # {column: text}, in the file's order (line = index + 2)
    headings: list[tuple[str, str | None]]  # each heading of the file and the column it fills


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
    return read_table(name, data, aliases).rows


def read_table(name: str, data: bytes, aliases: dict[str, tuple[str, ...]]) -> Table:
    """The file's rows keyed by our columns, and which heading fills which column (a heading
    no alias knows fills none; the first of two headings meaning one column wins)."""
    try:
        if name.lower().endswith((".xlsx", ".xlsm")):
            frame = pd.read_excel(io.BytesIO(data), dtype=str, engine="openpyxl").fillna("")
        else:
            frame = _csv_frame(data)
    except Exception as error:  # a damaged or foreign file: say so, never crash
        raise UnreadableFile(name) from error
    if len(frame) > MAX_ROWS:
        raise UnreadableFile(name)
    wanted = {plain(heading): column for column, names in aliases.items() for heading in names}
    headings, renamed = [], {}
    for heading in frame.columns:
        column = wanted.get(plain(heading))
        if column in renamed.values():
            column = None
        headings.append((str(heading), column))
        if column is not None:
            renamed[heading] = column
    frame = frame[list(renamed)].rename(columns=renamed)
    rows = [
        {column: str(value).strip() for column, value in row.items()}
        for row in frame.to_dict("records")
    ]
    return Table(rows, headings)
