"""iCalendar (RFC 5545) files of a network's events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta


@dataclass(frozen=True)
class Event:
    uid: str
    title: str
    starts: date | datetime  # a datetime is UTC
    ends: date | datetime | None = None
    place: str = ""
    description: str = ""


def _text(value: str) -> str:
    return (
        (value or "")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _when(name: str, value: date | datetime) -> str:
    if isinstance(value, datetime):
        return f"{name}:{value:%Y%m%dT%H%M%SZ}"
    return f"{name};VALUE=DATE:{value:%Y%m%d}"


def _fold(line: str) -> str:
    out, current = [], ""
    for char in line:
        if len((current + char).encode("utf-8")) > 74:
            out.append(current)
            current = " "
        current += char
    out.append(current)
    return "\r\n".join(out)


def ics(events: list[Event], calendar_name: str, stamp: datetime) -> bytes:
    """One VCALENDAR with a VEVENT per event; whole-day events end the day after (RFC 5545)."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//OWHC//Roadmap Hub//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_text(calendar_name)}",
    ]
    for event in events:
        ends = event.ends or event.starts
        if not isinstance(ends, datetime):
            ends = ends + timedelta(days=1)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
            _when("DTSTART", event.starts),
            _when("DTEND", ends),
            f"SUMMARY:{_text(event.title)}",
        ]
        if event.place:
            lines.append(f"LOCATION:{_text(event.place)}")
        if event.description:
            lines.append(f"DESCRIPTION:{_text(event.description)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(_fold(line) for line in lines) + "\r\n").encode("utf-8")
