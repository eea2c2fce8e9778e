"""The progress model of SPEC.md §3: the stages every city and network moves through, computed
from the data (never typed by hand), with the date each was reached and the targets set for
the cycle.

A stage counts as reached only when the stages before it are (the table is a sequence); the
dates of later stages done out of order are still kept and shown."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from ovpm.domain import N_
from ovpm.domain.errors import FieldError


class Stage(StrEnum):
    EXPRESSION = "expression_of_interest"
    PRIORITY_THEME = "priority_theme"
    NETWORK = "collaborative_network"
    WORKSHOP = "international_workshop"
    PILOT_PROJECT = "pilot_project"
    EVALUATION = "evaluation"
    CONTRIBUTION = "contribution"


STAGE_LABELS = {
    Stage.EXPRESSION: N_("1.1 Expression of interest"),
    Stage.PRIORITY_THEME: N_("1.2 Priority theme"),
    Stage.NETWORK: N_("1.3 Collaborative network"),
    Stage.WORKSHOP: N_("International workshop"),
    Stage.PILOT_PROJECT: N_("2 Pilot project"),
    Stage.EVALUATION: N_("3 Evaluation"),
    Stage.CONTRIBUTION: N_("Contribution to the Congress"),
}

CITY_STAGES = tuple(Stage)
# Stages a city reaches through a network only as its pilot city or carrying one of its
# pilot projects (taking part is not enough).
LEADERS_STAGES = frozenset({Stage.PILOT_PROJECT, Stage.EVALUATION, Stage.CONTRIBUTION})
# A network is born from an approved priority theme: its own path starts at 1.3.
NETWORK_STAGES = tuple(Stage)[2:]
DUE_HORIZON_DAYS = 30


@dataclass(frozen=True)
class Progress:
    """Where one city or network stands: the stages that apply to it and when each was done."""

    kind: str  # "city" or "network"
    id: int
    name: str
    stages: tuple[Stage, ...]
    done: dict[Stage, date] = field(default_factory=dict)
    axis: int | None = None
    region: str = ""
    networks: tuple[int, ...] = ()  # a city's networks; a network's own id
    # dated things of this item still to do (a workshop deliverable): (stage, due, what)
    pending: tuple[tuple[Stage, date, str], ...] = ()

    @property
    def reached(self) -> Stage | None:
        """The last stage reached in sequence, or None before the first."""
        last = None
        for stage in self.stages:
            if stage not in self.done:
                break
            last = stage
        return last

    def counts(self, stage: Stage) -> bool:
        """Whether `stage` is reached in sequence (done, and every stage before it done)."""
        reached = self.reached
        return reached is not None and self.stages.index(stage) <= self.stages.index(reached)

    @property
    def next_stage(self) -> Stage | None:
        reached = self.reached
        index = self.stages.index(reached) + 1 if reached else 0
        return self.stages[index] if index < len(self.stages) else None

    def has_reached(self, stage: Stage) -> bool:
        reached = self.reached
        return reached is not None and self.stages.index(reached) >= self.stages.index(stage)


@dataclass(frozen=True)
class Deadline:
    """A stage not reached yet, and its target date."""

    progress: Progress
    stage: Stage
    target: date
    what: str = ""  # the item's own dated thing (a deliverable), or the stage's cycle target

    def days_late(self, today: date) -> int:
        return (today - self.target).days


def late_and_due(
    items: list[Progress], targets: dict[Stage, date], today: date
) -> tuple[list[Deadline], list[Deadline]]:
    """Stages whose target has passed without being done (late), and those whose target falls
    in the next DUE_HORIZON_DAYS days (due next), oldest target first."""
    horizon = today + timedelta(days=DUE_HORIZON_DAYS)
    late, due = [], []
    for item in items:
        dated = [(stage, targets.get(stage), "") for stage in item.stages] + list(item.pending)
        for stage, target, what in dated:
            # a stage's own target stops counting once the stage is done; the item's own
            # dated things (an overdue report) count until they are done themselves
            if target is None or (stage in item.done and not what):
                continue
            if target < today:
                late.append(Deadline(item, stage, target, what))
            elif target <= horizon:
                due.append(Deadline(item, stage, target, what))
    order = lambda d: (d.target, d.progress.kind, d.progress.name)  # noqa: E731
    return sorted(late, key=order), sorted(due, key=order)


def network_progress_dates(
    meeting_day: date | None, plan_approved: date | None, today: date
) -> dict[Stage, date]:
    """1.3 is done when the preparatory meeting was held and the action plan approved; the
    date is the later of the two. (SPEC.md §3 also names the constitution sheet, which source
    000 lists among the workshop's deliverables: it counts there.)"""
    if meeting_day is None or plan_approved is None or meeting_day > today:
        return {}
    return {Stage.NETWORK: max(meeting_day, plan_approved)}


def workshop_progress(
    deliverables: list[tuple[str, date | None]], due: date | None
) -> tuple[date | None, tuple[tuple[Stage, date, str], ...]]:
    """A held workshop's stage: reached when its four deliverables are done (kind, day done or
    None), on the day of the last; until then, the deliverables not done are due on `due`."""
    days = [day for _kind, day in deliverables]
    if days and all(days):
        return max(days), ()
    pending = tuple(
        (Stage.WORKSHOP, due, kind) for kind, day in deliverables if day is None and due
    )
    return None, pending


def milestone_errors(milestones) -> list[FieldError]:
    """Every milestone has a label in each language and ends on or after its start."""
    errors = []
    for index, milestone in enumerate(milestones):
        field = f"milestones.{index}"
        for language in ("fr", "en", "es"):
            if not (milestone.labels.get(language) or "").strip():
                errors.append(FieldError(f"{field}.label_{language}", N_("is required.")))
        if milestone.starts is None:
            errors.append(FieldError(f"{field}.starts", N_("is required.")))
        if milestone.ends is None:
            errors.append(FieldError(f"{field}.ends", N_("is required.")))
        elif milestone.starts is not None and milestone.ends < milestone.starts:
            errors.append(FieldError(f"{field}.ends", N_("must be on or after the start.")))
    return errors
