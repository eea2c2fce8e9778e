"""A database whose every free-text value starts with Markdown and HTML: every screen must show
it as typed (never bold, a link or an image).

Free text is found by column, not listed by screen: every VARCHAR column and every string
inside a JSON content is marked up unless it holds a code (kinds, statuses, currencies, keys) or
a value whose form is checked (e-mail, user name, date, amount). A table that a later screen
adds is marked up without touching this file."""

from __future__ import annotations

import json
import re
from pathlib import Path

from ovpm.store.db import open_database

MARKUP = "**bold** <img src=x onerror=alert(1)> [x](javascript:alert(1))"
# Any of these in the Markdown a screen renders means the markup would be rendered.
RENDERED = (
    re.compile(r"(?<!\\)\*\*bold"),
    re.compile(r"(?<!\\)\]\(javascript"),
    re.compile(r"(?<!\\)<img src"),
)

# Columns that hold codes or checked forms, never shown as typed text.
CODE_COLUMNS = {
    "sha256",
    "media_type",
    "stored_name",
    "entity",
    "action",
    "kind",
    "status",
    "currency",
    "reporting_currency",
    "line_key",
    "category",
    "funder",
    "source",
    "timezone",
    "iso2",
    "region",
    "language",
    "languages",
    "key",
    "stage",
    "author_role",
    "outcome",
    "role",
    "password_hash",
    "email",
    "phone",
    "address",
    "username",
    "link",  # a web address is checked by its rule; see recording_url for one that is not
    "time_zone",
    "person",  # 'contact:7' or 'user:3'
    "owner",
    "attendance",
    "origin",  # where a pilot project comes from
    "direction",  # higher or lower is better
    "step",  # a Mission4City instruction step
    "item",  # a Mission4City obligation
}
CODE_TABLES = {"schema_migrations", "login_attempts"}
# Inside JSON contents: keys whose values are codes or checked forms.
CODE_KEYS = CODE_COLUMNS | {
    "starts",
    "ends",
    "letter_date",
    "amount",
    "letter_id",
    "axis",
    "priority",
    "funder_city_id",
    "by",  # a date of a timeline step
    "half",  # morning or afternoon
    "cost_estimate",  # an amount
    "due",
    "meeting_day",
    # a pilot project's report and results: days and numbers kept as text
    "period_start",
    "period_end",
    "measured_on",
    "baseline",
    "target",
    "latest",
    "progress",
    "value",
    # a Mission4City request's and programme's days
    "wished_from",
    "wished_to",
    "first_day",
    "last_day",
}


def is_free_text(table: str, column: str) -> bool:
    return (
        table not in CODE_TABLES
        and column not in CODE_COLUMNS
        and not column.endswith(("_username", "_by"))
    )


def marked(value: object, key: str = "") -> object:
    """Every free-text string of a JSON content, marked up."""
    if isinstance(value, dict):
        return {k: marked(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [marked(item, key) for item in value]
    if isinstance(value, str) and key not in CODE_KEYS and value:
        return MARKUP + " " + value
    return value


def mark_up_database(path: Path) -> None:
    """Put MARKUP before every free-text value of the database at `path`."""
    database = open_database(path)
    with database.unit_of_work() as cur:
        columns = cur.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE data_type IN ('VARCHAR', 'JSON', 'VARCHAR[]') ORDER BY table_name"
        ).fetchall()
        for table, column, data_type in columns:
            if not is_free_text(table, column):
                continue
            if data_type == "JSON":
                _mark_up_json(cur, table, column)
            elif data_type == "VARCHAR[]":
                cur.execute(
                    f"UPDATE {table} SET {column} = list_transform({column}, lambda x: ? || ' ' || x)",
                    [MARKUP],
                )
            else:
                cur.execute(
                    f"UPDATE {table} SET {column} = ? || ' ' || {column} "
                    f"WHERE {column} IS NOT NULL AND {column} <> ''",
                    [MARKUP],
                )
    database.close()


def _mark_up_json(cur, table: str, column: str) -> None:
    rows = cur.execute(f"SELECT rowid, {column} FROM {table}").fetchall()
    for rowid, content in rows:
        if content is None:
            continue
        cur.execute(
            f"UPDATE {table} SET {column} = ? WHERE rowid = ?",
            [json.dumps(marked(json.loads(content)), ensure_ascii=False), rowid],
        )


def rendered_markup(markdown_texts: list[str]) -> list[str]:
    """The texts in which the markup would be rendered."""
    return [text for text in markdown_texts if any(p.search(text) for p in RENDERED)]
