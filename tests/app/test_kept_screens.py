"""What screens keep between reruns (`ui.kept`) never outlives a save, and follows the reader's
language and role."""

import dataclasses
from datetime import date
from decimal import Decimal
from pathlib import Path

from streamlit.testing.v1 import AppTest

from ovpm.domain.budget import Entry
from ovpm.services import budget as budget_service
from ovpm.services import cities as city_service
from ovpm.services import contacts as contact_service
from tests.budget_scenario import lines_by_key
from tests.conftest import signed_in_state

ROOT = Path(__file__).resolve().parents[2]


def page(key: str, username: str, language: str = "fr") -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / f"{key}.py"), default_timeout=30)
    for name, value in signed_in_state(username).items():
        at.session_state[name] = value
    at.session_state["ovpm_language"] = language
    return at.run()


def cells(at: AppTest) -> str:
    return "\n".join(frame.value.to_string() for frame in at.dataframe)


def test_a_contact_saved_elsewhere_shows_on_the_next_rerun(db, actors):
    at = page("address_book", "advisory")
    contact = contact_service.get_contact(db, actors["secretariat"], 3)
    assert "+99 555 0101" not in cells(at)
    contact_service.save_contact(
        db, actors["secretariat"], dataclasses.replace(contact, phone="+99 555 0101")
    )
    assert "+99 555 0101" in cells(at.run())


def test_a_city_renamed_elsewhere_shows_in_the_directory_and_its_map(db, actors):
    at = page("cities", "bordeaux")
    city = city_service.get_city(db, actors["secretariat"], actors["bruges"].city_id)
    city_service.save_city(db, actors["secretariat"], dataclasses.replace(city, name="Brugge"))
    at.run()
    assert "Brugge" in cells(at)
    (chart,) = at.get("vega_lite_chart")
    assert b"Brugge" in chart.proto.datasets[0].data.data  # the map's rows (Arrow)


def test_a_budget_entry_moves_the_totals_on_the_next_rerun(db, actors):
    at = page("budget", "advisory", "en")
    spent_before = {m.label: m.value for m in at.metric}["Spent"]
    water = lines_by_key(db, actors, "Living with water")
    line = next(iter(water.values()))
    expense = Entry(None, line.id, "expense", date(2024, 2, 20), Decimal("1000.00"), "INV-9")
    budget_service.record_entry(db, actors["secretariat"], expense)
    assert {m.label: m.value for m in at.run().metric}["Spent"] != spent_before


def test_what_is_kept_follows_the_readers_language_and_role(db_path):
    french = cells(page("cities", "advisory", "fr"))
    spanish = cells(page("cities", "advisory", "es"))
    assert "Europe et Amérique du Nord" in french
    assert "Europa y América del Norte" in spanish
    assert "good_standing" in page("cities", "advisory").dataframe[0].value.columns
    assert "good_standing" not in page("cities", "bordeaux").dataframe[0].value.columns
