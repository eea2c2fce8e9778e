"""The costs of an international workshop as budget lines of the budget tracking (source
'workshop', line key 'workshop-<id>-…'): the Secretariat's funded travel and accommodation and
the pilot city's contributions show in every budget view, count against the envelope, take
commitments and expenses, and follow the budget access rules (SPEC.md §1)."""

from __future__ import annotations

from ovpm.domain import network_rules
from ovpm.domain.budget import LineSource, TrackedLine, can_read_line, cost_errors
from ovpm.domain.models import Role, User
from ovpm.domain.networks import FunderKind, parse_amount
from ovpm.domain.workshops import Workshop
from ovpm.services import budget
from ovpm.services._common import require, validate
from ovpm.services.workshops import get_workshop
from ovpm.store import budget as budget_store
from ovpm.store import networks
from ovpm.store import workshops as store
from ovpm.store.db import Database

COST_FUNDERS = (FunderKind.SECRETARIAT, FunderKind.PILOT)


def _cost_prefix(workshop: Workshop) -> str:
    return f"workshop-{workshop.id}-"


def costs(db: Database, actor: User, workshop_id: int) -> list[TrackedLine]:
    """The workshop's budget lines the actor may read (the budget rules of SPEC.md §1)."""
    workshop = get_workshop(db, actor, workshop_id)
    found = db.kept_read(
        ("workshop_lines", workshop.network_id),
        lambda cur: budget_store.network_lines(cur, LineSource.WORKSHOP, workshop.network_id),
    )
    return [
        line
        for key, line in sorted(found.items(), key=lambda item: item[1].id)
        if key.startswith(_cost_prefix(workshop)) and can_read_line(actor, line)
    ]


def add_cost(
    db: Database,
    actor: User,
    workshop_id: int,
    category: str,
    description: str,
    amount: str,
    currency: str,
    funder: str,
) -> TrackedLine:
    """A cost of the workshop (the Secretariat's funded travel and accommodation, the pilot
    city's contributions) as a budget line: it shows in every budget view and, funded by the
    Secretariat, counts against its envelope. The Secretariat records the lines it funds; the
    pilot city records its own contributions."""
    value = parse_amount(amount)
    validate(cost_errors(category, description or "", value, currency, funder, COST_FUNDERS))
    with db.unit_of_work() as cur:
        workshop = store.get(cur, workshop_id)
        network = networks.get(cur, workshop.network_id)
        require(
            actor.role == Role.SECRETARIAT
            or (network_rules.is_pilot(actor, network) and funder == FunderKind.PILOT)
        )
        return budget.add_cost_line(
            cur,
            actor,
            LineSource.WORKSHOP,
            network.id,
            network.pilot_city_id,
            _cost_prefix(workshop),
            (category, description, value, currency, funder),
        )
