"""Moments are stored in UTC; people read them in their own, the host city's and Québec's zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo, available_timezones

QUEBEC_ZONE = "America/Toronto"  # Québec City keeps Eastern time

# A working day of a workshop or a mission in the host city (its ICS events).
DAY_STARTS, DAY_ENDS = time(9, 0), time(17, 30)


def to_utc(day: date, clock_time: time, zone: str) -> datetime:
    """A wall-clock time in a zone as naive UTC (the database's TIMESTAMP)."""
    local = datetime.combine(day, clock_time, tzinfo=ZoneInfo(zone))
    return local.astimezone(UTC).replace(tzinfo=None)


def in_zone(moment_utc: datetime, zone: str) -> datetime:
    """A stored UTC moment as an aware datetime in a zone (daylight saving applied)."""
    return moment_utc.replace(tzinfo=UTC).astimezone(ZoneInfo(zone))


def is_zone(name: str) -> bool:
    return name in _ZONES


_ZONES = frozenset(available_timezones())  # the system's list: 10 ms to read, read once
ZONE_NAMES = tuple(sorted(_ZONES))


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it has fewer days)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)
