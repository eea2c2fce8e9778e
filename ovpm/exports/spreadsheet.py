"""XLSX workbooks: one sheet a table, money in currency format, totals below."""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

MONEY_FORMAT = "#,##0.00"
HEADER_FILL = PatternFill("solid", fgColor="F3EFE6")


def xlsx(sheets: dict[str, pd.DataFrame], money_columns: set[str], total_label: str) -> bytes:
    """A workbook with the given sheets (titles ≤ 31 characters); `money_columns` are summed.

    Amounts are written as exact decimals converted once to the spreadsheet's number type."""
    book = Workbook()
    book.remove(book.active)
    for title, frame in sheets.items():
        sheet = book.create_sheet(title[:31])
        sheet.append(list(frame.columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
        for row in frame.itertuples(index=False):
            sheet.append([_cell(value) for value in row])
        money_indexes = [i for i, c in enumerate(frame.columns, start=1) if c in money_columns]
        for index in money_indexes:
            letter = get_column_letter(index)
            for cell in sheet[letter][1:]:
                cell.number_format = MONEY_FORMAT
        if money_indexes and len(frame):
            total_row = len(frame) + 2
            sheet.cell(total_row, 1, total_label).font = Font(bold=True)
            for index in money_indexes:
                letter = get_column_letter(index)
                total = sheet.cell(total_row, index, f"=SUM({letter}2:{letter}{total_row - 1})")
                total.number_format = MONEY_FORMAT
                total.font = Font(bold=True)
        for index, column in enumerate(frame.columns, start=1):
            width = max([len(str(column))] + [len(str(v)) for v in frame[column].head(200)])
            sheet.column_dimensions[get_column_letter(index)].width = min(60, width + 2)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell(value):
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@")):
        return "'" + value  # never let a user's text run as a formula
    return value
