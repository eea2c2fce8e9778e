"""Every number input of every form refuses an out-of-range value with a message naming the
field, in the reader's language (never the generic error of a failed page); the filters'
number inputs are bounded by the widget itself."""

import pytest

from tests.app.test_literal_text import open_screen
from tests.conftest import PINNED_TODAY

# screen, what opens its form, query, the number field, a value out of range, the message
FORMS = [
    (
        "round_tables",
        {"round_table_new_open": True},
        {},
        "Numéro",
        99999999999,
        "Numéro — doit être un nombre entier de 1 à 999.",
    ),
    (
        "cities",
        {"city_view": "Ajouter une ville"},
        {},
        "Latitude",
        123.0,
        "Latitude — doit être comprise entre -90 et 90.",
    ),
    (
        "cities",
        {"city_view": "Ajouter une ville"},
        {},
        "Longitude",
        -999.0,
        "Longitude — doit être comprise entre -180 et 180.",
    ),
    (
        "network",
        {"network_view": "Réunions", "network_meeting_open": True},
        {"id": "1"},
        "Durée (minutes)",
        99999999999,
        "Durée (minutes) — doit être d’au plus 720 minutes.",
    ),
    (
        "network",
        {"network_view": "Réunions", "network_meeting_open": True},
        {"id": "1"},
        "Durée (minutes)",
        -5,
        "Durée (minutes) — doit être d’au moins une minute.",
    ),
]
FILTERS = [("submissions", {}, "En attente depuis au moins (jours)"), ("address_book", {}, "Page")]


@pytest.fixture
def env(db_path, monkeypatch):
    monkeypatch.setenv("OVPM_DB", str(db_path))
    monkeypatch.setenv("OVPM_TODAY", PINNED_TODAY)


@pytest.mark.parametrize(("screen", "state", "query", "label", "value", "message"), FORMS)
def test_an_out_of_range_number_is_refused_naming_the_field(
    env, screen, state, query, label, value, message
):
    at = open_screen(screen, "secretariat", query, state)
    [field] = [n for n in at.number_input if n.label == label]
    field.set_value(value)
    [save] = [b for b in at.button if b.label == "Enregistrer" and b.proto.is_form_submitter]
    save.click().run()
    assert not at.exception
    errors = "\n".join(e.value for e in at.error)
    assert message in errors
    assert "Une erreur s'est produite sur cette page" not in errors


@pytest.mark.parametrize(("screen", "state", "label"), FILTERS)
def test_the_number_filters_are_bounded(env, screen, state, label):
    at = open_screen(screen, "secretariat", {}, state)
    [field] = [n for n in at.number_input if n.label == label]
    assert field.min is not None and field.max is not None
