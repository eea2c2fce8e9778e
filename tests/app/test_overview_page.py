"""The progress overview: the figures on screen are those of the briefing pack; a city sees
its own city and networks; the Secretariat sets the targets."""

from datetime import date
from pathlib import Path

from streamlit.testing.v1 import AppTest

from ovpm.services import progress as service
from tests.app.test_budget_page import everything_shown
from tests.conftest import signed_in_state
from tests.services.test_networks import pdf_text

ROOT = Path(__file__).resolve().parents[2]


def overview_page(username: str, view: str | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / "overview.py"), default_timeout=60)
    for name, value in signed_in_state(username).items():
        at.session_state[name] = value
    if view:
        at.session_state["overview_view"] = view
    return at.run()


def shown_figures(at: AppTest) -> list[str]:
    return [f"{m.label} {m.value}".replace("\u202f", " ").replace("\xa0", " ") for m in at.metric]


def test_the_briefing_pack_carries_the_figures_on_screen(db, actors):
    at = overview_page("advisory")
    assert not at.exception and not at.error
    on_screen = shown_figures(at)
    assert on_screen[0] == "Jours restants avant le 17e Congrès mondial 207"
    on_screen = shown_figures(overview_page("advisory", "Budget"))
    assert len(on_screen) == 11  # five key figures, four budget totals, the envelope and its use
    pack = pdf_text(
        service.briefing_pdf(db, actors["advisory"], service.Scope(), date(2024, 1, 18), "fr")
    )
    for figure in on_screen:
        assert figure in pack


def test_a_city_sees_its_own_city_and_networks_only(db_path):
    for view in ("Étapes", "Réseaux", "Villes", "Ce qui a changé"):
        at = overview_page("bordeaux", view)
        assert not at.exception and not at.error
        text = everything_shown(at)
        assert "Kazan" not in text and "Multicultural" not in text and "Córdoba" not in text
    assert "Living with water" in everything_shown(overview_page("bordeaux", "Réseaux"))
    assert [m.value for m in overview_page("bordeaux").metric][1:3] == ["1", "1"]


def test_only_the_secretariat_has_the_targets_and_saves_them(db_path):
    assert "Paramètres du cycle" not in [t.label for t in overview_page("advisory").tabs]
    at = overview_page("secretariat", "Paramètres du cycle")
    workshop = next(d for d in at.date_input if d.label == "Atelier international")
    workshop.set_value(date(2024, 5, 31))
    next(b for b in at.button if b.label == "Enregistrer les paramètres").click().run()
    assert "Paramètres enregistrés." in [s.value for s in at.success]
    assert [m.value for m in at.metric][4] == "0"  # nothing due in the next 30 days any more
