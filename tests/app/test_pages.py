"""Every page under every role, and opened directly while signed out (Datasette-style matrix)."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ovpm.domain.models import ContactKind
from ovpm.ui.navigation import SCREENS
from tests.conftest import signed_in_state

ROOT = Path(__file__).resolve().parents[2]
ROLES_BY_ACCOUNT = {"secretariat": "secretariat", "advisory": "advisory", "bordeaux": "city"}
TITLES_FR = {
    "home": "Bienvenue",
    "cities": "Villes membres",
    "address_book": "Carnet d'adresses",
    "users": "Utilisateurs",
    "audit": "Journal d'audit",
    "account": "Mon compte",
    "backup": "Sauvegarde",
    "data_import": "Importer",
    "submissions": ("Mes soumissions", "File d'examen", "Soumissions"),
    "expression": "Expression d'intérêt",
    "theme_sheet": "Fiche thématique",
    "themes": "Vue des thématiques",
    "submission": "Cette soumission",
    "networks": "Réseaux collaboratifs",
    "round_tables": "Tables rondes thématiques",
    "budget": "Suivi budgétaire",
    "overview": "Vue d'avancement",
    "network": "Ce réseau",
    "action_plan": "Seuls la ville pilote",
    "workshops": "Ateliers internationaux",
    "deliverable": "Seuls la ville pilote",
    "meetings": "Réunions",
    "meeting": "Cette réunion",
    "collective": "Diagnostic, groupes et germes",
    "pilot_projects": "Projets pilotes",
    "pilot_project": "Ce projet pilote",
    "contribution": "Ce réseau",
    "mission4city": "Mission4City",
    "mission": "Cette demande",
    "library": "Bibliothèque des bonnes pratiques",
}


def open_page(key: str, username: str | None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / f"{key}.py"), default_timeout=30)
    if username:
        for name, value in signed_in_state(username).items():
            at.session_state[name] = value
    return at.run()


def shown_text(at: AppTest) -> str:
    parts = [e.value for e in at.title] + [e.value for e in at.markdown]
    parts += [str(e.value) for e in at.dataframe] + [e.value for e in at.caption]
    parts += [str(e.value) for e in at.table]
    return "\n".join(parts)


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: s.key)
def test_signed_out_direct_url_shows_no_data(db_path, screen):
    at = open_page(screen.key, None)
    assert not at.exception
    assert [w.value for w in at.warning] == ["Veuillez vous connecter pour voir cette page."]
    assert len(at.dataframe) == 0 and len(at.title) == 0 and len(at.text_input) == 0


@pytest.mark.parametrize("screen", SCREENS, ids=lambda s: s.key)
@pytest.mark.parametrize("account", list(ROLES_BY_ACCOUNT))
def test_page_access_matrix(db_path, screen, account):
    at = open_page(screen.key, account)
    assert not at.exception, at.exception
    allowed = ROLES_BY_ACCOUNT[account] in screen.roles
    if allowed:
        assert not any("Une erreur s'est produite" in e.value for e in at.error)
        expected = TITLES_FR[screen.key]
        shown = at.title[0].value if at.title else at.warning[0].value
        assert shown.startswith(expected if isinstance(expected, tuple) else (expected,))
    else:
        assert [e.value for e in at.error] == ["Votre rôle ne donne pas accès à cette page."]
        assert len(at.dataframe) == 0 and len(at.title) == 0


def test_revoked_session_is_refused_on_every_page(db, db_path, actors):
    from ovpm.services import auth

    at = AppTest.from_file(str(ROOT / "pages" / "cities.py"), default_timeout=30)
    for name, value in signed_in_state("bordeaux").items():
        at.session_state[name] = value
    at.run()
    assert at.title[0].value == "Villes membres"
    auth.logout(db, actors["bordeaux"])
    at.run()
    assert len(at.title) == 0 and len(at.dataframe) == 0
    assert at.session_state["authentication_status"] is None


def test_city_user_sees_no_good_standing_of_other_cities(db_path):
    at = open_page("cities", "bordeaux")
    table = at.dataframe[0].value
    assert "good_standing" not in table.columns and "language" not in table.columns
    assert "Membre en règle: Oui" in shown_text(at) or "Membre en règle : Oui" in shown_text(at)
    assert len(at.selectbox) == 0  # no good-standing filter, no editing pickers


def test_secretariat_sees_good_standing_and_the_editing_forms(db_path):
    at = open_page("cities", "secretariat")
    assert "good_standing" in at.dataframe[0].value.columns
    assert any(s.label == "Ville" for s in at.selectbox)


def test_city_user_audit_trail_holds_only_its_city(db_path, actors):
    at = open_page("audit", "bordeaux")
    frame = at.dataframe[0].value
    assert len(frame) > 0
    from ovpm.services.audit import audit_entries
    from ovpm.store.db import open_database

    own = audit_entries(open_database(db_path), actors["bordeaux"], limit=100000)
    assert set(frame["entity_id"]) <= set(own["entity_id"])


def test_city_user_may_edit_only_its_own_contacts(db_path, actors):
    at = open_page("address_book", "bordeaux")
    picker = next(s for s in at.selectbox if s.key == "contact_pick")
    assert len(picker.options) == 5  # the five Bordeaux officers of the demo
    advisory = open_page("address_book", "advisory")
    assert not any(s.key == "contact_pick" for s in advisory.selectbox)
    assert len(advisory.tabs) == 0


def test_bad_contact_input_is_named_in_the_users_language_and_kept(db_path):
    at = open_page("address_book", "cordoba")
    at.session_state["ovpm_language"] = "es"
    at.run()
    at.session_state["contact_view"] = "Añadir un contacto"  # the tab of the new contact form
    at.run()
    name = [t for t in at.text_input if t.label == "Nombre"][-1]
    email = [t for t in at.text_input if t.label == "Correo electrónico"][-1]
    name.input("Ariel Ensayo")
    email.input("ariel-at-cordoba")
    at.button[-1].click().run()
    errors = "\n".join(e.value for e in at.error)
    assert "No se guardó nada" in errors
    assert "Correo electrónico — debe ser una dirección de correo" in errors
    kept = [t.value for t in at.text_input]
    assert "Ariel Ensayo" in kept and "ariel-at-cordoba" in kept


def test_users_page_lists_accounts_for_the_secretariat(db_path):
    at = open_page("users", "secretariat")
    usernames = set(at.dataframe[0].value["username"])
    assert {"secretariat", "advisory", "bordeaux", "bruges", "cordoba", "quebec"} <= usernames


def test_home_shows_the_days_left_to_the_congress_from_the_pinned_clock(db_path):
    at = open_page("home", "quebec")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Jours restants avant le 17e Congrès mondial"] == "207"
    assert "Feuille de route de Québec 2022–2024" in [s.value for s in at.subheader]


@pytest.mark.parametrize(
    "language, title",
    [("fr", "Villes membres"), ("en", "Member cities"), ("es", "Ciudades miembro")],
)
def test_pages_follow_the_users_language(db_path, language, title):
    at = AppTest.from_file(str(ROOT / "pages" / "cities.py"), default_timeout=30)
    for name, value in signed_in_state("advisory").items():
        at.session_state[name] = value
    at.session_state["ovpm_language"] = language
    at.run()
    assert at.title[0].value == title


def edit_contact_session(contact_id: int) -> AppTest:
    at = open_page("address_book", "secretariat")
    next(s for s in at.selectbox if s.key == "contact_pick").select(contact_id).run()
    return at


def test_two_sessions_edit_one_contact_and_the_second_save_is_refused(db_path):
    first, second = edit_contact_session(3), edit_contact_session(3)
    [t for t in first.text_input if t.label == "Fonction"][-1].input("Saved by the first")
    [b for b in first.button if b.label == "Enregistrer"][0].click().run()
    assert any("Enregistré" in s.value for s in first.success)

    [t for t in second.text_input if t.label == "Téléphone"][-1].input("+00 1 1111")
    [b for b in second.button if b.label == "Enregistrer"][0].click().run()
    assert any("Quelqu'un d'autre a enregistré cette fiche" in e.value for e in second.error)
    stored = dict(second.dataframe[-1].value.itertuples(index=False))
    assert stored["Fonction"] == "Saved by the first"
    # the stored version is read as a reader reads it: field labels and coded values by name
    assert stored["Catégorie"] not in {str(kind) for kind in ContactKind}
    assert "+00 1 1111" in [t.value for t in second.text_input]  # nothing typed is lost


def test_an_unexpected_error_shows_a_plain_message_and_no_traceback(db_path, monkeypatch):
    import ovpm.services.cycle as cycle_service

    def broken(_db):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(cycle_service, "current_cycle", broken)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    for name, value in signed_in_state("quebec").items():
        at.session_state[name] = value
    at.run()
    assert not at.exception
    assert any("Une erreur s'est produite sur cette page" in e.value for e in at.error)
    assert "secret internals" not in shown_text(at)
