"""The costs of a pilot project as budget lines of the budget tracking (source 'project', line
key 'project-<id>-…'): they show in every budget view (by project among them), take
commitments, expenses and receipts, count against the Secretariat's envelope when it funds
them, and follow the budget access rules (SPEC.md §1): the carrying city records on them."""

from __future__ import annotations

from ovpm.domain.budget import LineSource, TrackedLine, cost_errors
from ovpm.domain.models import Role, User
from ovpm.domain.networks import FunderKind, parse_amount
from ovpm.domain.pilot_projects import Project
from ovpm.services import budget
from ovpm.services._common import require, validate
from ovpm.services.pilot_projects import access
from ovpm.store import pilot_projects as store
from ovpm.store.db import Database

# The carrying city (with its partners), the Secretariat, or another source.
COST_FUNDERS = (FunderKind.PILOT, FunderKind.SECRETARIAT, FunderKind.OTHER)


def cost_prefix(project_id: int) -> str:
    return f"project-{project_id}-"


def costs(db: Database, actor: User, project: Project) -> list[TrackedLine]:
    """The project's budget lines the actor may read (the budget rules; never in the public
    summary)."""
    require(access(db, actor, project).read)
    return budget.cost_lines(db, actor, LineSource.PROJECT, cost_prefix(project.id))


def funders_for(actor: User) -> tuple[str, ...]:
    """The funders an actor may record a cost for: the Secretariat any; the carrying city its
    own and other sources."""
    if actor.role == Role.SECRETARIAT:
        return COST_FUNDERS
    return (FunderKind.PILOT, FunderKind.OTHER)


def add_cost(
    db: Database,
    actor: User,
    project_id: int,
    category: str,
    description: str,
    amount: str,
    currency: str,
    funder: str,
) -> TrackedLine:
    """A cost of the project as a budget line recorded on by the carrying city. The
    Secretariat adds any; the carrying city those it or another source funds."""
    value = parse_amount(amount)
    validate(cost_errors(category, description or "", value, currency, funder, COST_FUNDERS))
    with db.unit_of_work() as cur:
        project = store.get(cur, project_id)
        require(
            actor.role == Role.SECRETARIAT
            or (actor.role == Role.CITY and actor.city_id == project.city_id)
        )
        require(funder in funders_for(actor))
        return budget.add_cost_line(
            cur,
            actor,
            LineSource.PROJECT,
            project.network_id,
            project.city_id,
            cost_prefix(project.id),
            (category, description, value, currency, funder),
        )
