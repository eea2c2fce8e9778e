"""The programme cycle: milestones and the countdown to the 17th World Congress."""

from __future__ import annotations

from datetime import date

from ovpm.domain.models import Cycle
from ovpm.store import cycles
from ovpm.store.db import Database


def current_cycle(db: Database) -> Cycle:
    """The current cycle with its milestones (public to every signed-in user); read once per
    state of the data, as every screen asks for it."""
    return db.kept_read("current_cycle", cycles.current)


def days_to_congress(cycle: Cycle, today: date) -> int:
    """Whole days from today to the first day of the Congress (negative once it has begun)."""
    return (cycle.congress_starts - today).days


def milestone_state(starts: date, ends: date, today: date) -> str:
    """'done', 'current' or 'upcoming' for a milestone on a given day."""
    if today > ends:
        return "done"
    return "current" if today >= starts else "upcoming"
