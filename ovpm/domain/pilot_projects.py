"""Pilot projects of step 2 (SPEC.md §4.7, source 001): the definition a project starts from —
without retyping — an approved report on a workshop's initial draft or a promoted project seed,
reviewed before launch; its statuses and the moves between them; who reads and edits it; the
schedule of its progress reports and where each report stands. (Its indicators:
ovpm.domain.indicators.)"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from enum import StrEnum

from ovpm.domain import N_
from ovpm.domain.deliverables import PilotDraftReport, Step
from ovpm.domain.diagnosis import ProjectSeed
from ovpm.domain.errors import FieldError
from ovpm.domain.models import Role, User
from ovpm.domain.rules import REQUIRED, TOO_LONG
from ovpm.domain.times import add_months

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


# The statuses in which a project reports on its progress.
ACTIVE_STATUSES = frozenset(
    {ProjectStatus.LAUNCHED, ProjectStatus.UNDER_WAY, ProjectStatus.SUSPENDED}
)


def can_move(current: ProjectStatus, wanted: ProjectStatus) -> bool:
    """Whether a person may move a project from `current` to `wanted`."""
    return wanted in MOVES[current]


class Origin(StrEnum):
    PILOT_DRAFT = "pilot_draft"  # an approved report on the workshop's initial draft
    SEED = "seed"  # a promoted project seed


ORIGIN_LABELS = {
    Origin.PILOT_DRAFT: N_("Report on the initial draft of the pilot project"),
    Origin.SEED: N_("Promoted project seed"),
}


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
    cost_estimate: str = ""  # text, so that the decimal stays exact
    currency: str = "EUR"

    def to_dict(self) -> dict:
        data = asdict(self)
        for step in data["timeline"]:
            step["by"] = step["by"].isoformat() if step["by"] else None
        data["origin"] = str(self.origin) if self.origin else None
        return data

    @classmethod
    def from_dict(cls, data: dict | None) -> ProjectDefinition:
        data = data or {}
        timeline = tuple(
            Step(raw.get("what") or "", date.fromisoformat(raw["by"]) if raw.get("by") else None)
            for raw in data.get("timeline") or ()
        )
        return cls(
            data.get("title") or "",
            data.get("objectives") or "",
            data.get("expected_results") or "",
            data.get("partners") or "",
            timeline,
            Origin(data["origin"]) if data.get("origin") else None,
            data.get("origin_id"),
            data.get("cost_estimate") or "",
            data.get("currency") or "EUR",
        )

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
            report.cost_estimate,
            report.currency,
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
    """A title, objectives and expected results within bounds; milestones named."""
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
    if len(definition.partners) > TEXT_MAX:
        errors.append(FieldError("partners", TOO_LONG, {"max": TEXT_MAX}))
    if any(not step.what.strip() for step in definition.timeline):
        errors.append(FieldError("timeline", N_("Each milestone needs a description.")))
    return errors


@dataclass(frozen=True)
class Project:
    """A pilot project of a network, carried by one city. Its title and text are those of its
    definition (a submission); the status moves with the review and with its people."""

    id: int
    network_id: int
    city_id: int  # the city carrying it
    status: ProjectStatus
    origin: Origin
    origin_id: int
    definition_id: int
    title: str = ""
    launched_on: date | None = None
    report_every_months: int | None = None
    report_dates: tuple[date, ...] = ()
    version: int = 1
    city_name: str = ""
    network_name: str = ""
    pilot_city_id: int | None = None
    evaluation_id: int | None = None

    @property
    def schedule(self) -> ReportSchedule:
        return ReportSchedule(self.report_every_months, self.report_dates)


# --- who reads and edits a project (SPEC.md §1) ------------------------------------------------


@dataclass(frozen=True)
class ProjectAccess:
    summary: bool = False  # title, objectives, status, indicator progress — no budget
    read: bool = False  # everything but the budget lines (they follow the budget rules)
    edit: bool = False  # indicators, values, reports, status
    schedule: bool = False  # the report schedule (the Secretariat)
    comment: bool = False


def project_access(actor: User, project: Project, members: frozenset[int]) -> ProjectAccess:
    """The carrying city and the network's pilot city edit; the network's members read; other
    member cities read the public summary; the Advisory Group reads and comments; the
    Secretariat does everything. `members`: the cities taking part in the network."""
    if actor.role == Role.SECRETARIAT:
        return ProjectAccess(True, True, True, True, True)
    if actor.role == Role.ADVISORY:
        return ProjectAccess(True, True, comment=True)
    if actor.role != Role.CITY or actor.city_id is None:
        return ProjectAccess()
    if actor.city_id in (project.city_id, project.pilot_city_id):
        return ProjectAccess(True, True, True)
    return ProjectAccess(True, actor.city_id in members)


# --- progress reports ------------------------------------------------------------------------

REPORT_MONTHS_MAX = 24
# How far ahead the reports of a periodic schedule are listed.
SCHEDULE_HORIZON_MONTHS = 12


@dataclass(frozen=True)
class ReportSchedule:
    """Every N months from the launch, or on given dates (set by the Secretariat)."""

    every_months: int | None = None
    dates: tuple[date, ...] = ()

    def due_dates(self, launched_on: date | None, today: date) -> list[date]:
        """The due dates up to a year ahead; a periodic schedule starts at the launch."""
        if self.dates:
            return sorted(set(self.dates))
        if not self.every_months or launched_on is None:
            return []
        horizon = add_months(today, SCHEDULE_HORIZON_MONTHS)
        found, step = [], 1
        while (due := add_months(launched_on, self.every_months * step)) <= horizon:
            found.append(due)
            step += 1
        return found


def schedule_errors(schedule: ReportSchedule) -> list[FieldError]:
    errors = []
    if schedule.every_months is not None and schedule.dates:
        errors.append(
            FieldError("schedule", N_("Choose either every N months or given dates, not both."))
        )
    if schedule.every_months is not None and not 1 <= schedule.every_months <= REPORT_MONTHS_MAX:
        errors.append(
            FieldError(
                "every_months",
                N_("must be a whole number of months from 1 to {max}."),
                {"max": REPORT_MONTHS_MAX},
            )
        )
    return errors


class ReportState(StrEnum):
    DUE = "due"
    OVERDUE = "overdue"
    SUBMITTED = "submitted"  # submitted, waiting for review or changes
    APPROVED = "approved"


REPORT_STATE_LABELS = {
    ReportState.DUE: N_("Due"),
    ReportState.OVERDUE: N_("Overdue"),
    ReportState.SUBMITTED: N_("Submitted"),
    ReportState.APPROVED: N_("Approved"),
}


@dataclass(frozen=True)
class ReportSlot:
    """A report the schedule asks for, and where it stands."""

    project_id: int
    due_on: date
    state: ReportState
    submission_id: int | None = None
    approved_on: date | None = None


def report_state(due_on: date, submitted: bool, approved: bool, today: date) -> ReportState:
    """Approved once a revision is approved; submitted once one was submitted (even if changes
    were then asked); otherwise overdue after its due day."""
    if approved:
        return ReportState.APPROVED
    if submitted:
        return ReportState.SUBMITTED
    return ReportState.OVERDUE if due_on < today else ReportState.DUE


@dataclass(frozen=True)
class ReportValue:
    """A value of the report's period, as it stood when the report was submitted."""

    indicator: str
    unit: str
    measured_on: date
    value: str  # text, so that the decimal stays exact
    source: str = ""


