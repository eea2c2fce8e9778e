"""Member cities: the public directory for everyone, details and editing by role."""

from __future__ import annotations

import dataclasses

import pandas as pd

from ovpm.domain import access
from ovpm.domain.imports import CITY_FIELDS
from ovpm.domain.models import City, Role, User
from ovpm.domain.rules import city_errors
from ovpm.exports import csv_bytes
from ovpm.services._common import require, snapshot, validate
from ovpm.store import audit, cities
from ovpm.store.db import Database

PUBLIC_COLUMNS = ["id", "name", "local_name", "country", "iso2", "region", "lat", "lon"]


def directory(
    db: Database,
    actor: User,
    text: str = "",
    regions: list[str] | None = None,
    countries: list[str] | None = None,
    good_standing: bool | None = None,
) -> pd.DataFrame:
    """The cities an actor may list, with the columns it may read.

    A city user reads the public directory; good standing and language only of its own city,
    and it cannot filter on good standing (that would reveal it)."""
    if actor.role == Role.CITY:
        good_standing = None
    with db.reading() as cur:
        frame = cities.search(cur, text, regions, countries, good_standing)
    if actor.role == Role.CITY:
        own = frame["id"] == actor.city_id
        public = frame[PUBLIC_COLUMNS].copy()
        public["good_standing"] = frame["good_standing"].where(own)
        public["language"] = frame["language"].where(own)
        public["version"] = frame["version"]
        return public
    return frame


def export_csv(db: Database, actor: User, *filters) -> bytes:
    """The listed cities as CSV with the columns the actor may read, named as the import reads
    them (an export re-imports without changes)."""
    frame = directory(db, actor, *filters)
    if actor.role == Role.CITY:
        columns = [c for c in CITY_FIELDS if c in PUBLIC_COLUMNS]
    else:
        frame = frame.assign(good_standing=frame["good_standing"].map({True: "yes", False: "no"}))
        columns = list(CITY_FIELDS)
    return csv_bytes(frame[columns])


def filter_choices(db: Database, actor: User) -> tuple[list[str], list[str]]:
    """Regions and countries for the directory filters (public information)."""
    return db.kept_read("city_facets", cities.facets)


def city_names(db: Database, actor: User) -> dict[int, str]:
    """id → name of every member city (public information), for pickers; read once per state
    of the data (most screens ask for it)."""
    return db.kept_read("city_names", cities.names)


def get_city(db: Database, actor: User, city_id: int) -> City:
    """A city with its details, for those who may read them."""
    require(access.can_read_city_details(actor, city_id))
    with db.reading() as cur:
        return cities.get(cur, city_id)


def save_city(db: Database, actor: User, city: City) -> City:
    """Create (id None) or update a city edited from `city.version` (Secretariat only)."""
    require(access.can_edit_city(actor))
    city = dataclasses.replace(
        city,
        name=city.name.strip(),
        local_name=city.local_name.strip(),
        country=city.country.strip(),
        iso2=city.iso2.strip().upper(),
    )
    validate(city_errors(city))
    with db.unit_of_work() as cur:
        if city.id is None:
            before, after = None, cities.insert(cur, city)
        else:
            before = cities.get(cur, city.id)
            after = cities.update(cur, city)
        audit.record(
            cur,
            actor.id,
            actor.username,
            "city",
            after.id,
            "create" if before is None else "update",
            snapshot(before) if before else None,
            snapshot(after),
            after.id,
        )
    return after


def city_zone(db: Database, actor: User, city_id: int) -> str:
    """A city's time zone (public: it tells when events happen there)."""
    with db.reading() as cur:
        return cities.get(cur, city_id).timezone
