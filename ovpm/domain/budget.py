"""Budget tracking (SPEC.md §4.10): every budget line has a planned amount and, over time,
commitments, expenses and refunds; reports convert them to the cycle's reporting currency with
the rate in force on each amount's date.

Committed is the sum of commitments; spent is expenses minus refunds. A line is over plan when
either exceeds the planned amount, and its variance is planned minus the larger of the two."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from ovpm.domain import N_
from ovpm.domain.errors import DomainError, FieldError
from ovpm.domain.models import Role, User
from ovpm.domain.money import CENT, Rate, convert, rate_on
from ovpm.domain.networks import (
    BUDGET_CATEGORY_LABELS,
    CURRENCIES,
    BudgetLine,
    FunderKind,
)
from ovpm.domain.rules import REQUIRED, TOO_LONG

ZERO = Decimal("0.00")
REFERENCE_MAX = 200


class LineSource(StrEnum):
    """Where a budget line comes from."""

    ACTION_PLAN = "action_plan"
    WORKSHOP = "workshop"
    PROJECT = "project"
    MISSION = "mission"


COST_DESCRIPTION_MAX = 200


def cost_errors(
    category: str,
    description: str,
    amount: Decimal | None,
    currency: str,
    funder: str,
    funders: tuple[str, ...],
) -> list[FieldError]:
    """A cost line added by hand (a workshop's, a pilot project's): a category, a description,
    an amount above zero, a currency and one of the `funders` allowed."""
    errors = []
    if category not in BUDGET_CATEGORY_LABELS:
        errors.append(FieldError("category", REQUIRED))
    if not description.strip():
        errors.append(FieldError("description", REQUIRED))
    elif len(description) > COST_DESCRIPTION_MAX:
        errors.append(FieldError("description", TOO_LONG, {"max": COST_DESCRIPTION_MAX}))
    if amount is None or amount <= 0:
        errors.append(FieldError("amount", N_("must be an amount greater than zero.")))
    if currency not in CURRENCIES:
        errors.append(FieldError("currency", REQUIRED))
    if funder not in funders:
        errors.append(FieldError("funder", REQUIRED))
    return errors


class EntryKind(StrEnum):
    COMMITMENT = "commitment"
    EXPENSE = "expense"
    REFUND = "refund"


ENTRY_KIND_LABELS = {
    EntryKind.COMMITMENT: N_("Commitment"),
    EntryKind.EXPENSE: N_("Expense"),
    EntryKind.REFUND: N_("Refund"),
}


@dataclass(frozen=True)
class TrackedLine:
    """A budget line under follow-up; `owner_city_id` is the city that records on it (the
    pilot city of the network)."""

    id: int
    source: str
    network_id: int | None
    owner_city_id: int
    line_key: str
    category: str
    description: str
    funder: str
    funder_city_id: int | None
    funder_name: str
    currency: str
    planned: Decimal
    planned_on: date
    in_plan: bool
    network_name: str = ""


@dataclass(frozen=True)
class Entry:
    id: int | None
    line_id: int
    kind: str
    entry_date: date
    amount: Decimal
    reference: str = ""
    attachment_id: int | None = None
    recorded_by: str = ""
    recorded_at: datetime | None = None
    cancelled_by: str | None = None
    cancelled_at: datetime | None = None

    @property
    def active(self) -> bool:
        return self.cancelled_at is None


class MissingRates(DomainError):
    """Some amounts cannot be converted: for each currency, the earliest date without a rate."""

    def __init__(self, missing: list[tuple[str, date]]):
        super().__init__("missing rates: " + ", ".join(f"{c} {d}" for c, d in missing))
        self.missing = missing


# --- who may read and record ---------------------------------------------------------------


def reads_every_line(actor: User) -> bool:
    return actor.role in (Role.SECRETARIAT, Role.ADVISORY)


def can_read_line(actor: User, line: TrackedLine) -> bool:
    """All lines for the Secretariat and the Advisory Group; a city reads the lines of the
    networks it pilots and the contribution lines it funds (SPEC.md §1)."""
    if reads_every_line(actor):
        return True
    return actor.role == Role.CITY and (
        line.owner_city_id == actor.city_id
        or (line.funder == FunderKind.PARTICIPANT and line.funder_city_id == actor.city_id)
    )


def can_record(actor: User, line: TrackedLine) -> bool:
    """The Secretariat records on every line, the pilot city on its network's lines."""
    if actor.role == Role.SECRETARIAT:
        return True
    return actor.role == Role.CITY and line.owner_city_id == actor.city_id


# --- lines from an approved plan -----------------------------------------------------------


def line_key(line: BudgetLine) -> str:
    """The line's own key, or one derived from what identifies it (lines of plans written
    before keys existed)."""
    if line.key:
        return line.key
    identity = "|".join(
        str(part)
        for part in (
            line.category,
            line.description.strip().casefold(),
            line.funder,
            line.funder_city_id,
            line.funder_name.strip().casefold(),
            line.currency,
        )
    )
    return "h" + hashlib.sha256(identity.encode()).hexdigest()[:15]


def new_line_key() -> str:
    """The key of a line just added to a plan."""
    return "k" + uuid.uuid4().hex[:15]


def keyed_lines(lines: Iterable[BudgetLine]) -> list[tuple[str, BudgetLine]]:
    """(key, line) for the lines of a plan, a repeated key made unique by its position."""
    seen: set[str] = set()
    keyed = []
    for position, line in enumerate(lines):
        key = line_key(line)
        if key in seen:
            key = f"{key}-{position}"
        seen.add(key)
        keyed.append((key, line))
    return keyed


