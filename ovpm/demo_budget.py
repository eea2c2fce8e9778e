"""Demo budget follow-up: the reporting currency, the Secretariat's envelope, dated rates, and
commitments, expenses and refunds on the demo networks' lines (invented amounts, some over plan).
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

from ovpm import clock
from ovpm.domain.budget import Entry
from ovpm.domain.money import Rate
from ovpm.services import budget, money
from ovpm.store import users
from ovpm.store.db import Database

ENVELOPE = Decimal("45000.00")

# One unit of the currency in euros, from a date: each currency changes rate mid-period.
RATES = (
    ("CAD", date(2023, 1, 1), "0.6850"),
    ("CAD", date(2023, 9, 1), "0.6900"),
    ("CAD", date(2024, 1, 1), "0.6750"),
    ("USD", date(2023, 1, 1), "0.9250"),
    ("USD", date(2023, 10, 1), "0.9400"),
    ("USD", date(2024, 1, 1), "0.9050"),
)

# (network, line description, kind, date, amount, reference, recorded by)
ENTRIES = (
    ("Living with water", "Interpreters FR/EN/ES for the workshop", "commitment",
     date(2023, 10, 2), "6800.00", "Contract INT-2023-14 (demo)", "bordeaux"),
    ("Living with water", "Interpreters FR/EN/ES for the workshop", "expense",
     date(2024, 1, 20), "3400.00", "Invoice 2024-007, deposit (demo)", "bordeaux"),
    ("Living with water", "Three international experts", "commitment",
     date(2023, 11, 15), "5400.00", "Mission order SG-23-31 (demo)", "secretariat"),
    ("Living with water", "Three international experts", "expense",
     date(2024, 2, 10), "5980.40", "Flights and per diems (demo)", "secretariat"),
    ("Living with water", "Three international experts", "refund",
     date(2024, 2, 26), "210.00", "Refund of a changed ticket (demo)", "secretariat"),
    ("Living with water", "Room and meals, three days", "commitment",
     date(2024, 1, 8), "4150.00", "Quote 0871, caterer (demo)", "bordeaux"),
    ("Living with water", "Translation of the constitution sheet", "expense",
     date(2023, 12, 5), "1250.00", "Translation agency invoice (demo)", "bordeaux"),
    ("Living with water", "Video of the workshop", "commitment",
     date(2023, 9, 20), "2000.00", "Grant agreement (demo)", "bordeaux"),
    ("Living with water", "Video of the workshop", "expense",
     date(2023, 12, 14), "1200.00", "Filming, first part (demo)", "bordeaux"),
    ("Multicultural neighbourhoods", "Interpreters RU/EN", "expense",
     date(2023, 12, 12), "3150.00", "Interpreting, launch call (demo)", "secretariat"),
    ("Multicultural neighbourhoods", "Two experts for the launch", "commitment",
     date(2024, 1, 15), "4800.00", "Mission order SG-24-02 (demo)", "secretariat"),
    ("Multicultural neighbourhoods", "Two experts for the launch", "expense",
     date(2024, 2, 20), "2450.75", "Flights (demo)", "secretariat"),
    ("Multicultural neighbourhoods", "Neighbourhood walks and materials", "expense",
     date(2024, 2, 2), "980.00", "Printing of maps (demo)", "secretariat"),
)  # fmt: skip


def create_demo_budget(db: Database) -> int:
    """Rates, envelope and entries on the tracked lines; returns how many entries."""
    with db.reading() as cur:
        accounts = {name: users.find(cur, name) for name in ("secretariat", "bordeaux")}
    secretariat = accounts["secretariat"]
    with clock.recording_at(datetime(2023, 1, 9, 10)):
        money.save_reporting(db, secretariat, "EUR", ENVELOPE)
    for currency, valid_from, rate in RATES:
        with clock.recording_at(datetime.combine(valid_from, time(10))):
            money.save_rate(db, secretariat, Rate(currency, valid_from, Decimal(rate)))
    lines = {
        (line.network_name, line.description): line.id
        for line in budget.readable_lines(db, secretariat)
    }
    for network, description, kind, day, amount, reference, who in ENTRIES:
        with clock.recording_at(datetime.combine(day, time(16))):  # recorded the same day
            budget.record_entry(
                db,
                accounts[who],
                Entry(None, lines[(network, description)], kind, day, Decimal(amount), reference),
            )
    return len(ENTRIES)
