"""The one clock of the app. `OVPM_TODAY=YYYY-MM-DD` pins "today" for demos and tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime

_recording_at: ContextVar[datetime | None] = ContextVar("ovpm_recording_at", default=None)


def today() -> date:
    """Today's date, or the date pinned by `OVPM_TODAY`."""
    pinned = os.environ.get("OVPM_TODAY", "").strip()
    return date.fromisoformat(pinned) if pinned else date.today()


def now_utc() -> datetime:
    """The current time in UTC, naive (the database stores UTC `TIMESTAMP`), on the app's one
    clock: when "today" is pinned, today's time of day on the pinned day, so that what is
    recorded never happens after "today" (inside `recording_at`: that moment)."""
    recording = _recording_at.get()
    if recording is not None:
        return recording
    now = real_now_utc()
    return (
        datetime.combine(today(), now.time()) if os.environ.get("OVPM_TODAY", "").strip() else now
    )


def real_now_utc() -> datetime:
    """The real current time in UTC, naive, whatever day is pinned: for what security compares
    with the real time of a browser's cookie (sessions, failed logins, password changes)."""
    return datetime.now(UTC).replace(tzinfo=None)


@contextmanager
def recording_at(moment: datetime) -> Iterator[None]:
    """Record what happens inside as of `moment` (UTC): the demo tells its story on the dates
    it happened, so that stage dates and "what changed since" read true."""
    token = _recording_at.set(moment)
    try:
        yield
    finally:
        _recording_at.reset(token)
