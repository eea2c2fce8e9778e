"""Bulk loading of whole tables (demo data and load tests)."""

from __future__ import annotations

import pandas as pd

_INSERT_SQL = {
    table: "INSERT INTO " + table + " BY NAME SELECT * FROM bulk_frame"
    for table in ("cities", "contacts", "audit_log")
}


def insert_frame(cur, table: str, frame: pd.DataFrame) -> None:
    """Append a DataFrame whose columns are named like the table's."""
    cur.register("bulk_frame", frame)
    try:
        cur.execute(_INSERT_SQL[table])
    finally:
        cur.unregister("bulk_frame")


def is_empty(cur) -> bool:
    """True when the database has no programme cycle yet (a new file)."""
    return cur.execute("SELECT count(*) FROM cycles").fetchone()[0] == 0
