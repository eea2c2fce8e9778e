"""The audit trail: who, when, what, before and after."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal

import pandas as pd

from ovpm.clock import now_utc
from ovpm.store.filters import Filters


def _json(value: object) -> str | None:
    if value is None:
        return None

    def default(item: object) -> object:
        if isinstance(item, (date, datetime)):
            return item.isoformat()
        if isinstance(item, (Decimal, set, tuple, frozenset)):
            return str(item) if isinstance(item, Decimal) else list(item)
        raise TypeError(type(item))

    return json.dumps(value, default=default, ensure_ascii=False, sort_keys=True)


def record(
    cur,
    actor_id: int | None,
    actor_username: str,
    entity: str,
    entity_id: int | None,
    action: str,
    before: dict | None,
    after: dict | None,
    city_id: int | None,
) -> None:
    """Append one audit entry, inside the caller's unit of work (its id in the same statement:
    one round trip less in every write)."""
    cur.execute(
        "INSERT INTO audit_log (id, happened_at, actor_id, actor_username, city_id, entity, entity_id,"
        " action, before, after) SELECT coalesce(max(id), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ?, ? "
        "FROM audit_log",
        [
            now_utc(),
            actor_id,
            actor_username,
            city_id,
            entity,
            entity_id,
            action,
            _json(before),
            _json(after),
        ],
    )


def search(
    cur,
    city_id: int | None,
    entity: str | None,
    username: str | None,
    since: date | None,
    until: date | None,
    limit: int,
) -> pd.DataFrame:
    """Entries newest first, filtered; `city_id` restricts to one city's entries."""
    filters = (
        Filters()
        .equal("city_id", city_id)
        .equal("entity", entity)
        .equal("actor_username", username)
    )
    if since is not None:
        filters.add("happened_at >= ?", since)
    if until is not None:
        filters.add("happened_at < ?::DATE + INTERVAL 1 DAY", until)
    sql = (
        "SELECT id, happened_at, actor_username, city_id, entity, entity_id, action, before, "
        "after FROM audit_log " + filters.where + "ORDER BY happened_at DESC, id DESC LIMIT ?"
    )
    return cur.execute(sql, filters.params + [limit]).df()


def facets(cur, city_id: int | None) -> tuple[list[str], list[str]]:
    """The entity kinds and the people present in the (city's) audit trail, for filters."""
    where, params = ("WHERE city_id = ?", [city_id]) if city_id is not None else ("", [])
    entities = cur.execute(
        "SELECT DISTINCT entity FROM audit_log " + where + " ORDER BY 1", params
    ).fetchall()
    people = cur.execute(
        "SELECT DISTINCT actor_username FROM audit_log " + where + " ORDER BY 1", params
    ).fetchall()
    return [row[0] for row in entities], [row[0] for row in people]
