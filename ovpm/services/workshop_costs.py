"""The costs of an international workshop as budget lines of the budget tracking (source
'workshop', line key 'workshop-<id>-…'): the Secretariat's funded travel and accommodation and
the pilot city's contributions show in every budget view, count against the envelope, take
commitments and expenses, and follow the budget access rules (SPEC.md §1)."""

from __future__ import annotations

from decimal import Decimal

from ovpm.clock import now_utc
from ovpm.domain import N_, network_rules
from ovpm.domain.budget import LineSource, TrackedLine, can_read_line, new_line_key
from ovpm.domain.errors import FieldError
from ovpm.domain.models import Role, User
from ovpm.domain.networks import BUDGET_CATEGORY_LABELS, CURRENCIES, FunderKind, parse_amount
from ovpm.domain.rules import REQUIRED, TOO_LONG
from ovpm.domain.workshops import Workshop
from ovpm.services._common import require, validate
from ovpm.services.workshops import get_workshop
from ovpm.store import audit, networks
from ovpm.store import budget as budget_store
from ovpm.store import workshops as store
from ovpm.store.db import Database

COST_FUNDERS = (FunderKind.SECRETARIAT, FunderKind.PILOT)
COST_DESCRIPTION_MAX = 200


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


def cost_errors(
    category: str, description: str, amount: Decimal | None, currency: str, funder: str
):
    errors = []
    if category not in BUDGET_CATEGORY_LABELS:
        errors.append(FieldError("category", REQUIRED))
    if not description.strip():
        errors.append(FieldError("description", REQUIRED))
    elif len(description) > COST_DESCRIPTION_MAX:
        errors.append(FieldError("description", TOO_LONG, {"max": COST_DESCRIPTION_MAX}))
    if amount is None or amount <= 0:
        errors.append(FieldError("amount", N_("must be an amount greater than zero.")))
    if currency not in CURRENCIES:
        errors.append(FieldError("currency", REQUIRED))
    if funder not in COST_FUNDERS:
        errors.append(FieldError("funder", REQUIRED))
    return errors


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
    validate(cost_errors(category, description or "", value, currency, funder))
    with db.unit_of_work() as cur:
        workshop = store.get(cur, workshop_id)
        network = networks.get(cur, workshop.network_id)
        require(
            actor.role == Role.SECRETARIAT
            or (network_rules.is_pilot(actor, network) and funder == FunderKind.PILOT)
        )
        now = now_utc()
        line = budget_store.insert_line(
            cur,
            TrackedLine(
                0,
                LineSource.WORKSHOP,
                network.id,
                network.pilot_city_id,
                _cost_prefix(workshop) + new_line_key(),
                category,
                description.strip(),
                funder,
                None,
                "",
                currency,
                value.quantize(Decimal("0.01")),
                now.date(),
                True,
            ),
            now,
        )
        audit.record(
            cur,
            actor.id,
            actor.username,
            "budget_line",
            line.id,
            "create",
            None,
            {
                "network_id": network.id,
                "category": category,
                "description": line.description,
                "funder": funder,
                "currency": currency,
                "planned": line.planned,
            },
            network.pilot_city_id,
        )
    return line
