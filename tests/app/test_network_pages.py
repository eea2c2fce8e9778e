"""Network screens in AppTest: the public screen never shows the budget; a participating city
sees its own contribution lines; only the pilot city and the Secretariat edit the plan."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ovpm import i18n
from ovpm.store.db import open_database
from tests.conftest import signed_in_state
from tests.services.test_networks import PLANTED_RENDERINGS, submitted_plan

ROOT = Path(__file__).resolve().parents[2]


def page(name: str, username: str, language: str = "fr", view: str | None = None, **query):
    at = AppTest.from_file(str(ROOT / "pages" / f"{name}.py"), default_timeout=30)
    for key, value in signed_in_state(username).items():
        at.session_state[key] = value
    at.session_state["ovpm_language"] = language
    if view:
        at.session_state[f"{name}_view"] = view
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def everything_shown(at: AppTest) -> str:
    parts = [e.value for e in at.title] + [e.value for e in at.markdown]
    parts += [e.value for e in at.caption] + [e.value for e in at.text]
    parts += [e.value.to_string() for e in at.dataframe] + [str(e.value) for e in at.table]
    parts += [e.value for e in at.info] + [e.value for e in at.warning]
    return "\n".join(str(p) for p in parts).replace("\u202f", " ").replace("\xa0", " ")


@pytest.fixture
def planted_network(db_path, actors):
    from ovpm.services import networks as service
    from tests.services.test_networks import theme_sheet_id

    db = open_database(db_path)
    network = service.create_network(
        db, actors["secretariat"], theme_sheet_id(db, actors, "Évora"), "Walled cities"
    )
    service.invite(db, actors["secretariat"], network.id, actors["bruges"].city_id)
    service.decide(db, actors["secretariat"], network.id, actors["bruges"].city_id, True)
    submitted_plan(db, actors, network)
    return network


NETWORK_VIEWS = ("Members", "Action plan", "Calendar", "Meetings", "History")


def every_view(username: str, language: str, network_id: int) -> str:
    """Everything the network page shows in all its views (only the open one is built)."""
    _ = i18n.translator(language)
    shown = []
    for view in NETWORK_VIEWS:
        at = page("network", username, language, _(view), id=str(network_id))
        assert not at.exception
        shown.append(everything_shown(at))
    return "\n".join(shown)


@pytest.mark.parametrize("language", ["fr", "en", "es"])
def test_public_screen_shows_no_budget_and_the_funder_only_its_line(planted_network, language):
    outsider = every_view("cordoba", language, planted_network.id)
    assert "Workshop in Évora" in outsider
    assert not any(r in outsider for r in PLANTED_RENDERINGS)
    assert "Room and meals" not in outsider and "Interpreters" not in outsider
    funder = every_view("bruges", language, planted_network.id)
    assert "Interpreters FR/EN/ES" in funder and any(r in funder for r in PLANTED_RENDERINGS)
    assert "Room and meals" not in funder
    full = every_view("advisory", language, planted_network.id)
    assert "Room and meals" in full and any(r in full for r in PLANTED_RENDERINGS)


@pytest.mark.parametrize("account", ["secretariat", "advisory", "bordeaux", "bruges", "cordoba"])
def test_network_page_renders_for_every_role(db_path, account):
    at = page("network", account, id="1")
    assert not at.exception
    assert at.title[0].value == "Living with water"


def test_only_the_pilot_city_and_the_secretariat_open_the_plan_editor(db_path):
    pilot = page("action_plan", "bordeaux", network="1")
    assert pilot.title[0].value == "Plan d'action — Living with water"
    for outsider in ("bruges", "cordoba"):
        at = page("action_plan", outsider, network="1")
        assert len(at.title) == 0 and len(at.text_area) == 0
        assert at.warning[0].value.startswith("Seuls la ville pilote")


def test_a_city_asks_to_join_from_the_network_page(db_path, actors):
    at = page("network", "cordoba", id="1")
    next(b for b in at.button if b.label == "Demander à rejoindre ce réseau").click().run()
    assert any("Votre demande a été transmise" in s.value for s in at.success)
    from ovpm.services import networks as service

    assert service.my_status(open_database(db_path), actors["cordoba"], 1) == "asked_to_join"


def test_round_tables_show_three_time_zones(db_path):
    text = everything_shown(page("round_tables", "cordoba"))
    assert "22 juin 2023 10:00 UTC−4 Québec" in text
    assert "22 juin 2023 16:00 UTC+2 Bruges" in text
    assert "6 juil. 2023 16:00 UTC+2 Bordeaux" in text


def test_networks_overview_lists_every_network(db_path):
    at = page("networks", "quebec")
    table = at.dataframe[0].value
    assert set(table["name"]) == {
        "Living with water",
        "Multicultural neighbourhoods",
        "Living Andean heritage",
        "Heritage and creative economy",
    }


def test_network_history_hides_review_comments_from_other_cities(db_path):
    from ovpm.services import networks as service
    from ovpm.store import users

    db = open_database(db_path)
    with db.reading() as cur:
        outsider, secretariat = users.find(cur, "cordoba"), users.find(cur, "secretariat")
    assert "comment" not in service.history(db, outsider, 1).columns
    full = service.history(db, secretariat, 1)
    assert "A clear plan (demo)." in set(full["comment"])


@pytest.mark.parametrize("account", ["secretariat", "advisory", "bordeaux"])
def test_the_action_plan_submission_opens_with_its_budget_and_pdf(db_path, account):
    from ovpm.services import submissions as submission_service
    from ovpm.store import users

    db = open_database(db_path)
    with db.reading() as cur:
        reader = users.find(cur, account)
    plans = submission_service.listing(db, reader, kinds=["action_plan"])
    plan_id = int(plans[plans["city"] == "Bordeaux"].iloc[0]["id"])
    at = page("submission", account, id=str(plan_id))
    assert not at.exception and not at.error
    shown = everything_shown(at)
    assert "Interpreters FR/EN/ES for the workshop" in shown and "6 800,00 €" in shown
    data = submission_service.submission_pdf(db, reader, plan_id, 1, "fr")
    assert data.startswith(b"%PDF")


def test_a_recording_link_is_a_link_only_for_a_web_address(db_path, monkeypatch):
    from tests.app.test_literal_text import open_screen

    monkeypatch.setenv("OVPM_DB", str(db_path))
    at = open_screen("round_tables", "secretariat", {}, {})
    links = [m.value for m in at.markdown if "](https://video.example.org/" in m.value]
    assert links and all(link.startswith("Lien de l\\'enregistrement : [https") for link in links)


def test_a_network_without_members_says_so_in_the_readers_language(db_path, monkeypatch):
    from ovpm.services import networks as network_service
    from tests.app.test_literal_text import open_screen

    monkeypatch.setenv("OVPM_DB", str(db_path))
    monkeypatch.setattr(network_service, "members", lambda db, user, network_id: [])
    at = open_screen("network", "secretariat", {"id": "1"}, {})
    assert "Aucune ville membre pour l'instant." in [i.value for i in at.info]
    assert not any(list(frame.value.columns) == ["city", "status"] for frame in at.dataframe)
