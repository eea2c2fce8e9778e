"""The one clock of the app. `OVPM_TODAY=YYYY-MM-DD` pins "today" for demos and tests."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime


def today() -> date:
    """Today's date, or the date pinned by `OVPM_TODAY`."""
    pinned = os.environ.get("OVPM_TODAY", "").strip()
    return date.fromisoformat(pinned) if pinned else date.today()


def now_utc() -> datetime:
    """The real current time in UTC, naive (the database stores UTC `TIMESTAMP`)."""
    return datetime.now(UTC).replace(tzinfo=None)
