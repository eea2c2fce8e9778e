"""The indicators of a pilot project and their measured values: entered one by one or imported
from a CSV/XLSX file (all or nothing, each refused row named), progress computed from the
values, a chart per indicator, and the values as CSV/XLSX."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pandas as pd

from ovpm import charts, i18n
from ovpm.clock import now_utc, today
from ovpm.domain import N_
from ovpm.domain.errors import FieldError, ImportRefused
from ovpm.domain.indicators import (
    DIRECTION_LABELS,
    IMPORT_COLUMNS,
    Indicator,
    Measure,
    indicator_errors,
    latest,
    mean_progress,
    measure_errors,
    measures_from_rows,
    progress,
)
from ovpm.domain.models import User
from ovpm.domain.networks import parse_amount
from ovpm.domain.pilot_projects import Project
from ovpm.exports import csv_bytes
from ovpm.exports.reading import UnreadableFile, read_rows
from ovpm.exports.spreadsheet import xlsx
from ovpm.services._common import require, validate
from ovpm.services.pilot_projects import access
from ovpm.store import audit
from ovpm.store import pilot_projects as store
from ovpm.store.db import Database

# The headings an imported file may use for each column (French, English, Spanish).
IMPORT_HEADINGS = {
    "indicator": ("indicator", "indicateur", "indicador"),
    "date": ("date", "fecha", "date measured", "date de mesure", "fecha de medición"),
    "value": ("value", "valeur", "valor"),
    "source": ("source", "fuente"),
}


@dataclass(frozen=True)
class IndicatorState:
    """An indicator with its values and what they say."""

    indicator: Indicator
    values: tuple[Measure, ...]
    progress: Decimal | None

    @property
    def latest(self) -> Measure | None:
        return latest(list(self.values))


def _every_state(db: Database) -> dict[int, list[IndicatorState]]:
    """project id → its indicators with their values (kept until the next write)."""

    def compute() -> dict[int, list[IndicatorState]]:
        with db.reading() as cur:
            found, values = store.indicators(cur), store.measures(cur)
        by_indicator: dict[int, list[Measure]] = {}
        for measure in values:
            by_indicator.setdefault(measure.indicator_id, []).append(measure)
        states: dict[int, list[IndicatorState]] = {}
        for item in found:
            own = by_indicator.get(item.id, [])
            states.setdefault(item.project_id, []).append(
                IndicatorState(item, tuple(own), progress(item, own))
            )
        return states

    return db.derived("indicator_states", compute)


def states(db: Database, actor: User, project: Project) -> list[IndicatorState]:
    """The project's indicators with their values and progress (the public summary shows
    them too)."""
    require(access(db, actor, project).summary)
    return _every_state(db).get(project.id, [])


def project_progress(db: Database, actor: User, project: Project) -> Decimal | None:
    """The mean progress of the project's indicators (each capped to 0..1)."""
    return mean_progress([(s.indicator, list(s.values)) for s in states(db, actor, project)])


def save_indicator(db: Database, actor: User, project: Project, indicator: Indicator) -> int:
    """Add or change an indicator of the project (those who edit it)."""
    require(access(db, actor, project).edit and indicator.project_id == project.id)
    validate(indicator_errors(indicator))
    with db.unit_of_work() as cur:
        ident = store.save_indicator(cur, indicator)
        audit.record(
            cur,
            actor.id,
            actor.username,
            "indicator",
            ident,
            "create" if indicator.id is None else "update",
            None,
            {
                "project_id": project.id,
                "name": indicator.name,
                "unit": indicator.unit,
                "baseline": indicator.baseline,
                "target": indicator.target,
                "direction": str(indicator.direction),
            },
            project.city_id,
        )
    return ident


def add_measures(db: Database, actor: User, project: Project, found: list[Measure]) -> int:
    """Record measured values of the project's indicators; how many."""
    require(access(db, actor, project).edit)
    own = {s.indicator.id for s in states(db, actor, project)}
    require(all(m.indicator_id in own for m in found))
    for measure in found:
        validate(measure_errors(measure, today()))
    with db.unit_of_work() as cur:
        store.insert_measures(cur, found, actor.username, now_utc())
        audit.record(
            cur,
            actor.id,
            actor.username,
            "indicator_values",
            project.id,
            "add",
            None,
            {
                "values": [
                    {"indicator": m.indicator_id, "measured_on": m.measured_on, "value": m.value}
                    for m in found
                ]
            },
            project.city_id,
        )
    return len(found)


