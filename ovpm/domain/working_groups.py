"""Working groups as source 003 runs them: a theme, members, a facilitator and a spokesperson,
and three meetings with their default agendas — (1) round of introductions, the theme nationally
and locally, each participant's problems; (2) brainstorming of solutions, prioritisation; (3) a
first-level action plan for each idea kept. The third meetings' action plans make the
network's common action plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ovpm.domain import N_
from ovpm.domain.errors import FieldError
from ovpm.domain.meetings import IdeaPlan
from ovpm.domain.rules import REQUIRED, TOO_LONG

THEME_MAX = 200
MEETINGS = 3
WEEKS_BETWEEN_MEETINGS = 4
DEFAULT_AGENDAS = (
    (
        N_("Round of introductions"),
        N_("The theme nationally and locally"),
        N_("Each participant's problems with the theme"),
    ),
    (
        N_("Brainstorming: which solutions to the problems raised at the first meeting?"),
        N_("Prioritisation: which ideas are kept?"),
    ),
    (
        N_(
            "A first-level action plan for each idea kept: description, objectives, targets, "
            "expected lead, means needed"
        ),
    ),
)


@dataclass(frozen=True)
class WorkingGroup:
    id: int | None
    network_id: int | None
    city_id: int  # the host: the network's pilot city
    theme: str
    members: tuple[str, ...] = ()  # person keys
    facilitator: str = ""
    spokesperson: str = ""
    version: int = 1
    created_at: datetime | None = None


def working_group_errors(group: WorkingGroup) -> list[FieldError]:
    """A theme; a facilitator and a spokesperson among the members."""
    errors = []
    if not group.theme.strip():
        errors.append(FieldError("theme", REQUIRED))
    elif len(group.theme) > THEME_MAX:
        errors.append(FieldError("theme", TOO_LONG, {"max": THEME_MAX}))
    for key in ("facilitator", "spokesperson"):
        person = getattr(group, key)
        if person and person not in group.members:
            errors.append(FieldError(key, N_("must be one of the members of the group.")))
    return errors


@dataclass(frozen=True)
class GroupPlan:
    """One group's part of the common action plan: its ideas, as its third meeting's minutes
    say them (`approved`: taken from an approved revision)."""

    group: WorkingGroup
    ideas: tuple[IdeaPlan, ...]
    approved: bool
