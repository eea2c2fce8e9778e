import dataclasses
import io
import subprocess
from datetime import date, datetime, time
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from ovpm import i18n
from ovpm.domain.errors import PermissionDenied, ValidationError
from ovpm.domain.networks import (
    ActionPlan,
    Activity,
    BudgetLine,
    MemberStatus,
    RoundTable,
)
from ovpm.domain.times import in_zone, to_utc
from ovpm.services import networks as service
from ovpm.services import submissions as submission_service

PLANTED = "12345.67"
PLANTED_RENDERINGS = (
    "12345.67",
    "12345,67",
    "12 345,67",
    "12\u202f345,67",
    "12,345.67",
    "12.345,67",
)


def pdf_text(data: bytes) -> str:
    text = subprocess.run(
        ["pdftotext", "-raw", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode("utf-8")
    return text.replace("\u202f", " ").replace("\xa0", " ")


def theme_sheet_id(db, actors, city):
    frame = submission_service.listing(db, actors["secretariat"], kinds=["theme_sheet"])
    return int(frame[frame["city"] == city].iloc[0]["id"])


@pytest.fixture
def network(db, actors):
    """A new network piloted by Évora (approved demo theme sheet), with Bruges participating."""
    created = service.create_network(
        db, actors["secretariat"], theme_sheet_id(db, actors, "Évora"), "Walled cities"
    )
    service.invite(db, actors["secretariat"], created.id, actors["bruges"].city_id)
    service.decide(db, actors["secretariat"], created.id, actors["bruges"].city_id, True)
    return created


def a_plan(bruges_id: int, **changes) -> ActionPlan:
    plan = ActionPlan(
        concept="Gather experiences of walled cities.",
        challenges="Access and residents.",
        activities=(
            Activity(
                "international_workshop",
                "Workshop in Évora",
                date(2024, 5, 14),
                date(2024, 5, 16),
                "Évora",
                "planned",
            ),
            Activity("virtual_meeting", "Kick-off", date(2024, 3, 20), None, "Online", "confirmed"),
        ),
        budget=(
            BudgetLine(
                "interpretation",
                "Interpreters FR/EN/ES",
                PLANTED,
                "EUR",
                "participating_city",
                bruges_id,
            ),
            BudgetLine("venue_meals", "Room and meals", "4000.00", "EUR", "pilot_city"),
        ),
        collective_work="Monthly calls until the Congress.",
    )
    return dataclasses.replace(plan, **changes)


def submitted_plan(db, actors, network, editor=None):
    from ovpm.store import users

    with db.reading() as cur:
        pilot_user = editor or users.find(cur, "secretariat")
    draft = service.start_plan(db, pilot_user, network.id)
    return submission_service.submit(
        db, pilot_user, draft.id, a_plan(actors["bruges"].city_id), draft.version
    )


def test_networks_are_created_by_the_secretariat_from_an_approved_priority_theme(db, actors):
    source = theme_sheet_id(db, actors, "Évora")
    with pytest.raises(PermissionDenied):
        service.create_network(db, actors["bordeaux"], source, "Mine")
    created = service.create_network(db, actors["secretariat"], source, "Walled cities")
    assert (created.pilot_city_name, created.status) == ("Évora", "forming")
    assert created.theme == "Participatory management of the walled city" and created.axis == 3
    with pytest.raises(ValidationError):  # Bruges' sheet is only submitted
        service.create_network(
            db, actors["secretariat"], theme_sheet_id(db, actors, "Bruges"), "Too early"
        )


def test_a_city_asks_to_join_and_the_pilot_or_the_secretariat_decides(db, actors):
    network = service.get_network(db, actors["secretariat"], 1)  # demo: piloted by Bordeaux
    cordoba = actors["cordoba"]
    service.ask_to_join(db, cordoba, network.id)
    assert service.my_status(db, cordoba, network.id) == MemberStatus.ASKED
    with pytest.raises(PermissionDenied):
        service.ask_to_join(db, cordoba, network.id)
    with pytest.raises(PermissionDenied):  # a participating city does not decide
        service.decide(db, actors["bruges"], network.id, cordoba.city_id, True)
    service.decide(db, actors["bordeaux"], network.id, cordoba.city_id, True)
    assert service.my_status(db, cordoba, network.id) == MemberStatus.PARTICIPATING
    with pytest.raises(PermissionDenied):  # the pilot city cannot join its own network
        service.ask_to_join(db, actors["bordeaux"], network.id)


def test_only_the_pilot_city_and_the_secretariat_edit_the_plan(db, actors, network):
    for outsider in ("bruges", "advisory", "cordoba"):
        with pytest.raises(PermissionDenied):
            service.start_plan(db, actors[outsider], network.id)
    plan = submitted_plan(db, actors, network)
    with pytest.raises(PermissionDenied):
        submission_service.approve(db, actors["bruges"], plan.id, plan.version)
    approved = submission_service.approve(db, actors["secretariat"], plan.id, plan.version)
    assert approved.status == "approved"


def test_public_version_leaves_out_the_budget_and_a_funder_sees_only_its_lines(db, actors, network):
    submitted_plan(db, actors, network)
    full = service.plan_view(db, actors["advisory"], network.id)
    assert full.full and len(full.plan.budget) == 2
    public = service.plan_view(db, actors["cordoba"], network.id)
    assert not public.full and public.plan.budget == () and public.own_lines == ()
    funder = service.plan_view(db, actors["bruges"], network.id)
    assert funder.plan.budget == () and [line.amount for line in funder.own_lines] == [PLANTED]
    assert [a.title for a in public.plan.activities] == ["Kick-off", "Workshop in Évora"]


@pytest.mark.parametrize("language", ["fr", "en", "es"])
def test_planted_amount_is_in_the_full_pdf_and_in_no_byte_of_the_public_one(
    db, actors, network, language
):
    submitted_plan(db, actors, network)
    full = pdf_text(service.plan_pdf(db, actors["secretariat"], network.id, False, language))
    money = i18n.format_money(Decimal(PLANTED), "EUR", language)
    assert money.replace("\u202f", " ").replace("\xa0", " ") in full
    for reader in ("cordoba", "bruges", "secretariat"):
        data = service.plan_pdf(db, actors[reader], network.id, True, language)
        text = pdf_text(data)
        assert not any(r in text for r in PLANTED_RENDERINGS), reader
        assert not any(r.encode() in data for r in PLANTED_RENDERINGS), reader
        assert "Interpreters" not in text and "Workshop in Évora" in text
    with pytest.raises(PermissionDenied):
        service.plan_pdf(db, actors["cordoba"], network.id, False, language)


def test_budget_exports_follow_the_access_rules(db, actors, network):
    submitted_plan(db, actors, network)
    with pytest.raises(PermissionDenied):
        service.budget_csv(db, actors["cordoba"], network.id, "fr")
    with pytest.raises(PermissionDenied):
        service.budget_xlsx(db, actors["quebec"], network.id, "fr")
    assert b"BEGIN:VCALENDAR" in service.calendar_ics(db, actors["cordoba"], network.id, "fr")
    own = service.budget_csv(db, actors["bruges"], network.id, "en").decode("utf-8-sig")
    assert PLANTED in own and "Room and meals" not in own
    workbook = load_workbook(
        io.BytesIO(service.budget_xlsx(db, actors["secretariat"], network.id, "fr"))
    )
    assert workbook.sheetnames == ["Lignes budgétaires", "Par bailleur", "Par catégorie"]
    lines = workbook["Lignes budgétaires"]
    amounts = [row[4] for row in lines.iter_rows(min_row=2, max_row=3, values_only=True)]
    assert sorted(Decimal(str(a)) for a in amounts) == [Decimal("4000"), Decimal(PLANTED)]
    assert lines.cell(2, 5).number_format == "#,##0.00"
    assert lines.cell(4, 5).value == "=SUM(E2:E3)"


def test_plan_rules_named_field_by_field(db, actors, network):
    bruges_id = actors["bruges"].city_id
    bad = a_plan(
        bruges_id,
        activities=(
            Activity("international_workshop", "Too long", date(2024, 5, 14), date(2024, 5, 17)),
        ),
        budget=(
            BudgetLine("travel", "Flights", "-10", "EUR", "pilot_city"),
            BudgetLine(
                "travel", "Hotel", "1.005", "GBP", "participating_city", actors["quebec"].city_id
            ),
        ),
    )
    draft = service.start_plan(db, actors["secretariat"], network.id)
    with pytest.raises(ValidationError) as refused:
        submission_service.submit(db, actors["secretariat"], draft.id, bad, draft.version)
    errors = {e.field: e for e in refused.value.errors}
    assert set(errors) == {
        "activities.0.ends",
        "budget.0.amount",
        "budget.1.amount",
        "budget.1.currency",
        "budget.1.funder_city",
    }
    assert errors["activities.0.ends"].params["days"] == 4
    text = i18n.field_error_text(errors["budget.0.amount"], "fr")
    assert text == "Ligne budgétaire 1 › Montant — ne peut pas être négatif."


def test_round_table_times_across_daylight_saving_changes():
    summer = to_utc(date(2023, 6, 22), time(10), "America/Toronto")
    assert summer == datetime(2023, 6, 22, 14)
    assert in_zone(summer, "Europe/Brussels").hour == 16
    winter = to_utc(date(2024, 1, 10), time(10), "America/Toronto")
    assert in_zone(winter, "Europe/Brussels").hour == 16 and winter.hour == 15
    # 10 March 2024: North America has moved its clocks, Europe only moves on 31 March
    between = to_utc(date(2024, 3, 15), time(10), "America/Toronto")
    assert in_zone(between, "Europe/Brussels").hour == 15
    assert (
        in_zone(to_utc(date(2024, 4, 2), time(10), "America/Toronto"), "Europe/Brussels").hour == 16
    )


def test_demo_round_tables_four_and_five(db, actors):
    tables = {t.number: t for t in service.round_tables(db, actors["cordoba"])}
    assert tables[4].host_city_name == "Bruges" and tables[5].host_city_name == "Bordeaux"
    assert (
        in_zone(tables[4].starts_at, "America/Toronto").strftime("%Y-%m-%d %H:%M")
        == "2023-06-22 10:00"
    )
    assert in_zone(tables[4].starts_at, "Europe/Brussels").hour == 16
    assert (
        in_zone(tables[5].starts_at, "Europe/Paris").strftime("%Y-%m-%d %H:%M")
        == "2023-07-06 16:00"
    )


def test_round_tables_are_recorded_by_the_secretariat(db, actors):
    table = RoundTable(
        None,
        6,
        "Heritage and climate",
        "Host (demo)",
        "Mayor",
        3,
        datetime(2023, 9, 1, 14),
        "not a link",
    )
    with pytest.raises(PermissionDenied):
        service.save_round_table(db, actors["bordeaux"], table)
    with pytest.raises(ValidationError):
        service.save_round_table(db, actors["secretariat"], table)
    saved = service.save_round_table(
        db, actors["secretariat"], dataclasses.replace(table, recording_url="https://x.org/r")
    )
    assert saved.id is not None


def test_calendar_ics_holds_activities_round_tables_and_the_meeting(db, actors):
    data = service.calendar_ics(db, actors["bruges"], 1, "fr").decode("utf-8")
    assert data.startswith("BEGIN:VCALENDAR") and data.count("BEGIN:VEVENT") >= 3
    assert "DTSTART:20230622T140000Z" in data


def test_an_action_plan_is_only_started_for_the_network_the_city_pilots(db, actors, network):
    bordeaux = actors["bordeaux"]  # pilots network 1 (demo), not the Évora network
    with pytest.raises(PermissionDenied):
        submission_service.start_submission(
            db, bordeaux, "action_plan", bordeaux.city_id, network.id
        )
    with pytest.raises(PermissionDenied):
        submission_service.start_submission(db, bordeaux, "theme_sheet", bordeaux.city_id, 1)
    assert (
        submission_service.start_submission(
            db, bordeaux, "action_plan", bordeaux.city_id, 1
        ).network_id
        == 1
    )