# --- entries -----------------------------------------------------------------------------


def entry_errors(entry: Entry, spent_so_far: Decimal, today: date) -> list[FieldError]:
    """An entry: a known kind, a date not in the future for money that moved, an amount
    greater than zero with at most two decimals, a refund no larger than what was spent."""
    errors = []
    if entry.kind not in set(EntryKind):
        errors.append(FieldError("entry_kind", N_("must be a commitment, an expense or a refund.")))
    if entry.entry_date is None:
        errors.append(FieldError("entry_date", N_("is required.")))
    elif entry.kind != EntryKind.COMMITMENT and entry.entry_date > today:
        errors.append(FieldError("entry_date", N_("cannot be in the future for money that moved.")))
    amount = entry.amount
    if amount is None or not amount.is_finite() or amount <= 0:
        errors.append(FieldError("entry_amount", N_("must be an amount greater than zero.")))
    elif amount != amount.quantize(CENT):
        errors.append(FieldError("entry_amount", N_("has at most two decimals.")))
    elif amount >= Decimal("1e12"):
        errors.append(FieldError("entry_amount", N_("is too large.")))
    elif entry.kind == EntryKind.REFUND and amount > spent_so_far:
        errors.append(
            FieldError(
                "entry_amount",
                N_("a refund cannot exceed what was spent on this line ({spent})."),
                {"spent": str(spent_so_far)},
            )
        )
    if len(entry.reference or "") > REFERENCE_MAX:
        errors.append(
            FieldError("reference", N_("must be at most {max} characters."), {"max": REFERENCE_MAX})
        )
    return errors


def spent(entries: Iterable[Entry]) -> Decimal:
    """Expenses minus refunds, in the line's currency."""
    total = ZERO
    for entry in entries:
        if entry.active and entry.kind == EntryKind.EXPENSE:
            total += entry.amount
        elif entry.active and entry.kind == EntryKind.REFUND:
            total -= entry.amount
    return total


# --- figures in the reporting currency -----------------------------------------------------


@dataclass(frozen=True)
class LineFigures:
    """A line's planned, committed and spent amounts in its currency and converted."""

    line: TrackedLine
    planned: Decimal
    committed: Decimal
    spent: Decimal
    planned_converted: Decimal
    committed_converted: Decimal
    spent_converted: Decimal

    @property
    def over_plan(self) -> bool:
        return max(self.committed, self.spent) > self.planned

    @property
    def variance_converted(self) -> Decimal:
        return self.planned_converted - max(self.committed_converted, self.spent_converted)


@dataclass
class Converter:
    """Converts amounts to the reporting currency, remembering the rates it used and the
    dates it had no rate for."""

    rates: list[Rate]
    reporting: str
    used: set[Rate] = field(default_factory=set)
    missing: dict[str, date] = field(default_factory=dict)

    def __call__(self, amount: Decimal, currency: str, on: date) -> Decimal:
        rate = rate_on(self.rates, currency, on, self.reporting)
        if rate is None:
            self.missing[currency] = min(on, self.missing.get(currency, on))
            return ZERO
        if currency != self.reporting:
            self.used.add(rate)
        return convert(amount, currency, on, self.rates, self.reporting)

    def check(self) -> None:
        """Raise MissingRates when any amount could not be converted: never a silent zero."""
        if self.missing:
            raise MissingRates(sorted(self.missing.items()))


def figures(
    lines: list[TrackedLine], entries: list[Entry], convert_amount: Converter
) -> list[LineFigures]:
    """Each line's figures; every amount converted at its own date (planned amounts at the
    plan's approval date), rounded to the cent before summing."""
    by_line: dict[int, list[Entry]] = {}
    for entry in entries:
        if entry.active:
            by_line.setdefault(entry.line_id, []).append(entry)
    result = []
    for line in lines:
        own = by_line.get(line.id, [])
        committed = [e for e in own if e.kind == EntryKind.COMMITMENT]
        moved = [e for e in own if e.kind != EntryKind.COMMITMENT]
        planned = line.planned if line.in_plan else ZERO
        result.append(
            LineFigures(
                line,
                planned,
                sum((e.amount for e in committed), ZERO),
                spent(moved),
                convert_amount(planned, line.currency, line.planned_on),
                sum(
                    (convert_amount(e.amount, line.currency, e.entry_date) for e in committed), ZERO
                ),
                sum(
                    (
                        convert_amount(e.amount, line.currency, e.entry_date)
                        * (-1 if e.kind == EntryKind.REFUND else 1)
                        for e in moved
                    ),
                    ZERO,
                ),
            )
        )
    return result


def monthly(
    lines: list[TrackedLine], entries: list[Entry], convert_amount: Converter
) -> list[tuple[str, Decimal, Decimal]]:
    """(YYYY-MM, committed, spent) converted, for the months with movements, in order."""
    currency = {line.id: line.currency for line in lines}
    months: dict[str, list[Decimal]] = {}
    for entry in entries:
        if not entry.active or entry.line_id not in currency:
            continue
        value = convert_amount(entry.amount, currency[entry.line_id], entry.entry_date)
        month = months.setdefault(entry.entry_date.strftime("%Y-%m"), [ZERO, ZERO])
        if entry.kind == EntryKind.COMMITMENT:
            month[0] += value
        else:
            month[1] += -value if entry.kind == EntryKind.REFUND else value
    return [(month, *values) for month, values in sorted(months.items())]
