"""The audit trail: the Secretariat reads all of it, a city user its own city's entries."""

from __future__ import annotations

from datetime import date

import pandas as pd

from ovpm.domain import access
from ovpm.domain.models import User
from ovpm.services._common import require
from ovpm.store import audit
from ovpm.store.db import Database

PAGE_SIZE = 500


def audit_entries(
    db: Database,
    actor: User,
    entity: str | None = None,
    username: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int = PAGE_SIZE,
) -> pd.DataFrame:
    """Entries the actor may read, newest first."""
    allowed, city_id = access.audit_city_scope(actor)
    require(allowed)
    with db.reading() as cur:
        return audit.search(cur, city_id, entity, username, since, until, limit)


def audit_filter_choices(db: Database, actor: User) -> tuple[list[str], list[str]]:
    """Entity kinds and people the actor may filter on."""
    allowed, city_id = access.audit_city_scope(actor)
    require(allowed)
    with db.reading() as cur:
        return audit.facets(cur, city_id)
