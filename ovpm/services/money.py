"""Reporting currency, the Secretariat's envelope and exchange rates (Secretariat writes;
everyone who reads a budget reads the rates it was converted with)."""

from __future__ import annotations

from decimal import Decimal

from ovpm.clock import now_utc
from ovpm.domain import N_, access
from ovpm.domain.errors import FieldError
from ovpm.domain.models import User
from ovpm.domain.money import Rate, rate_errors
from ovpm.domain.networks import CURRENCIES
from ovpm.services._common import require, validate
from ovpm.store import audit, cycles, money
from ovpm.store.db import Database


def reporting(db: Database, actor: User) -> tuple[str, Decimal]:
    """(reporting currency, envelope) of the current cycle."""
    with db.reading() as cur:
        return money.settings(cur, cycles.current(cur).id)


def save_reporting(db: Database, actor: User, currency: str, envelope: Decimal | None) -> None:
    """Set the reporting currency and the Secretariat's envelope for the cycle."""
    require(access.is_secretariat(actor))
    errors = []
    if currency not in CURRENCIES:
        errors.append(FieldError("reporting_currency", N_("must be EUR, CAD or USD.")))
    if envelope is None or not envelope.is_finite() or envelope < 0:
        errors.append(FieldError("envelope", N_("cannot be negative.")))
    validate(errors)
    with db.unit_of_work() as cur:
        cycle_id = cycles.current(cur).id
        before = money.settings(cur, cycle_id)
        if currency != before[0] and money.rates(cur):
            validate(
                [
                    FieldError(
                        "reporting_currency",
                        N_(
                            "cannot change while exchange rates to {currency} are recorded: "
                            "every rate gives one unit in the reporting currency."
                        ),
                        {"currency": before[0]},
                    )
                ]
            )
        money.save_settings(cur, cycle_id, currency, envelope)
        audit.record(
            cur,
            actor.id,
            actor.username,
            "cycle",
            cycle_id,
            "reporting",
            {"currency": before[0], "envelope": before[1]},
            {"currency": currency, "envelope": envelope},
            None,
        )


def rates(db: Database, actor: User) -> list[Rate]:
    """Every dated exchange rate."""
    with db.reading() as cur:
        return money.rates(cur)


def save_rate(db: Database, actor: User, rate: Rate) -> None:
    """Record the rate of a currency from a date (Secretariat)."""
    require(access.is_secretariat(actor))
    currency, _envelope = reporting(db, actor)
    validate(rate_errors(rate.currency, rate.rate, currency, rate.valid_from))
    with db.unit_of_work() as cur:
        money.save_rate(cur, rate, actor.username, now_utc())
        audit.record(
            cur,
            actor.id,
            actor.username,
            "exchange_rate",
            None,
            "save",
            None,
            {"currency": rate.currency, "valid_from": rate.valid_from, "rate": rate.rate},
            None,
        )
