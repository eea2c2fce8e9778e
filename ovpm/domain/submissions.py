"""Submissions of step 1 of the Quebec Roadmap: the expression of interest and the theme sheet
(SPEC.md §4.2, §4.3, source 001), with the review workflow of SPEC.md §5."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from enum import IntEnum, StrEnum

from ovpm.domain import N_
from ovpm.domain.congress import Contribution, Evaluation
from ovpm.domain.deliverables import ConstitutionSheet, PilotDraftReport, PriorityProblemSheet
from ovpm.domain.diagnosis import Assessment
from ovpm.domain.meetings import Minutes
from ovpm.domain.missions import MissionReport, MissionRequest
from ovpm.domain.models import Person
from ovpm.domain.networks import ActionPlan
from ovpm.domain.pilot_projects import ProgressReport, ProjectDefinition


class SubmissionKind(StrEnum):
    EXPRESSION_OF_INTEREST = "expression_of_interest"
    THEME_SHEET = "theme_sheet"
    ACTION_PLAN = "action_plan"
    CONSTITUTION_SHEET = "constitution_sheet"
    PRIORITY_PROBLEM = "priority_problem"
    PILOT_DRAFT = "pilot_draft"
    MINUTES = "minutes"
    ASSESSMENT = "assessment"
    PROJECT_DEFINITION = "project_definition"
    PROGRESS_REPORT = "progress_report"
    PROJECT_EVALUATION = "project_evaluation"
    NETWORK_EVALUATION = "network_evaluation"
    CONTRIBUTION = "contribution"
    MISSION_REQUEST = "mission_request"
    MISSION_REPORT = "mission_report"


KIND_LABELS = {
    SubmissionKind.EXPRESSION_OF_INTEREST: N_("Expression of interest"),
    SubmissionKind.THEME_SHEET: N_("Theme sheet"),
    SubmissionKind.ACTION_PLAN: N_("Action plan"),
    SubmissionKind.CONSTITUTION_SHEET: N_("Network constitution sheet"),
    SubmissionKind.PRIORITY_PROBLEM: N_("Priority problem sheet"),
    SubmissionKind.PILOT_DRAFT: N_("Report on the initial draft of the pilot project"),
    SubmissionKind.MINUTES: N_("Minutes"),
    SubmissionKind.ASSESSMENT: N_("Assessment"),
    SubmissionKind.PROJECT_DEFINITION: N_("Pilot project definition"),
    SubmissionKind.PROGRESS_REPORT: N_("Progress report"),
    SubmissionKind.PROJECT_EVALUATION: N_("Evaluation of the pilot project"),
    SubmissionKind.NETWORK_EVALUATION: N_("Evaluation of the network"),
    SubmissionKind.CONTRIBUTION: N_("Contribution to the New Urban Project"),
    SubmissionKind.MISSION_REQUEST: N_("M4C technical sheet"),
    SubmissionKind.MISSION_REPORT: N_("Mission report"),
}
# Mission4City: the request and the report of the requesting city (the mission keeps their ids).
MISSION_KINDS = (SubmissionKind.MISSION_REQUEST, SubmissionKind.MISSION_REPORT)
# Kinds of a network (owned by its pilot city) or of a city's own process.
PROCESS_KINDS = (SubmissionKind.MINUTES, SubmissionKind.ASSESSMENT)
# Kinds of a pilot project, owned by the city carrying it (the project keeps their ids).
PROJECT_KINDS = (
    SubmissionKind.PROJECT_DEFINITION,
    SubmissionKind.PROGRESS_REPORT,
    SubmissionKind.PROJECT_EVALUATION,
)
# Step 3 and the Congress: a network's evaluation and contribution, owned by its pilot city.
CONGRESS_KINDS = (SubmissionKind.NETWORK_EVALUATION, SubmissionKind.CONTRIBUTION)
# Kinds that belong to a network and are owned by its pilot city.
NETWORK_KINDS = (
    SubmissionKind.ACTION_PLAN,
    SubmissionKind.CONSTITUTION_SHEET,
    SubmissionKind.PRIORITY_PROBLEM,
    SubmissionKind.PILOT_DRAFT,
)
# The workshop's deliverables, in the order of source 000 (the revised theme sheet first).
DELIVERABLE_KINDS = (
    SubmissionKind.THEME_SHEET,
    SubmissionKind.CONSTITUTION_SHEET,
    SubmissionKind.PRIORITY_PROBLEM,
    SubmissionKind.PILOT_DRAFT,
)


class Status(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    CHANGES_REQUESTED = "changes_requested"
    APPROVED = "approved"
    WITHDRAWN = "withdrawn"


STATUS_LABELS = {
    Status.DRAFT: N_("Draft"),
    Status.SUBMITTED: N_("Submitted"),
    Status.CHANGES_REQUESTED: N_("Changes requested"),
    Status.APPROVED: N_("Approved"),
    Status.WITHDRAWN: N_("Withdrawn"),
}


class Axis(IntEnum):
    INCLUSIVE = 1
    HERITAGE_RESOURCES = 2
    GOVERNANCE = 3


AXIS_LABELS = {
    Axis.INCLUSIVE: N_(
        "Inclusive and resilient cities inspired by their identities and their cultural diversity"
    ),
    Axis.HERITAGE_RESOURCES: N_(
        "Resilient cities made dynamic by the enhancement of their heritage resources"
    ),
    Axis.GOVERNANCE: N_('"Good governance" carrying a systemic approach to the city'),
}
AXIS_SHORT_LABELS = {
    Axis.INCLUSIVE: N_("Axis 1"),
    Axis.HERITAGE_RESOURCES: N_("Axis 2"),
    Axis.GOVERNANCE: N_("Axis 3"),
}

NAMED_STAFF = (
    "elected_official",
    "strategic_lead",
    "interservice_coordinator",
    "administrative_supervisor",
)

# What separates words, as a French, English or Spanish reader sees it: every Unicode space
# (the no-break and narrow no-break spaces of French typography included) and the em and en
# dashes. Apostrophes and hyphens join (c'est, aujourd'hui, Saint-Louis). The browser's live
# counter receives this same pattern (ovpm.ui.word_counter), so both always agree.
WORD_SEPARATORS = (
    "[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f"
    "\\u205f\\u3000\\ufeff\\u2013\\u2014\\u2015]+"
)
_SEPARATORS = re.compile(WORD_SEPARATORS)


def count_words(text: str | None) -> int:
    """The words a reader counts: runs between separators that hold at least one letter or
    digit, so detached punctuation (« » : ! ¿) is not a word."""
    return sum(1 for run in _SEPARATORS.split(text or "") if any(char.isalnum() for char in run))


@dataclass(frozen=True)
class Theme:
    title: str = ""
    description: str = ""
    axis: int | None = None


@dataclass(frozen=True)
class ThemeSheet:
    """The priority-theme sheet of source 001."""

    elected_official: Person = field(default_factory=Person)
    strategic_lead: Person = field(default_factory=Person)
    interservice_coordinator: Person = field(default_factory=Person)
    administrative_supervisor: Person = field(default_factory=Person)
    others: tuple[Person, ...] = ()
    challenges: str = ""
    actions: str = ""
    themes: tuple[Theme, ...] = ()
    priority: int | None = None
    priority_description: str = ""

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> ThemeSheet:
        data = data or {}
        people = {role: Person(**(data.get(role) or {})) for role in NAMED_STAFF}
        return cls(
            **people,
            others=tuple(Person(**p) for p in data.get("others") or ()),
            challenges=data.get("challenges") or "",
            actions=data.get("actions") or "",
            themes=tuple(Theme(**t) for t in data.get("themes") or ()),
            priority=data.get("priority"),
            priority_description=data.get("priority_description") or "",
        )

    @property
    def priority_theme(self) -> Theme | None:
        if self.priority is None or not 0 <= self.priority < len(self.themes):
            return None
        return self.themes[self.priority]


@dataclass(frozen=True)
class ExpressionOfInterest:
    """Stage 1.1: the city confirms its participation with a mayor-signed letter."""

    letter_date: date | None = None
    contact: Person = field(default_factory=Person)
    text: str = ""
    letter_id: int | None = None
    letter_name: str = ""

    def to_dict(self) -> dict:
        data = asdict(self)
        data["letter_date"] = self.letter_date.isoformat() if self.letter_date else None
        return data

    @classmethod
    def from_dict(cls, data: dict | None) -> ExpressionOfInterest:
        data = data or {}
        raw_date = data.get("letter_date")
        return cls(
            letter_date=date.fromisoformat(raw_date) if raw_date else None,
            contact=Person(**(data.get("contact") or {})),
            text=data.get("text") or "",
            letter_id=data.get("letter_id"),
            letter_name=data.get("letter_name") or "",
        )


def content_of(kind: str, data: dict | None):
    """The typed content of a submission from its stored JSON."""

    types = {
        SubmissionKind.THEME_SHEET: ThemeSheet,
        SubmissionKind.EXPRESSION_OF_INTEREST: ExpressionOfInterest,
        SubmissionKind.ACTION_PLAN: ActionPlan,
        SubmissionKind.CONSTITUTION_SHEET: ConstitutionSheet,
        SubmissionKind.PRIORITY_PROBLEM: PriorityProblemSheet,
        SubmissionKind.PILOT_DRAFT: PilotDraftReport,
        SubmissionKind.MINUTES: Minutes,
        SubmissionKind.ASSESSMENT: Assessment,
        SubmissionKind.PROJECT_DEFINITION: ProjectDefinition,
        SubmissionKind.PROGRESS_REPORT: ProgressReport,
        SubmissionKind.PROJECT_EVALUATION: Evaluation,
        SubmissionKind.NETWORK_EVALUATION: Evaluation,
        SubmissionKind.CONTRIBUTION: Contribution,
        SubmissionKind.MISSION_REQUEST: MissionRequest,
        SubmissionKind.MISSION_REPORT: MissionReport,
    }
    return types[SubmissionKind(kind)].from_dict(data)


@dataclass(frozen=True)
class Submission:
    id: int
    kind: SubmissionKind
    city_id: int
    status: Status
    revision: int
    approved_revision: int | None
    content: dict
    version: int
    created_at: datetime
    updated_at: datetime
    city_name: str = ""
    network_id: int | None = None
    network_name: str = ""

    @property
    def subject(self) -> str:
        """What the submission is about, for titles: its network (an action plan) or its city."""
        return self.network_name or self.city_name


@dataclass(frozen=True)
class Revision:
    submission_id: int
    number: int
    content: dict
    submitted_by: str
    submitted_at: datetime
    outcome: Status
    decided_by: str | None
    decided_at: datetime | None
    comment: str


@dataclass(frozen=True)
class Comment:
    id: int
    submission_id: int
    revision: int
    author: str
    author_role: str
    body: str
    created_at: datetime
