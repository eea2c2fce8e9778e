"""Coded values are read by their name, in the reader's language, wherever a stored value is
shown back: the differences between revisions, a conflict's stored version, the audit trail."""

import pytest

from ovpm import i18n
from ovpm.domain.submission_rules import differences

AXIS_2 = {
    "fr": "Axe 2 — Villes résilientes",
    "en": "Axis 2 — Resilient cities",
    "es": "Eje 2 — Ciudades resilientes",
}
CODED = {  # field key, stored code → start of its name in fr, en, es
    ("activities.0.kind", "international_workshop"): (
        "Atelier international",
        "International workshop",
        "Taller internacional",
    ),
    ("activities.0.status", "done"): ("Terminé", "Done", "Terminado"),
    ("budget.1.category", "venue_meals"): ("Salle et repas", "Venue and meals", "Sala y comidas"),
    ("budget.1.funder", "general_secretariat"): (
        "Secrétariat général",
        "General Secretariat",
        "Secretaría General",
    ),
    ("status", "changes_requested"): (
        "Modifications demandées",
        "Changes requested",
        "Cambios solicitados",
    ),
}


@pytest.mark.parametrize("language", ["fr", "en", "es"])
def test_the_axis_in_the_differences_is_shown_by_its_name(language):
    older = {"themes": [{"title": "Quays", "description": "", "axis": None}]}
    newer = {"themes": [{"title": "Quays", "description": "", "axis": 2}]}
    [(field, before, after)] = differences("theme_sheet", older, newer)
    assert i18n.field_value(field, before, language) == ""
    assert i18n.field_value(field, after, language).startswith(AXIS_2[language])


@pytest.mark.parametrize("index, language", [(0, "fr"), (1, "en"), (2, "es")])
def test_kinds_statuses_categories_and_funders_are_shown_by_their_name(index, language):
    for (field, code), names in CODED.items():
        shown = i18n.field_value(field, code, language)
        assert shown.startswith(names[index]), (field, code, shown)


def test_dates_follow_the_reader_and_free_text_stays_as_typed():
    assert i18n.field_value("activities.0.starts", "2024-03-01", "fr") == "1 mars 2024"
    assert i18n.field_value("themes.0.title", "kind", "fr") == "kind"


def test_an_audit_entry_reads_as_labels_and_names():
    text = i18n.record_text({"status": "approved", "revision": 2}, "fr")
    assert text == "Statut : Approuvée · Révision : 2"
