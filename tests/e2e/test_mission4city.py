"""Mission4City in the browser (issue 16's acceptance): Bruges requests a mission with its
letter; the Secretariat instructs it (a)–(d) with a matched expert and schedules it; Bruges
uploads photos and writes the report; the Secretariat approves and publishes it; Córdoba finds
it in the library by a word typed without its accents. The report PDF becomes PNG pages."""

import re
import subprocess

import pytest
from playwright.sync_api import expect

from tests.conftest import copy_database
from tests.e2e.conftest import SCREENSHOTS, running_server, screenshot, settle
from tests.e2e.test_browser import sign_in
from tests.e2e.test_workshop import type_date
from tests.services.test_missions import tiny_png

LETTER = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
SUBJECT = "Quais inondables du Dijver (e2e)"


@pytest.fixture(scope="module")
def mission_server(demo_template, tmp_path_factory):
    folder = tmp_path_factory.mktemp("missions")
    database = folder / "ovpm.duckdb"
    copy_database(demo_template, database)
    with running_server(folder, database, warm=False) as url:
        yield url


def signed_in(browser, server, username):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(30000)
    page = context.new_page()
    sign_in(page, server, username)
    return context, page


def open_tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()
    settle(page)


def upload(page, path) -> None:
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').last.set_input_files(str(path))
    expect(page.get_by_test_id("stFileChipIconSpinner")).to_have_count(0)


def record_step(page, note: str) -> None:
    """Record the open instruction step; the note is typed once the page has settled (a run
    still going, after a checkbox ticked, would redraw the form over it) and checked."""
    settle(page)
    form = page.get_by_test_id("stForm").last
    field = form.get_by_label(re.compile("^(Note|Ce qu'ils ont dit)$"))
    field.fill(note)
    expect(field).to_have_value(note)
    form.get_by_role("button", name="Enregistrer l'étape").click()
    expect(page.get_by_text("Étape enregistrée.")).to_be_visible()
    settle(page)


def request_mission(browser, server, tmp_path) -> str:
    context, city = signed_in(browser, server, "bruges")
    city.goto(f"{server}/mission4city")
    settle(city)
    city.get_by_role("button", name="Nouvelle demande").click()
    expect(city.get_by_role("tab", name="Demande")).to_be_visible()
    settle(city)
    mission_url = city.url
    city.get_by_label("Objet de la demande").fill(SUBJECT)
    city.get_by_label("Nom", exact=True).fill("Jan Proef")
    city.get_by_label("Fonction").fill("Erfgoedambtenaar")
    city.get_by_label("Courriel").fill("jan.proef@brugge.example.org")
    city.get_by_label("Description de la situation").fill("Le Dijver déborde chaque hiver.")
    city.get_by_label("Projet ou plan d'action global").fill("Plan de gestion du centre.")
    city.get_by_label("Expertise demandée : profils").fill("Ingénieur hydraulicien")
    city.get_by_label(re.compile("^Domaines d'expertise")).fill("heritage conservation")
    city.get_by_role("button", name="Soumettre").click()
    # refused where it was pressed, naming the field; what was typed stays
    expect(city.get_by_text(re.compile("Lettre signée par le maire")).first).to_be_visible()
    expect(city.get_by_label("Objet de la demande")).to_have_value(SUBJECT)
    screenshot(city, "mission-request-refused", full_page=False)
    letter = tmp_path / "lettre-maire.pdf"
    letter.write_bytes(LETTER)
    upload(city, letter)
    city.get_by_role("button", name="Soumettre").click()
    expect(city.get_by_text("Soumise : révision 1.")).to_be_visible()
    context.close()
    return mission_url


def instruct_and_schedule(browser, mission_url: str) -> None:
    context, page = signed_in(browser, mission_url.split("/mission")[0], "secretariat")
    page.goto(mission_url)
    settle(page)
    page.get_by_role("button", name="Lancer l'instruction").click()
    expect(page.get_by_text("En instruction").first).to_be_visible()
    settle(page)
    open_tab(page, "Instruction")
    record_step(page, "Appel avec Jan Proef (e2e).")
    page.get_by_label("Acteurs consultés").fill("Agence de l'eau (e2e)")
    record_step(page, "Demande pertinente (e2e).")
    expect(page.get_by_text(re.compile("^score \\d+")).first).to_be_visible()  # the reasons
    screenshot(page, "mission-matching")
    page.get_by_text("Candidat", exact=True).first.click()
    record_step(page, "Un expert proposé ; la ville est d'accord (e2e).")
    type_date(page, "Premier jour", "20240229")
    type_date(page, "Dernier jour", "20240301")
    page.get_by_label("Jour 1").fill("Visites des quais (e2e).")
    page.get_by_label("Jour 2").fill("Atelier et recommandations (e2e).")
    page.get_by_label("Logistique").fill("Salle à l'hôtel de ville (e2e).")
    page.get_by_label("Partage des coûts").fill("Voyage : Secrétariat ; salle : la ville (e2e).")
    record_step(page, "Programme convenu (e2e).")
    screenshot(page, "mission-instruction")
    page.get_by_role("button", name="Programmer la mission").click()
    expect(page.get_by_text("Statut modifié.")).to_be_visible()
    settle(page)
    page.get_by_role("button", name="Marquer la mission réalisée").click()
    expect(page.get_by_text("Statut modifié.")).to_be_visible()  # (the button names it too)
    expect(page.get_by_text("Mission réalisée", exact=True)).to_be_visible()
    context.close()


