"""Step 3 and the 17th World Congress (source 001): the evaluation of a pilot project and of a
network — results against every indicator pulled from the data, lessons learned, what would be
done differently, recommendations for the New Urban Project — and each network's contribution
to the New Urban Project, assembled from the data with an introduction and conclusions the
network writes. What comes from the data is frozen into a revision when it is submitted."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from ovpm.domain.errors import FieldError
from ovpm.domain.rules import REQUIRED, TOO_LONG

TEXT_MAX = 8000


@dataclass(frozen=True)
class IndicatorResult:
    """One indicator's result as it stood: numbers as text, so that decimals stay exact."""

    project: str
    indicator: str
    unit: str = ""
    baseline: str = ""
    target: str = ""
    latest: str = ""
    measured_on: str = ""  # ISO day of the latest value
    progress: str = ""  # share of the way to the target ("0.75"), "" when unknown


@dataclass(frozen=True)
class Evaluation:
    """The evaluation of a pilot project or of a network."""

    lessons: str = ""
    differently: str = ""
    recommendations: str = ""
    results: tuple[IndicatorResult, ...] = ()  # filled from the data on submit

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> Evaluation:
        data = data or {}
        return cls(
            data.get("lessons") or "",
            data.get("differently") or "",
            data.get("recommendations") or "",
            tuple(IndicatorResult(**r) for r in data.get("results") or ()),
        )


def evaluation_errors(evaluation: Evaluation) -> list[FieldError]:
    """Lessons learned and recommendations are required; every text within bounds."""
    errors = []
    for key in ("lessons", "recommendations"):
        if not getattr(evaluation, key).strip():
            errors.append(FieldError(key, REQUIRED))
    for key in ("lessons", "differently", "recommendations"):
        if len(getattr(evaluation, key)) > TEXT_MAX:
            errors.append(FieldError(key, TOO_LONG, {"max": TEXT_MAX}))
    return errors


@dataclass(frozen=True)
class ProjectPart:
    """A pilot project as the contribution presents it (no budget figure)."""

    title: str
    city: str
    status: str  # a project status code
    objectives: str = ""
    expected_results: str = ""


@dataclass(frozen=True)
class Assembled:
    """What the contribution takes from the data."""

    network: str = ""
    axis: int | None = None
    theme: str = ""
    problem: str = ""
    pilot_city: str = ""
    cities: tuple[str, ...] = ()
    concept: str = ""  # the action plan's public version
    challenges: str = ""
    projects: tuple[ProjectPart, ...] = ()
    results: tuple[IndicatorResult, ...] = ()
    lessons: str = ""  # the network's approved evaluation
    recommendations: str = ""


@dataclass(frozen=True)
class Contribution:
    """A network's contribution to the New Urban Project."""

    introduction: str = ""
    conclusions: str = ""
    assembled: Assembled | None = None  # frozen on submit; the working copy reads the data

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> Contribution:
        data = data or {}
        raw = data.get("assembled")
        assembled = None
        if raw:
            assembled = Assembled(
                **{
                    **raw,
                    "cities": tuple(raw.get("cities") or ()),
                    "projects": tuple(ProjectPart(**p) for p in raw.get("projects") or ()),
                    "results": tuple(IndicatorResult(**r) for r in raw.get("results") or ()),
                }
            )
        return cls(data.get("introduction") or "", data.get("conclusions") or "", assembled)


def contribution_errors(contribution: Contribution) -> list[FieldError]:
    """The introduction and the conclusions are the network's own words: both required."""
    errors = []
    for key in ("introduction", "conclusions"):
        text = getattr(contribution, key)
        if not text.strip():
            errors.append(FieldError(key, REQUIRED))
        elif len(text) > TEXT_MAX:
            errors.append(FieldError(key, TOO_LONG, {"max": TEXT_MAX}))
    return errors


@dataclass(frozen=True)
class CompendiumEntry:
    """An approved contribution in the compendium."""

    network: str
    axis: int | None
    contribution: Contribution
    revision: int
    approved_on: str = ""
