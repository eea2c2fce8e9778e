"""Pilot projects of step 2 (SPEC.md §4.7, issue 15), first part: the definition a project
starts from — without retyping — an approved report on a workshop's initial draft or a promoted
project seed; its statuses and the moves between them; its indicators, whose progress toward
the target is computed from the measured values, never typed; and the rows of an import of
values, refused with their line number and nothing kept when one is wrong.

Not built yet (issue 15 stays open): storage, services, screens, progress reports, budget,
evaluation, contribution and compendium."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from ovpm.domain import N_
from ovpm.domain.deliverables import PilotDraftReport, Step
from ovpm.domain.diagnosis import ProjectSeed
from ovpm.domain.errors import FieldError
from ovpm.domain.networks import parse_amount
from ovpm.domain.rules import REQUIRED, TOO_LONG

TITLE_MAX = 200
TEXT_MAX = 5000


class ProjectStatus(StrEnum):
    PROPOSED = "proposed"
    APPROVED = "approved"
    LAUNCHED = "launched"
    UNDER_WAY = "under_way"
    COMPLETED = "completed"
    SUSPENDED = "suspended"
    DROPPED = "dropped"


PROJECT_STATUS_LABELS = {
    ProjectStatus.PROPOSED: N_("Proposed"),
    ProjectStatus.APPROVED: N_("Approved"),
    ProjectStatus.LAUNCHED: N_("Launched"),
    ProjectStatus.UNDER_WAY: N_("Under way"),
    ProjectStatus.COMPLETED: N_("Completed"),
    ProjectStatus.SUSPENDED: N_("Suspended"),
    ProjectStatus.DROPPED: N_("Dropped"),
}
# The moves a person makes; "approved" comes from the definition's approval in the review
# workflow, and a suspended project resumes where it was (launched or under way).
MOVES = {
    ProjectStatus.PROPOSED: {ProjectStatus.DROPPED},
    ProjectStatus.APPROVED: {ProjectStatus.LAUNCHED, ProjectStatus.DROPPED},
    ProjectStatus.LAUNCHED: {
        ProjectStatus.UNDER_WAY,
        ProjectStatus.SUSPENDED,
        ProjectStatus.DROPPED,
    },
    ProjectStatus.UNDER_WAY: {
        ProjectStatus.COMPLETED,
        ProjectStatus.SUSPENDED,
        ProjectStatus.DROPPED,
    },
    ProjectStatus.SUSPENDED: {
        ProjectStatus.LAUNCHED,
        ProjectStatus.UNDER_WAY,
        ProjectStatus.DROPPED,
    },
    ProjectStatus.COMPLETED: set(),
    ProjectStatus.DROPPED: set(),
}


def can_move(current: ProjectStatus, wanted: ProjectStatus) -> bool:
    """Whether a person may move a project from `current` to `wanted`."""
    return wanted in MOVES[current]


class Origin(StrEnum):
    PILOT_DRAFT = "pilot_draft"  # an approved report on the workshop's initial draft
    SEED = "seed"  # a promoted project seed


@dataclass(frozen=True)
class ProjectDefinition:
    """What a pilot project is, as its definition is reviewed before launch."""

    title: str = ""
    objectives: str = ""
    expected_results: str = ""
    partners: str = ""
    timeline: tuple[Step, ...] = ()
    origin: Origin | None = None
    origin_id: int | None = None  # the report's submission or the seed

    @classmethod
    def from_pilot_draft(cls, report: PilotDraftReport, submission_id: int) -> ProjectDefinition:
        """Every field of the approved report, none retyped."""
        return cls(
            report.project_title,
            report.objectives,
            report.expected_results,
            report.partners,
            report.timeline,
            Origin.PILOT_DRAFT,
            submission_id,
        )

    @classmethod
    def from_seed(cls, seed: ProjectSeed, people: dict[str, str]) -> ProjectDefinition:
        """The seed's title, the need it answers as the objective, what its action group will
        do as the expected results, the group's people as the partners."""
        return cls(
            seed.title,
            seed.need,
            seed.plan,
            ", ".join(people.get(key, key) for key in seed.group_people),
            (),
            Origin.SEED,
            seed.id,
        )


def definition_errors(definition: ProjectDefinition) -> list[FieldError]:
    errors = []
    if not definition.title.strip():
        errors.append(FieldError("project_title", REQUIRED))
    elif len(definition.title) > TITLE_MAX:
        errors.append(FieldError("project_title", TOO_LONG, {"max": TITLE_MAX}))
    for key in ("objectives", "expected_results"):
        value = getattr(definition, key)
        if not value.strip():
            errors.append(FieldError(key, REQUIRED))
        elif len(value) > TEXT_MAX:
            errors.append(FieldError(key, TOO_LONG, {"max": TEXT_MAX}))
    return errors


# --- indicators ------------------------------------------------------------------------------


class Direction(StrEnum):
    HIGHER = "higher"  # higher is better
    LOWER = "lower"


@dataclass(frozen=True)
class Indicator:
    id: int | None
    project_id: int
    name: str
    unit: str
    baseline: Decimal | None
    target: Decimal
    direction: Direction = Direction.HIGHER


@dataclass(frozen=True)
class Measure:
    indicator_id: int
    measured_on: date
    value: Decimal
    source: str = ""


def indicator_errors(indicator: Indicator) -> list[FieldError]:
    """A name; a target on the right side of the baseline for the direction."""
    errors = []
    if not indicator.name.strip():
        errors.append(FieldError("indicator_name", REQUIRED))
    baseline, target = indicator.baseline, indicator.target
    if baseline is not None and target is not None and target == baseline:
        errors.append(FieldError("target", N_("must differ from the baseline.")))
    elif baseline is not None and target is not None:
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
    without a baseline or a value."""
    last = latest([v for v in values if v.indicator_id == indicator.id])
    if indicator.baseline is None or last is None or indicator.target == indicator.baseline:
        return None
    return (last.value - indicator.baseline) / (indicator.target - indicator.baseline)


# --- an import of values ---------------------------------------------------------------------


@dataclass(frozen=True)
class RowError:
    line: int  # as the spreadsheet numbers it (the heading is line 1)
    field: str
    message: str  # a msgid


def measures_from_rows(
    rows: list[dict[str, str]], indicators: dict[str, int]
) -> tuple[list[Measure], list[RowError]]:
    """Values from imported rows ('indicator', 'date', 'value', 'source'), `indicators`
    naming each indicator's id by its name (case and spaces ignored). Every wrong row is
    reported; the values count only when there is none."""
    by_name = {_key(name): ident for name, ident in indicators.items()}
    found, errors = [], []
    for line, row in enumerate(rows, start=2):
        ident = by_name.get(_key(row.get("indicator", "")))
        if ident is None:
            errors.append(RowError(line, "indicator", N_("is not an indicator of this project.")))
        try:
            day = date.fromisoformat((row.get("date") or "").strip())
        except ValueError:
            day = None
            errors.append(RowError(line, "date", N_("must be a date (YYYY-MM-DD).")))
        value = parse_amount(row.get("value"))
        if value is None:
            errors.append(RowError(line, "value", N_("must be a number.")))
        if ident is not None and day is not None and value is not None:
            found.append(Measure(ident, day, value, (row.get("source") or "").strip()))
    return ([] if errors else found), errors


def _key(name: str) -> str:
    return " ".join(name.lower().split())