def photos_and_report(browser, mission_url: str, tmp_path) -> None:
    context, city = signed_in(browser, mission_url.split("/mission")[0], "bruges")
    city.goto(mission_url)
    settle(city)
    open_tab(city, "Engagements")
    media = city.get_by_test_id("stExpander").filter(has_text="Mettre à jour").nth(2)
    media.click()
    settle(city)
    photo = tmp_path / "quai.png"
    photo.write_bytes(tiny_png())
    form = city.get_by_test_id("stForm").last
    form.get_by_text("Terminé", exact=True).click()
    type_date(city, "Fait le", "20240301")
    upload(city, photo)
    form.get_by_role("button", name="Enregistrer").click()
    expect(city.get_by_text("Enregistré.")).to_be_visible()
    settle(city)
    open_tab(city, "Rapport de mission")
    city.get_by_role("button", name="Rédiger le rapport de mission").click()
    expect(city.get_by_text("Rapport commencé.")).to_be_visible()
    settle(city)
    for label, text in (
        ("Objectifs de la demande", "Protéger les quais (e2e)."),
        ("Acteurs impliqués", "Ville, agence de l'eau (e2e)."),
        ("Aide obtenue", "Une méthode de batardeaux (e2e)."),
        ("Enseignements", "Le réseau des riverains compte (e2e)."),
    ):
        city.get_by_label(label).fill(text)
    screenshot(city, "mission-report-form")
    city.get_by_role("button", name="Soumettre").click()
    expect(city.get_by_text("Soumise : révision 1.")).to_be_visible()
    context.close()


def publish(browser, mission_url: str) -> None:
    context, page = signed_in(browser, mission_url.split("/mission")[0], "secretariat")
    page.goto(mission_url)
    settle(page)
    open_tab(page, "Rapport de mission")
    page.get_by_role("button", name="Révisions, commentaires et historique").click()
    settle(page)
    page.get_by_role("button", name="Approuver").click()
    expect(page.get_by_text("Approuvée.").first).to_be_visible()
    page.goto(mission_url)
    settle(page)
    page.get_by_role("button", name="Publier dans la bibliothèque").click()
    expect(page.get_by_text("Publiée").first).to_be_visible()
    open_tab(page, "Rapport de mission")
    with page.expect_download() as download:
        page.get_by_role("button", name="Télécharger en PDF").click()
    pdf = SCREENSHOTS / "mission-report.pdf"
    download.value.save_as(pdf)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", str(pdf), str(SCREENSHOTS / "mission-report")], check=True
    )
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True)
    words = " ".join(text.stdout.decode().split())
    assert "Rapport de mission" in words and "BROUILLON" not in words
    context.close()


def test_a_city_requests_a_mission_and_another_finds_its_report(mission_server, browser, tmp_path):
    mission_url = request_mission(browser, mission_server, tmp_path)
    instruct_and_schedule(browser, mission_url)
    photos_and_report(browser, mission_url, tmp_path)
    publish(browser, mission_url)
    context, other = signed_in(browser, mission_server, "cordoba")
    other.goto(f"{mission_server}/library")
    settle(other)
    search = other.get_by_label(re.compile("^Buscar"))
    search.fill("RIVERAINS dijver")  # case aside
    expect(search).to_have_value("RIVERAINS dijver")
    search.press("Enter")
    settle(other)
    try:
        expect(other.get_by_text(SUBJECT).first).to_be_visible()
    except AssertionError:
        screenshot(other, "library-search-failed")  # to see what the reader saw
        raise
    screenshot(other, "library-search")
    other.get_by_role("button", name="Abrir la práctica").first.click()
    settle(other)
    expect(other.get_by_role("heading", name=SUBJECT)).to_be_visible()
    expect(other.get_by_role("img").first).to_be_visible()  # the report's photo, for another city
    screenshot(other, "library-practice")
    context.close()
