"""Budget tracking: lines follow the approved plan, entries, conversion, access, exports."""

from __future__ import annotations

import csv
import dataclasses
import io
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from ovpm import i18n
from ovpm.demo import DEMO_CITY_ACCOUNTS
from ovpm.domain.budget import Entry, MissingRates
from ovpm.domain.errors import NotFound, PermissionDenied, ValidationError
from ovpm.domain.networks import BudgetLine
from ovpm.services import audit as audit_service
from ovpm.services import budget as service
from ovpm.services.budget import Filters
from tests.budget_scenario import (
    ANDES,
    HAND,
    andean_plan,
    andes_with_entries,
    approve_plan,
    lines_by_key,
    network_id,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


@pytest.fixture
def andes(db, actors) -> dict:
    return andes_with_entries(db, actors)


def test_totals_agree_to_the_cent_with_a_hand_computation(db, actors, andes):
    result = service.report(db, actors["secretariat"], Filters(networks=(ANDES,)))
    assert {key: result.total(key) for key in HAND} == HAND
    over = {f.line.line_key: f.over_plan for f in result.lines}
    assert over == {"a": False, "b": True, "c": False}
    assert [(r.currency, r.valid_from) for r in result.rates_used] == [
        ("CAD", date(2023, 1, 1)),
        ("CAD", date(2023, 9, 1)),
        ("CAD", date(2024, 1, 1)),
        ("USD", date(2023, 10, 1)),
        ("USD", date(2024, 1, 1)),
    ]
    assert result.months == [
        ("2023-08", Decimal("548.00"), Decimal("0.00")),
        ("2023-09", Decimal("0.00"), Decimal("230.00")),
        ("2023-12", Decimal("0.00"), Decimal("488.80")),
        ("2024-01", Decimal("0.00"), Decimal("303.75")),
        ("2024-02", Decimal("300.00"), Decimal("97.60")),
    ]


@pytest.mark.parametrize("language", ["fr", "en", "es"])
def test_csv_and_xlsx_totals_agree_with_the_hand_computation(db, actors, andes, language):
    secretariat, only = actors["secretariat"], Filters(networks=(ANDES,))
    labels = service.column_labels(i18n.translator(language), "EUR")
    rows = list(
        csv.DictReader(
            io.StringIO(service.lines_csv(db, secretariat, language, only).decode("utf-8-sig"))
        )
    )
    assert len(rows) == 3
    for key, total in HAND.items():
        assert sum(Decimal(row[labels[key]]) for row in rows) == total

    book = load_workbook(io.BytesIO(service.report_xlsx(db, secretariat, language, only)))
    titles = service.sheet_titles(i18n.translator(language))
    for sheet_key in ("lines", "by_network", "by_category", "by_funder"):
        sheet = book[titles[sheet_key][:31]]
        header = [cell.value for cell in sheet[1]]
        body = list(sheet.iter_rows(min_row=2, values_only=True))
        for key, total in HAND.items():
            index = header.index(labels[key])
            values = [row[index] for row in body[:-1]]
            assert sum(Decimal(str(v)).quantize(Decimal("0.01")) for v in values) == total
            assert str(body[-1][index]).startswith("=SUM(")
    assert len(book.sheetnames) == 9


def test_lines_follow_later_plan_revisions_by_their_key(db, actors, andes):
    quebec_id = actors["quebec"].city_id
    plan = andean_plan(quebec_id)
    revised = dataclasses.replace(
        plan,
        budget=(
            dataclasses.replace(plan.budget[0], description="Two experts", amount="1200.00"),
            plan.budget[2],
            BudgetLine("communication", "Leaflet", "90.00", "EUR", "pilot_city", key="d"),
        ),
    )
    approve_plan(db, actors, network_id(db, actors, ANDES), revised)
    lines = lines_by_key(db, actors, ANDES)
    assert lines["a"].id == andes["a"].id and lines["a"].description == "Two experts"
    assert lines["a"].planned == Decimal("1200.00")
    assert not lines["b"].in_plan and lines["d"].in_plan
    result = service.report(db, actors["secretariat"], Filters(networks=(ANDES,)))
    figures = {f.line.line_key: f for f in result.lines}
    assert figures["b"].planned == 0 and figures["b"].spent == Decimal("520.00")
    assert figures["b"].over_plan
    assert figures["a"].committed == Decimal("800.00")  # entries stay on the line


def test_a_missing_rate_is_named_never_a_silent_zero(db, actors, andes):
    service.record_entry(
        db,
        actors["secretariat"],
        Entry(None, andes["a"].id, "expense", date(2022, 12, 15), Decimal("10.00")),
    )
    with pytest.raises(MissingRates) as missing:
        service.report(db, actors["secretariat"])
    assert missing.value.missing == [("CAD", date(2022, 12, 15))]
    with pytest.raises(MissingRates):
        service.lines_csv(db, actors["advisory"], "en")


def test_entry_rules_are_named_field_by_field(db, actors, andes):
    secretariat, line = actors["secretariat"], andes["a"].id
    cases = {
        ("expense", date(2024, 3, 2), "10.00"): {"entry_date"},
        ("expense", date(2024, 1, 1), "-5.00"): {"entry_amount"},
        ("expense", date(2024, 1, 1), "0"): {"entry_amount"},
        ("expense", date(2024, 1, 1), "1.005"): {"entry_amount"},
        ("refund", date(2024, 2, 1), "10000.00"): {"entry_amount"},
        ("expense", None, "1.00"): {"entry_date"},
    }
    for (kind, day, amount), fields in cases.items():
        with pytest.raises(ValidationError) as refused:
            service.record_entry(db, secretariat, Entry(None, line, kind, day, Decimal(amount)))
        assert {e.field for e in refused.value.errors} == fields
    with pytest.raises(ValidationError) as refused:
        service.record_entry(
            db,
            secretariat,
            Entry(None, line, "expense", date(2024, 1, 1), Decimal("1.00")),
            ("receipt.pdf", b"not a receipt"),
        )
    assert {e.field for e in refused.value.errors} == {"receipt"}
    # a future commitment is allowed: it is a promise, not money that moved
    service.record_entry(
        db, secretariat, Entry(None, line, "commitment", date(2024, 6, 1), Decimal("5.00"))
    )


def own_mission_lines(db, actors, name: str) -> set[int]:
    """The lines of the demo's Mission4City requests of a city (it reads them: SPEC.md §1)."""
    return {
        line.id
        for line in service.readable_lines(db, actors["secretariat"])
        if line.source == "mission" and line.owner_city_id == actors[name].city_id
    }


def readable_ids(db, actors, name: str) -> set[int]:
    return {line.id for line in service.readable_lines(db, actors[name])}


def test_who_reads_and_who_records(db, actors, andes):
    water = lines_by_key(db, actors, "Living with water")
    water_ids = {line.id for line in water.values()}
    translation = next(line for line in water.values() if line.funder_city_id)
    everything = readable_ids(db, actors, "secretariat")
    assert readable_ids(db, actors, "advisory") == everything
    missions = {name: own_mission_lines(db, actors, name) for name in DEMO_CITY_ACCOUNTS}
    assert all(missions.values())  # each demo city has a mission with costs
    assert readable_ids(db, actors, "bordeaux") == water_ids | missions["bordeaux"]
    assert readable_ids(db, actors, "bruges") == {translation.id} | missions["bruges"]
    assert readable_ids(db, actors, "quebec") == {andes["c"].id} | missions["quebec"]
    assert readable_ids(db, actors, "cordoba") == missions["cordoba"]

    expense = Entry(None, andes["a"].id, "expense", date(2024, 1, 1), Decimal("1.00"))
    for name in ("advisory", "bordeaux", "quebec", "bruges"):
        with pytest.raises(PermissionDenied):
            service.record_entry(db, actors[name], expense)
    with pytest.raises(PermissionDenied):  # a funder reads its line but does not record on it
        service.record_entry(
            db, actors["bruges"], dataclasses.replace(expense, line_id=translation.id)
        )
    for name in ("bordeaux", "bruges", "cordoba"):
        with pytest.raises(PermissionDenied):
            service.line_entries(db, actors[name], andes["a"].id)
    with pytest.raises(NotFound):
        service.line_entries(db, actors["secretariat"], 999_999)

    saved = service.record_entry(
        db,
        actors["bordeaux"],
        dataclasses.replace(expense, line_id=translation.id, reference="Invoice 7"),
        ("scan.png", PNG),
    )
    assert service.receipt(db, actors["bruges"], saved.id) == ("scan.png", PNG)
    with pytest.raises(PermissionDenied):
        service.receipt(db, actors["quebec"], saved.id)
    with pytest.raises(PermissionDenied):
        service.cancel_entry(db, actors["bruges"], saved.id)
    service.cancel_entry(db, actors["bordeaux"], saved.id)
    with pytest.raises(ValidationError):
        service.cancel_entry(db, actors["secretariat"], saved.id)
    trail = audit_service.audit_entries(db, actors["secretariat"], entity="budget_entry")
    assert {"create", "cancel"} <= set(trail["action"])


def test_a_city_exports_only_the_lines_it_may_read(db, actors, andes):
    for name, roadmap in (("bruges", 1), ("quebec", 1), ("cordoba", 0)):
        expected = roadmap + len(own_mission_lines(db, actors, name))
        rows = list(
            csv.DictReader(
                io.StringIO(service.lines_csv(db, actors[name], "en").decode("utf-8-sig"))
            )
        )
        assert len(rows) == expected
        book = load_workbook(io.BytesIO(service.report_xlsx(db, actors[name], "en")))
        text = " ".join(
            str(value)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        )
        assert "Interpreters" not in text and "Experts" not in text
        assert service.report(db, actors[name]).envelope is None
    quebec = service.report(db, actors["quebec"])
    assert [f.line.description for f in quebec.lines if f.line.source != "mission"] == ["Maps"]
    assert quebec.total("spent") == Decimal("120.10")


def test_the_envelope_counts_what_the_secretariat_funds(db, actors, andes):
    result = service.report(db, actors["advisory"])
    assert result.envelope == Decimal("45000.00")
    planned, committed, spent = result.secretariat
    # demo: 5400 EUR experts; 4800 USD planned on 2023-11-20 at 0.94 = 4512.00; here 1000 CAD
    # approved today (after 2024-01-01: 0.675) = 675.00; the demo workshop's travel and
    # accommodation (demo_workshops), 4200 + 1650 EUR
    workshop = Decimal("4200.00") + Decimal("1650.00")
    # five demo missions (demo_missions) with the experts' flights and hotel, 1850 + 640 EUR
    missions = 5 * (Decimal("1850.00") + Decimal("640.00"))
    assert planned == (
        Decimal("5400.00") + Decimal("4512.00") + Decimal("675.00") + workshop + missions
    )
    # commitments: 5400 EUR; 4800 USD on 2024-01-15 at 0.905 = 4344.00; 800 CAD = 548.00
    assert committed == Decimal("5400.00") + Decimal("4344.00") + Decimal("548.00")