@dataclass(frozen=True)
class ProgressReport:
    """A progress report of a pilot project (source 001, step 2)."""

    period_start: date | None = None
    period_end: date | None = None
    done: str = ""
    difficulties: str = ""
    next_steps: str = ""
    values: tuple[ReportValue, ...] = field(default_factory=tuple)  # filled on submit

    def to_dict(self) -> dict:
        data = asdict(self)
        for key in ("period_start", "period_end"):
            data[key] = data[key].isoformat() if data[key] else None
        for value in data["values"]:
            value["measured_on"] = value["measured_on"].isoformat()
        return data

    @classmethod
    def from_dict(cls, data: dict | None) -> ProgressReport:
        data = data or {}
        day = lambda key: date.fromisoformat(data[key]) if data.get(key) else None  # noqa: E731
        return cls(
            day("period_start"),
            day("period_end"),
            data.get("done") or "",
            data.get("difficulties") or "",
            data.get("next_steps") or "",
            tuple(
                ReportValue(**(raw | {"measured_on": date.fromisoformat(raw["measured_on"])}))
                for raw in data.get("values") or ()
            ),
        )


def report_errors(report: ProgressReport) -> list[FieldError]:
    """The period (its end not before its start) and what was done."""
    errors = []
    for key in ("period_start", "period_end"):
        if getattr(report, key) is None:
            errors.append(FieldError(key, REQUIRED))
    if report.period_start and report.period_end and report.period_end < report.period_start:
        errors.append(FieldError("period_end", N_("cannot be before the start of the period.")))
    if not report.done.strip():
        errors.append(FieldError("done", REQUIRED))
    for key in ("done", "difficulties", "next_steps"):
        if len(getattr(report, key)) > TEXT_MAX:
            errors.append(FieldError(key, TOO_LONG, {"max": TEXT_MAX}))
    return errors
