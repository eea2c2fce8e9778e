"""The costs of a mission as budget lines of the budget tracking (source 'mission', no network,
line key 'mission-<id>-…', recorded on by the requesting city): the Secretariat pays the
international experts' travel, stay and fees, the requesting city its local experts, other
costs are shared by agreement, each line naming its funder. They show in every budget view (by
mission among them), take commitments, expenses and receipts, count against the Secretariat's
envelope, and follow the budget access rules (SPEC.md §1: the requesting city reads them)."""

from __future__ import annotations

from ovpm.domain.budget import LineSource, TrackedLine, cost_errors
from ovpm.domain.missions import Mission, MissionStatus
from ovpm.domain.models import Role, User
from ovpm.domain.networks import FunderKind, parse_amount
from ovpm.services import budget
from ovpm.services._common import require, validate
from ovpm.services.missions import reads
from ovpm.store import missions as store
from ovpm.store.db import Database

COST_FUNDERS = (FunderKind.SECRETARIAT, FunderKind.REQUESTER, FunderKind.OTHER)
CLOSED = (MissionStatus.DECLINED, MissionStatus.WITHDRAWN, MissionStatus.DRAFT)


def cost_prefix(mission_id: int) -> str:
    return f"mission-{mission_id}-"


def costs(db: Database, actor: User, mission: Mission) -> list[TrackedLine]:
    """The mission's budget lines the actor may read (the budget rules)."""
    require(reads(actor, mission))
    return budget.cost_lines(db, actor, LineSource.MISSION, cost_prefix(mission.id))


def add_cost(
    db: Database,
    actor: User,
    mission_id: int,
    category: str,
    description: str,
    amount: str,
    currency: str,
    funder: str,
) -> TrackedLine:
    """A cost budgeted in advance, as a budget line of the mission. The Secretariat only (the
    costs are agreed with the city in step (d)); the requesting city records on the lines."""
    require(actor.role == Role.SECRETARIAT)
    value = parse_amount(amount)
    validate(cost_errors(category, description or "", value, currency, funder, COST_FUNDERS))
    with db.unit_of_work() as cur:
        mission = store.get(cur, mission_id)
        require(mission.status not in CLOSED)
        return budget.add_cost_line(
            cur,
            actor,
            LineSource.MISSION,
            None,
            mission.city_id,
            cost_prefix(mission.id),
            (category, description, value, currency, funder),
        )
