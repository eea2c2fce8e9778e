"""The indicators of a pilot project (SPEC.md §4.7): name, unit, baseline, target and direction;
their measured values with date and source; progress toward the target computed from the values,
never typed; and the rows of an import of values, refused with their line number and nothing kept
when one is wrong."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from ovpm.domain import N_
from ovpm.domain.errors import FieldError, RowError
from ovpm.domain.networks import parse_amount
from ovpm.domain.rules import REQUIRED, TOO_LONG

NAME_MAX = 120
UNIT_MAX = 40
SOURCE_MAX = 200
IMPORT_COLUMNS = ("indicator", "date", "value", "source")


class Direction(StrEnum):
    HIGHER = "higher"  # higher is better
    LOWER = "lower"


DIRECTION_LABELS = {
    Direction.HIGHER: N_("Higher is better"),
    Direction.LOWER: N_("Lower is better"),
}


@dataclass(frozen=True)
class Indicator:
    id: int | None
    project_id: int
    name: str
    unit: str
    baseline: Decimal | None
    target: Decimal | None  # None only when started from a draft whose target was not a number
    direction: Direction = Direction.HIGHER
    version: int = 1


@dataclass(frozen=True)
class Measure:
    indicator_id: int
    measured_on: date
    value: Decimal
    source: str = ""
    id: int | None = None
    entered_by: str = ""


def indicator_errors(indicator: Indicator) -> list[FieldError]:
    """A name and a unit within bounds; a target, on the right side of the baseline for the
    direction."""
    errors = []
    if not indicator.name.strip():
        errors.append(FieldError("indicator_name", REQUIRED))
    elif len(indicator.name) > NAME_MAX:
        errors.append(FieldError("indicator_name", TOO_LONG, {"max": NAME_MAX}))
    if len(indicator.unit) > UNIT_MAX:
        errors.append(FieldError("unit", TOO_LONG, {"max": UNIT_MAX}))
    if indicator.direction not in set(Direction):
        errors.append(FieldError("direction", REQUIRED))
    baseline, target = indicator.baseline, indicator.target
    if target is None:
        errors.append(FieldError("target", N_("must be a number.")))
    elif baseline is not None and target == baseline:
        errors.append(FieldError("target", N_("must differ from the baseline.")))
    elif baseline is not None:
        wrong = target < baseline if indicator.direction == Direction.HIGHER else target > baseline
        if wrong:
            errors.append(
                FieldError(
                    "target",
                    N_("must be above the baseline when higher is better.")
                    if indicator.direction == Direction.HIGHER
                    else N_("must be below the baseline when lower is better."),
                )
            )
    return errors


def measure_errors(measure: Measure, today: date) -> list[FieldError]:
    """A value measured on a day that has come, its source within bounds."""
    errors = []
    if measure.measured_on > today:
        errors.append(FieldError("measured_on", N_("cannot be in the future.")))
    if len(measure.source) > SOURCE_MAX:
        errors.append(FieldError("source", TOO_LONG, {"max": SOURCE_MAX}))
    return errors


def latest(values: list[Measure]) -> Measure | None:
    """The value measured last (the last entered among those of the same day)."""
    found = None
    for measure in values:
        if found is None or measure.measured_on >= found.measured_on:
            found = measure
    return found


def progress(indicator: Indicator, values: list[Measure]) -> Decimal | None:
    """How far the latest value has gone from the baseline toward the target: 0 at the
    baseline, 1 at the target, above 1 beyond it, below 0 when it went the wrong way. None
    without a baseline, a target or a value."""
    last = latest([v for v in values if v.indicator_id == indicator.id])
    baseline, target = indicator.baseline, indicator.target
    if baseline is None or target is None or last is None or target == baseline:
        return None
    return (last.value - baseline) / (target - baseline)


def mean_progress(pairs: list[tuple[Indicator, list[Measure]]]) -> Decimal | None:
    """The mean progress of the indicators that have one (each capped to 0..1, so that one
    indicator far beyond its target does not hide another behind)."""
    found = [progress(indicator, values) for indicator, values in pairs]
    known = [min(max(p, Decimal(0)), Decimal(1)) for p in found if p is not None]
    return sum(known) / len(known) if known else None


# --- an import of values ---------------------------------------------------------------------


def measures_from_rows(
    rows: list[dict[str, str]], indicators: dict[str, int], today: date | None = None
) -> tuple[list[Measure], list[RowError]]:
    """Values from imported rows ('indicator', 'date', 'value', 'source'), `indicators`
    naming each indicator's id by its name (case and spaces ignored). Every wrong row is
    reported; the values count only when there is none."""
    by_name = {_key(name): ident for name, ident in indicators.items()}
    found, errors = [], []
    for line, row in enumerate(rows, start=2):
        ident = by_name.get(_key(row.get("indicator") or ""))
        if ident is None:
            errors.append(RowError(line, "indicator", N_("is not an indicator of this project.")))
        try:
            day = date.fromisoformat(str(row.get("date") or "").strip()[:10])
        except ValueError:
            day = None
            errors.append(RowError(line, "date", N_("must be a date (YYYY-MM-DD).")))
        if day is not None and today is not None and day > today:
            errors.append(RowError(line, "date", N_("cannot be in the future.")))
            day = None
        value = parse_amount(row.get("value"))
        if value is None:
            errors.append(RowError(line, "value", N_("must be a number.")))
        source = str(row.get("source") or "").strip()
        if len(source) > SOURCE_MAX:
            errors.append(RowError(line, "source", N_("is too long (at most 200 characters).")))
        if ident is not None and day is not None and value is not None:
            found.append(Measure(ident, day, value, source))
    return ([] if errors else found), errors


def _key(name: str) -> str:
    return " ".join(str(name).lower().split())
