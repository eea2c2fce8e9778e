"""Exact money across currencies: dated exchange rates to the cycle's reporting currency."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal

from ovpm.domain import N_
from ovpm.domain.errors import DomainError, FieldError

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Rate:
    currency: str
    valid_from: date
    rate: Decimal  # one unit of `currency` in the reporting currency


class MissingRate(DomainError):
    """No rate is in force for a currency on a date: never converted as zero."""

    def __init__(self, currency: str, on: date):
        super().__init__(f"no {currency} rate on {on.isoformat()}")
        self.currency = currency
        self.on = on


def rate_on(rates: list[Rate], currency: str, on: date, reporting: str) -> Rate | None:
    """The rate in force on a date: the latest one that starts on or before it."""
    if currency == reporting:
        return Rate(currency, date.min, Decimal("1"))
    candidates = [r for r in rates if r.currency == currency and r.valid_from <= on]
    return max(candidates, key=lambda r: r.valid_from) if candidates else None


def convert(amount: Decimal, currency: str, on: date, rates: list[Rate], reporting: str) -> Decimal:
    """An amount in the reporting currency, rounded to the cent (banker's rounding)."""
    rate = rate_on(rates, currency, on, reporting)
    if rate is None:
        raise MissingRate(currency, on)
    return (amount * rate.rate).quantize(CENT, rounding=ROUND_HALF_EVEN)


def rate_errors(
    currency: str, rate: Decimal | None, reporting: str, valid_from: date | None = date.min
) -> list[FieldError]:
    """A rate is for another currency than the reporting one, dated, and strictly positive."""
    errors = []
    if valid_from is None:
        errors.append(FieldError("valid_from", N_("is required.")))
    if len(currency or "") != 3 or not currency.isalpha() or not currency.isupper():
        errors.append(FieldError("currency", N_("must be a three-letter code such as CAD.")))
    elif currency == reporting:
        errors.append(FieldError("currency", N_("is the reporting currency; its rate is 1.")))
    if rate is None or not rate.is_finite() or rate <= 0:
        errors.append(FieldError("rate", N_("must be a number greater than zero.")))
    return errors
