"""The budget screen: totals as worked by hand, what each role sees, recording, missing rates."""

from datetime import date
from decimal import Decimal
from pathlib import Path

from streamlit.testing.v1 import AppTest

from ovpm import i18n
from ovpm.domain.budget import Entry
from ovpm.services import budget as budget_service
from ovpm.services.users import create_user
from ovpm.store import cities
from tests.app.test_pages import shown_text
from tests.budget_scenario import ANDES, HAND, andes_with_entries, lines_by_key
from tests.conftest import signed_in_state

ROOT = Path(__file__).resolve().parents[2]


def budget_page(username: str, view: str | None = None) -> AppTest:
    """The budget screen, on one of its views (tabs) when given."""
    at = AppTest.from_file(str(ROOT / "pages" / "budget.py"), default_timeout=30)
    for name, value in signed_in_state(username).items():
        at.session_state[name] = value
    if view:
        at.session_state["budget_view"] = view
    return at.run()


def everything_shown(at: AppTest) -> str:
    """Texts and every cell of every table (a table's repr would cut long ones)."""
    cells = [
        str(value)
        for frame in at.dataframe
        for column in frame.value.columns
        for value in [column, *frame.value[column].tolist()]
    ]
    return shown_text(at) + "\n" + "\n".join(cells)


def metrics(at: AppTest) -> list[str]:
    return [m.value for m in at.metric]


def test_screen_totals_equal_the_hand_computation(db, actors):
    andes_with_entries(db, actors)
    at = budget_page("secretariat")
    at.multiselect(key="budget_networks").set_value([ANDES]).run()
    assert not at.exception and not at.error
    assert metrics(at) == [
        i18n.format_money(HAND[key], "EUR", "fr")
        for key in ("planned", "committed", "spent", "variance")
    ]
    assert "Lignes en dépassement : 1." in shown_text(at)


VIEWS = ("Par réseau", "Par catégorie", "Par bailleur", "Par mois", "Lignes et écritures")


def test_a_funding_city_sees_only_its_own_line_and_no_envelope(db, actors):
    # Bruges funds one line of 'Living with water' and reads the costs of its own Mission4City
    # request (demo_missions: 1850 + 640 + 500 EUR)
    for view in VIEWS:
        at = budget_page("bruges", view)
        text = everything_shown(at)
        assert not at.exception and not at.error
        assert "Interpreters" not in text and "Three international experts" not in text
        assert "Multicultural" not in text and "Flood-proofing" not in text
        assert "enveloppe" not in text
        assert metrics(at)[0] == i18n.format_money(Decimal("4240.00"), "EUR", "fr")
    assert "Translation of the constitution sheet" in text  # the lines view, last


def test_a_city_with_no_line_is_told_so(db, actors):
    with db.reading() as cur:
        warsaw = next(i for i, name in cities.names(cur).items() if name == "Warsaw")
    create_user(
        db,
        None,
        "warsaw",
        "Officer (test)",
        "w@example.org",
        "city",
        warsaw,
        "fr",
        "a fine long phrase",
    )
    at = budget_page("warsaw")
    assert not at.exception
    assert at.info[0].value.startswith("Votre ville n'a aucune ligne budgétaire à suivre")
    assert len(at.metric) == 0 and len(at.dataframe) == 0


def test_the_pilot_city_records_an_expense_and_the_totals_move(db, actors):
    spent = budget_service.report(db, actors["bordeaux"]).total("spent")
    assert spent == Decimal("11248.40")
    at = budget_page("bordeaux", "Lignes et écritures")
    assert metrics(at)[2] == i18n.format_money(spent, "EUR", "fr")
    water = lines_by_key(db, actors, "Living with water")
    venue = next(v for v in water.values() if v.description == "Room and meals, three days")
    at.selectbox(key="budget_line").set_value(venue.id).run()
    next(d for d in at.date_input if d.label == "Date").set_value(date(2024, 2, 28))
    next(t for t in at.text_input if t.label == "Montant").set_value("abc")
    next(b for b in at.button if b.label == "Enregistrer l'écriture").click().run()
    assert "Montant — doit être un montant supérieur à zéro." in at.error[0].value
    assert metrics(at)[2] == i18n.format_money(spent, "EUR", "fr")  # nothing saved
    next(s for s in at.selectbox if s.label == "Type d'écriture").set_value("expense")
    next(t for t in at.text_input if t.label == "Montant").set_value("1 000,50")
    next(b for b in at.button if b.label == "Enregistrer l'écriture").click().run()
    assert not at.error
    assert "Écriture enregistrée." in [s.value for s in at.success]
    assert metrics(at)[2] == i18n.format_money(spent + Decimal("1000.50"), "EUR", "fr")


def test_a_missing_rate_is_named_on_screen(db, actors):
    water = lines_by_key(db, actors, "Living with water")
    video = next(v for v in water.values() if v.currency == "CAD")
    budget_service.record_entry(
        db,
        actors["secretariat"],
        Entry(None, video.id, "expense", date(2022, 11, 30), Decimal("10.00")),
    )
    at = budget_page("advisory")
    assert not at.exception
    assert "Aucun taux CAD en vigueur le 30 nov. 2022" in at.error[0].value
    assert len(at.metric) == 0


def test_a_typed_reference_is_shown_literally(db, actors):
    water = lines_by_key(db, actors, "Living with water")
    venue = next(v for v in water.values() if v.description == "Room and meals, three days")
    budget_service.record_entry(
        db,
        actors["bordeaux"],
        Entry(
            None,
            venue.id,
            "expense",
            date(2024, 2, 1),
            Decimal("1.00"),
            "[x](http://a.example) $1$",
        ),
    )
    at = budget_page("bordeaux", "Lignes et écritures")
    at.selectbox(key="budget_line").set_value(venue.id).run()
    shown = [m.value for m in at.markdown if "http" in m.value]
    assert shown and all("\\[x\\]\\(http\\:" in m and "\\$1\\$" in m for m in shown)


def test_the_secretariat_records_a_rate_and_a_wrong_one_is_named(db, actors):
    at = budget_page("secretariat", "Taux de change")
    next(t for t in at.text_input if t.label.startswith("1 unité en")).set_value("abc")
    next(b for b in at.button if b.label == "Enregistrer le taux").click().run()
    error = at.error[0].value
    assert "Valable à partir du — est obligatoire." in error
    assert "Taux de change — doit être un nombre supérieur à zéro." in error
    next(d for d in at.date_input if d.label == "Valable à partir du").set_value(date(2024, 2, 1))
    next(t for t in at.text_input if t.label.startswith("1 unité en")).set_value("0,6800")
    next(b for b in at.button if b.label == "Enregistrer le taux").click().run()
    assert "Taux enregistré." in [s.value for s in at.success]
    from ovpm.services import money

    rates = money.rates(db, actors["advisory"])
    assert ("CAD", date(2024, 2, 1), Decimal("0.68")) in [
        (r.currency, r.valid_from, r.rate) for r in rates
    ]
