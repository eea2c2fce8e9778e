"""The deliverables of an international workshop (source 000) that are forms of their own: the
network constitution sheet, the priority problem sheet and the report on the initial draft of
the pilot project. (The fourth, the revised theme sheet, is a new revision of the theme sheet.)

The report keeps its fields as the pilot project will need them (title, objectives, expected
results, indicators with unit and target, partners, timeline, cost estimate), so that a pilot
project can start from an approved report without retyping."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date


@dataclass(frozen=True)
class MemberRole:
    city: str = ""
    role: str = ""


@dataclass(frozen=True)
class ConstitutionSheet:
    """How the network works."""

    members: tuple[MemberRole, ...] = ()
    coordination: str = ""
    decisions: str = ""
    meetings: str = ""

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> ConstitutionSheet:
        data = data or {}
        return cls(
            members=tuple(MemberRole(**m) for m in data.get("members") or ()),
            coordination=data.get("coordination") or "",
            decisions=data.get("decisions") or "",
            meetings=data.get("meetings") or "",
        )


@dataclass(frozen=True)
class Problem:
    title: str = ""
    description: str = ""


@dataclass(frozen=True)
class PriorityProblemSheet:
    """The common problems identified during the workshop, the priority one, the questions."""

    problems: tuple[Problem, ...] = ()
    priority: int | None = None
    questions: str = ""

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> PriorityProblemSheet:
        data = data or {}
        return cls(
            problems=tuple(Problem(**p) for p in data.get("problems") or ()),
            priority=data.get("priority"),
            questions=data.get("questions") or "",
        )

    @property
    def priority_problem(self) -> Problem | None:
        if self.priority is None or not 0 <= self.priority < len(self.problems):
            return None
        return self.problems[self.priority]


@dataclass(frozen=True)
class Indicator:
    name: str = ""
    unit: str = ""
    target: str = ""


@dataclass(frozen=True)
class Step:
    """A step of the rough timeline."""

    what: str = ""
    by: date | None = None


@dataclass(frozen=True)
class PilotDraftReport:
    """The report on the initial draft of the pilot project."""

    project_title: str = ""
    objectives: str = ""
    expected_results: str = ""
    indicators: tuple[Indicator, ...] = ()
    partners: str = ""
    timeline: tuple[Step, ...] = ()
    cost_estimate: str = ""  # text, so that the decimal stays exact
    currency: str = "EUR"

    def to_dict(self) -> dict:
        data = asdict(self)
        for step in data["timeline"]:
            step["by"] = step["by"].isoformat() if step["by"] else None
        return data

    @classmethod
    def from_dict(cls, data: dict | None) -> PilotDraftReport:
        data = data or {}
        steps = []
        for raw in data.get("timeline") or ():
            by = raw.get("by")
            steps.append(Step(raw.get("what") or "", date.fromisoformat(by) if by else None))
        return cls(
            project_title=data.get("project_title") or "",
            objectives=data.get("objectives") or "",
            expected_results=data.get("expected_results") or "",
            indicators=tuple(Indicator(**i) for i in data.get("indicators") or ()),
            partners=data.get("partners") or "",
            timeline=tuple(steps),
            cost_estimate=data.get("cost_estimate") or "",
            currency=data.get("currency") or "EUR",
        )
