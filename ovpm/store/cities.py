"""Member cities."""

from __future__ import annotations

import dataclasses

import pandas as pd

from ovpm.domain.errors import ConflictError, NotFound
from ovpm.domain.models import City
from ovpm.store import bulk
from ovpm.store.db import next_id
from ovpm.store.filters import Filters

_COLUMNS = (
    "id, name, local_name, country, iso2, region, lat, lon, good_standing, language, "
    "version, timezone"
)


def _city(row: tuple) -> City:
    return City(*row)


def get(cur, city_id: int) -> City:
    """One city, or NotFound."""
    row = cur.execute("SELECT " + _COLUMNS + " FROM cities WHERE id = ?", [city_id]).fetchone()
    if row is None:
        raise NotFound(f"city {city_id}")
    return _city(row)


def search(
    cur,
    text: str = "",
    regions: list[str] | None = None,
    countries: list[str] | None = None,
    good_standing: bool | None = None,
) -> pd.DataFrame:
    """Cities matching an accent-insensitive text (name, local name, country) and filters."""
    filters = (
        Filters()
        .matching_text(["name", "local_name", "country"], text)
        .one_of("region", regions)
        .one_of("country", countries)
        .equal("good_standing", good_standing)
    )
    return cur.execute(
        "SELECT "
        + _COLUMNS
        + " FROM cities "
        + filters.where
        + "ORDER BY strip_accents(lower(name))",
        filters.params,
    ).df()


def facets(cur) -> tuple[list[str], list[str]]:
    """The regions and countries present, for filters."""
    regions = [
        r[0] for r in cur.execute("SELECT DISTINCT region FROM cities ORDER BY 1").fetchall()
    ]
    countries = [
        r[0] for r in cur.execute("SELECT DISTINCT country FROM cities ORDER BY 1").fetchall()
    ]
    return regions, countries


def name_of(cur, city_id: int | None) -> str | None:
    """A city's name (None for no city or an unknown one)."""
    row = cur.execute("SELECT name FROM cities WHERE id = ?", [city_id]).fetchone()
    return row[0] if row else None


def regions(cur) -> dict[int, str]:
    """Each city's UNESCO region, by id."""
    return dict(cur.execute("SELECT id, region FROM cities").fetchall())


def names(cur) -> dict[int, str]:
    """id → name of every city, sorted by name, for pickers."""
    rows = cur.execute("SELECT id, name FROM cities ORDER BY strip_accents(lower(name))").fetchall()
    return dict(rows)


def every(cur) -> list[City]:
    """Every member city, by id."""
    return [
        _city(r) for r in cur.execute("SELECT " + _COLUMNS + " FROM cities ORDER BY id").fetchall()
    ]


def insert_many(cur, new: list[City]) -> list[City]:
    """Add many cities at once (an import); returns them with their ids."""
    first = next_id(cur, "cities")
    added = [dataclasses.replace(c, id=first + i, version=1) for i, c in enumerate(new)]
    frame = pd.DataFrame(
        [dataclasses.asdict(c) for c in added], columns=list(City.__dataclass_fields__)
    )
    if added:
        bulk.insert_frame(cur, "cities", frame)
    return added


def insert(cur, city: City) -> City:
    """Add a city; returns it with its id."""
    city = dataclasses.replace(city, id=next_id(cur, "cities"), version=1)
    cur.execute(
        "INSERT INTO cities (" + _COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        list(dataclasses.astuple(city)),
    )
    return city


def update(cur, city: City) -> City:
    """Save a city edited from `city.version`; ConflictError when someone saved it since."""
    changed = cur.execute(
        "UPDATE cities SET name = ?, local_name = ?, country = ?, iso2 = ?, region = ?, lat = ?, "
        "lon = ?, good_standing = ?, language = ?, timezone = ?, version = version + 1 "
        "WHERE id = ? AND version = ? RETURNING version",
        [
            city.name,
            city.local_name,
            city.country,
            city.iso2,
            city.region,
            city.lat,
            city.lon,
            city.good_standing,
            city.language,
            city.timezone,
            city.id,
            city.version,
        ],
    ).fetchall()
    if not changed:
        raise ConflictError(get(cur, city.id))
    return dataclasses.replace(city, version=changed[0][0])