def import_measures(db: Database, actor: User, project: Project, name: str, data: bytes) -> int:
    """Values from a CSV/XLSX file (columns indicator, date, value, source): all of them, or
    none when a row is wrong (ImportRefused names each)."""
    require(access(db, actor, project).edit)
    try:
        rows = read_rows(name, data, IMPORT_HEADINGS)
    except UnreadableFile:
        validate([FieldError("file", N_("cannot be read as a CSV or XLSX table."))])
    if not rows:
        validate([FieldError("file", N_("has no rows."))])
    missing = [c for c in IMPORT_COLUMNS[:3] if c not in rows[0]]
    if missing:
        validate(
            [
                FieldError(
                    "file",
                    N_("must have the columns {columns}."),
                    {"columns": ", ".join(IMPORT_COLUMNS)},
                )
            ]
        )
    names = {s.indicator.name: s.indicator.id for s in states(db, actor, project)}
    found, errors = measures_from_rows(rows, names, today())
    if errors:
        raise ImportRefused(errors)
    return add_measures(db, actor, project, found)


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def values_frame(db: Database, actor: User, project: Project, language: str) -> pd.DataFrame:
    """Every measured value of the project with its indicator, in the reader's language."""
    _ = i18n.translator(language)
    rows = [
        [s.indicator.name, s.indicator.unit, m.measured_on, m.value, m.source]
        for s in states(db, actor, project)
        for m in s.values
    ]
    return pd.DataFrame(
        rows, columns=[_("Indicator"), _("Unit"), _("Date measured"), _("Value"), _("Source")]
    )


def summary_frame(db: Database, actor: User, project: Project, language: str) -> pd.DataFrame:
    """One row an indicator: progress, latest value and its day, baseline, target, unit and
    direction (the progress first: it is what a reader looks for)."""
    _ = i18n.translator(language)
    rows = []
    for state in states(db, actor, project):
        item, last = state.indicator, state.latest
        rows.append(
            [
                item.name,
                None if state.progress is None else float(state.progress),
                _number(last.value) if last else None,
                last.measured_on if last else None,
                _number(item.baseline),
                _number(item.target),
                item.unit,
                _(DIRECTION_LABELS[item.direction]),
            ]
        )
    return pd.DataFrame(
        rows,
        columns=[
            _("Indicator"),
            _("Progress"),
            _("Latest value"),
            _("Date measured"),
            _("Baseline"),
            _("Target"),
            _("Unit"),
            _("Direction"),
        ],
    )


def values_csv(db: Database, actor: User, project: Project, language: str) -> bytes:
    """The measured values as CSV (re-importable: the headings are the import's); those who
    read the whole project."""
    require(access(db, actor, project).read)
    return csv_bytes(values_frame(db, actor, project, language))


def values_xlsx(db: Database, actor: User, project: Project, language: str) -> bytes:
    """The indicators and their measured values as a workbook (those who read the whole
    project)."""
    require(access(db, actor, project).read)
    _ = i18n.translator(language)
    return xlsx(
        {
            _("Indicators"): summary_frame(db, actor, project, language),
            _("Values"): values_frame(db, actor, project, language),
        },
        set(),
        "",
    )


def chart(state: IndicatorState, language: str) -> dict:
    """The indicator's chart: baseline, target and values over time."""
    _ = i18n.translator(language)
    item = state.indicator
    labels = {
        "date": _("Date measured"),
        "value": item.unit or _("Value"),
        "baseline": _("Baseline"),
        "target": _("Target"),
    }
    values = pd.DataFrame(
        [(m.measured_on, float(m.value)) for m in state.values], columns=["day", "value"]
    )
    levels = pd.DataFrame(
        [
            (labels[key], float(level))
            for key, level in (("baseline", item.baseline), ("target", item.target))
            if level is not None
        ],
        columns=["level", "value"],
    )
    return charts.localised(charts.indicator_chart(values, levels, labels), language)


def new_measure(indicator_id: int, measured_on: date, value: str, source: str) -> Measure:
    """A value as typed, or a ValidationError naming the field."""
    amount = parse_amount(value)
    if amount is None:
        validate([FieldError("value", N_("must be a number."))])
    return Measure(indicator_id, measured_on, amount, (source or "").strip())
