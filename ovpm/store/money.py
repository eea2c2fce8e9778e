"""The cycle's reporting currency and envelope, and the dated exchange rates."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from ovpm.domain.money import Rate


def settings(cur, cycle_id: int) -> tuple[str, Decimal]:
    """(reporting currency, Secretariat envelope) of a cycle."""
    return tuple(
        cur.execute(
            "SELECT reporting_currency, envelope FROM cycles WHERE id = ?", [cycle_id]
        ).fetchone()
    )


def save_settings(cur, cycle_id: int, currency: str, envelope: Decimal) -> None:
    """Set the reporting currency and the envelope of a cycle."""
    cur.execute(
        "UPDATE cycles SET reporting_currency = ?, envelope = ? WHERE id = ?",
        [currency, envelope, cycle_id],
    )


def rates(cur) -> list[Rate]:
    """Every exchange rate, by currency and date."""
    rows = cur.execute(
        "SELECT currency, valid_from, rate FROM exchange_rates ORDER BY currency, valid_from"
    ).fetchall()
    return [Rate(*row) for row in rows]


def save_rate(cur, rate: Rate, by: str, at: datetime) -> None:
    """Record (or correct) the rate of a currency from a date."""
    cur.execute(
        "INSERT INTO exchange_rates VALUES (?, ?, ?, ?, ?) ON CONFLICT (currency, valid_from) "
        "DO UPDATE SET rate = excluded.rate, recorded_by = excluded.recorded_by, "
        "recorded_at = excluded.recorded_at",
        [rate.currency, rate.valid_from, rate.rate, by, at],
    )
