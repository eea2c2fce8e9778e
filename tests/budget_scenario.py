"""A budget scenario worked by hand: the Andean demo network's plan approved with lines in
CAD, USD and EUR, and entries across rate changes, with a refund and a cancelled expense."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from ovpm.domain.budget import Entry
from ovpm.domain.networks import ActionPlan, Activity, BudgetLine
from ovpm.services import budget as service
from ovpm.services import networks as network_service
from ovpm.services import submissions as submission_service

ANDES = "Living Andean heritage"


def andean_plan(quebec_id: int, *extra: BudgetLine) -> ActionPlan:
    return ActionPlan(
        concept="Andean heritage (test).",
        challenges="Altitude (test).",
        activities=(Activity("virtual_meeting", "Call", date(2024, 4, 2), None, "Online"),),
        collective_work="Calls (test).",
        budget=(
            BudgetLine("travel", "Experts", "1000.00", "CAD", "general_secretariat", key="a"),
            BudgetLine("venue_meals", "Venue", "500.00", "USD", "pilot_city", key="b"),
            BudgetLine(
                "materials", "Maps", "300.00", "EUR", "participating_city", quebec_id, key="c"
            ),
            *extra,
        ),
    )


def approve_plan(db, actors, network_id: int, plan: ActionPlan) -> None:
    secretariat = actors["secretariat"]
    draft = network_service.working_plan(db, secretariat, network_id)
    if draft is None:
        draft = network_service.start_plan(db, secretariat, network_id)
    elif draft.status == "approved":
        draft = submission_service.start_revision(db, secretariat, draft.id, draft.version)
    sent = submission_service.submit(db, secretariat, draft.id, plan, draft.version)
    submission_service.approve(db, secretariat, sent.id, sent.version)


def network_id(db, actors, name: str) -> int:
    frame = network_service.overview(db, actors["secretariat"])
    return int(frame[frame["name"] == name].iloc[0]["id"])


def lines_by_key(db, actors, name: str) -> dict:
    return {
        line.line_key: line
        for line in service.readable_lines(db, actors["secretariat"])
        if line.network_name == name
    }


def andes_with_entries(db, actors) -> dict:
    """The Andean network's approved plan with entries in three currencies, across rate
    changes, with a refund and a cancelled expense (rates from the demo: CAD 0.685 from
    2023-01-01, 0.69 from 2023-09-01, 0.675 from 2024-01-01; USD 0.94 from 2023-10-01, 0.905
    from 2024-01-01); today is 2024-03-01."""
    andes_id, quebec_id = network_id(db, actors, ANDES), actors["quebec"].city_id
    network_service.invite(db, actors["secretariat"], andes_id, quebec_id)
    network_service.decide(db, actors["secretariat"], andes_id, quebec_id, True)
    approve_plan(db, actors, andes_id, andean_plan(quebec_id))
    lines = lines_by_key(db, actors, ANDES)
    secretariat = actors["secretariat"]
    for key, kind, day, amount in (
        ("a", "commitment", date(2023, 8, 31), "800.00"),
        ("a", "expense", date(2023, 9, 1), "333.33"),
        ("a", "expense", date(2024, 1, 2), "450.00"),
        ("a", "refund", date(2024, 2, 1), "33.33"),
        ("b", "expense", date(2023, 12, 31), "520.00"),
        ("c", "commitment", date(2024, 2, 15), "300.00"),
        ("c", "expense", date(2024, 2, 20), "120.10"),
    ):
        service.record_entry(
            db, secretariat, Entry(None, lines[key].id, kind, day, Decimal(amount), "ref")
        )
    mistake = service.record_entry(
        db, secretariat, Entry(None, lines["b"].id, "expense", date(2024, 1, 5), Decimal("99.99"))
    )
    service.cancel_entry(db, secretariat, mistake.id)
    return lines


# Worked by hand, each amount converted at its own date and rounded to the cent:
# planned  A 1000 CAD × 0.675 = 675.00 · B 500 USD × 0.905 = 452.50 · C 300.00   → 1427.50
# committed A 800 × 0.685 = 548.00 · C 300.00                                    →  848.00
# spent    A 333.33 × 0.69 = 230.00 (229.9977), 450 × 0.675 = 303.75, refund 33.33 × 0.675
#          = −22.50 (22.49775) → 511.25 · B 520 × 0.94 = 488.80 · C 120.10        → 1120.15
# variance A 675.00 − 548.00 = 127.00 · B 452.50 − 488.80 = −36.30 · C 0.00     →   90.70
HAND = {
    "planned": Decimal("1427.50"),
    "committed": Decimal("848.00"),
    "spent": Decimal("1120.15"),
    "variance": Decimal("90.70"),
}
