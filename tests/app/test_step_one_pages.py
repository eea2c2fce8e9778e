"""The step-1 screens in AppTest: rule-breaking input named in the user's language and kept,
and what each role may see and do."""

import dataclasses
from pathlib import Path

from streamlit.testing.v1 import AppTest

from ovpm.domain.submissions import Theme, ThemeSheet
from ovpm.services import submissions as service
from ovpm.store.db import open_database
from tests.conftest import signed_in_state

ROOT = Path(__file__).resolve().parents[2]


def page(name: str, username: str, language: str = "fr", **query) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / f"{name}.py"), default_timeout=30)
    for key, value in signed_in_state(username).items():
        at.session_state[key] = value
    at.session_state["ovpm_language"] = language
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def test_rule_breaking_theme_sheet_is_refused_in_spanish_and_nothing_typed_is_lost(db_path, actors):
    database = open_database(db_path)
    quebec = actors["quebec"]
    current = service.current_submission(database, quebec, "theme_sheet", quebec.city_id)
    sheet = ThemeSheet.from_dict(current.content)
    six = tuple(Theme(f"Tema {i}", "Descripción", 1) for i in range(6))
    service.save_draft(
        database,
        quebec,
        current.id,
        dataclasses.replace(sheet, themes=six, priority=None),
        current.version,
    )
    at = page("theme_sheet", "quebec", "es")
    challenges = next(t for t in at.text_area if t.label.startswith("Situación"))
    challenges.input("palabra " * 501)
    email = [t for t in at.text_input if t.label == "Correo electrónico"][2]  # the coordinator
    email.input("")
    next(b for b in at.button if b.label == "Enviar").click().run()
    errors = "\n".join(e.value for e in at.error)
    assert "No enviada. Lo que escribió se guardó como borrador" in errors
    assert "Situación y principales desafíos — tiene 501 palabras; el límite es de 500" in errors
    assert "Coordinador interservicios › Correo electrónico — es obligatorio." in errors
    assert "Temáticas identificadas — debe tener entre 1 y 5 temáticas; hay 6." in errors
    kept = service.get_submission(database, quebec, current.id)
    assert kept.content["challenges"] == "palabra " * 501
    assert kept.content["interservice_coordinator"]["email"] == ""
    assert len(kept.content["themes"]) == 6 and kept.status == "draft"
    at.run()
    again = next(t for t in at.text_area if t.label.startswith("Situación"))
    assert again.value == "palabra " * 501


def test_no_priority_theme_is_named(db_path, actors):
    database = open_database(db_path)
    quebec = actors["quebec"]
    current = service.current_submission(database, quebec, "theme_sheet", quebec.city_id)
    sheet = ThemeSheet.from_dict(current.content)
    service.save_draft(
        database, quebec, current.id, dataclasses.replace(sheet, priority=None), current.version
    )
    at = page("theme_sheet", "quebec", "en")
    next(b for b in at.button if b.label == "Submit").click().run()
    errors = "\n".join(e.value for e in at.error)
    assert "Priority theme — must be one of the identified themes." in errors


def test_city_user_cannot_open_another_citys_submission(db_path, actors):
    database = open_database(db_path)
    bordeaux_sheet = service.current_submission(
        database, actors["bordeaux"], "theme_sheet", actors["bordeaux"].city_id
    )
    at = page("submission", "bruges", id=str(bordeaux_sheet.id))
    assert [w.value for w in at.warning] == [
        "Cette soumission n'existe pas ou ne vous est pas visible."
    ]
    assert len(at.title) == 0 and len(at.dataframe) == 0 and len(at.get("download_button")) == 0


def test_city_user_forms_are_bound_to_its_own_city(db_path, actors):
    at = page("theme_sheet", "bruges", city=str(actors["bordeaux"].city_id))
    assert not any(s.label.startswith("Ville (le Secrétariat") for s in at.selectbox)
    text = "\n".join(m.value for m in at.markdown)
    assert "Bordeaux" not in text


def test_advisory_reads_and_comments_but_has_no_review_buttons(db_path, actors):
    database = open_database(db_path)
    bruges = service.current_submission(
        database, actors["bruges"], "theme_sheet", actors["bruges"].city_id
    )
    at = page("submission", "advisory", "en", id=str(bruges.id))
    at.session_state["submission_view"] = "Comments"
    at.run()
    labels = {b.label for b in at.button}
    assert "Approve" not in labels and "Request changes" not in labels and "Edit" not in labels
    assert "Add the comment" in labels
    body = next(t for t in at.text_area if t.label == "Your advice")
    body.input("Think about the tourism tax.")
    next(b for b in at.button if b.label == "Add the comment").click().run()
    comments = [c.body for c in service.comments(database, actors["bruges"], bruges.id)]
    assert "Think about the tourism tax." in comments


def test_secretariat_sees_the_review_queue_oldest_first(db_path):
    at = page("submissions", "secretariat")
    assert at.title[0].value == "File d'examen"
    queue = at.dataframe[0].value
    assert len(queue) > 0 and set(queue["status"]) == {"Soumise"}


def test_theme_overview_shows_only_approved_priority_themes_to_a_city(db_path):
    at = page("themes", "bruges")
    priority = at.dataframe[0].value
    assert "Bordeaux" in set(priority["city"]) and "Bruges" not in set(priority["city"])


def test_city_overview_lists_the_two_step_one_forms_and_opens_them(db_path):
    at = page("submissions", "bordeaux")
    headings = [m.value for m in at.markdown if m.value.startswith("#### ")]
    assert headings == ["#### Expression d'intérêt", "#### Fiche thématique"]
    labels = [b.label for b in at.button]
    assert labels.count("Ouvrir le formulaire") == 2
