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
    """The current time in UTC, naive (the database stores UTC `TIMESTAMP`): the real time,
    except inside `recording_at`."""
    return _recording_at.get() or datetime.now(UTC).replace(tzinfo=None)


@contextmanager
def recording_at(moment: datetime) -> Iterator[None]:
    """Record what happens inside as of `moment` (UTC): the demo tells its story on the dates
    it happened, so that stage dates and "what changed since" read true."""
    token = _recording_at.set(moment)
    try:
        yield
    finally:
        _recording_at.reset(token)
