"""Pilot projects in the browser (issue 15's acceptance): the pilot city starts its pilot project
from its approved report on the workshop's initial draft and submits the definition; the
Secretariat approves it and sets the report schedule; the pilot city launches the project, adds
an indicator value (a wrong one refused where it pressed) and submits its progress report; the
Secretariat approves the report and the overview shows the new stage. The contribution and the
compendium PDFs are turned into PNG pages."""

import io
import re
import subprocess

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.conftest import copy_database
from tests.e2e.conftest import SCREENSHOTS, running_server, screenshot, settle
from tests.e2e.test_browser import sign_in

NETWORK = "Living with water"
ROW, HEADER = 35, 35  # table row and header heights, in CSS pixels
REPORT = 21  # the demo's report on the initial draft of its pilot project


@pytest.fixture(scope="module")
def project_server(demo_template, tmp_path_factory, monkeypatch_module):
    """A server of its own: the demo's report on the initial draft, returned for changes, is
    submitted again and approved first (the shared server's tests read it as returned)."""
    from ovpm.domain.submissions import content_of
    from ovpm.services import submissions
    from ovpm.store import users
    from ovpm.store.db import open_database

    folder = tmp_path_factory.mktemp("projects")
    database = folder / "ovpm.duckdb"
    copy_database(demo_template, database)
    monkeypatch_module.setenv("OVPM_TODAY", "2024-03-01")
    db = open_database(database)
    with db.reading() as cur:
        bordeaux, secretariat = users.find(cur, "bordeaux"), users.find(cur, "secretariat")
    report = submissions.get_submission(db, bordeaux, REPORT)
    content = content_of(report.kind, report.content)
    report = submissions.submit(db, bordeaux, report.id, content, report.version)
    submissions.approve(db, secretariat, report.id, report.version)
    db.close()
    with running_server(folder, database, warm=False) as url:
        yield url


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def signed_in(browser, server, username):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(30000)
    page = context.new_page()
    sign_in(page, server, username)
    return context, page


def select_first_row(page) -> None:
    """Tick the first row of the tab's table (a canvas: its row marker, by position)."""
    grid = page.get_by_test_id("stDataFrame").filter(visible=True).first  # of the open tab
    expect(grid).to_be_visible()
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 18, box["y"] + HEADER + ROW / 2)
    settle(page)


def network_row_of_the_overview(page, server) -> list[str]:
    """The network's row of the overview workbook's tables (what the Networks tab shows)."""
    page.goto(f"{server}/overview")
    settle(page)
    open_tab(page, "Dossier de séance")
    with page.expect_download() as download:
        page.get_by_role("button", name="Tableaux de la vue d'avancement (XLSX)").click()
    book = load_workbook(io.BytesIO(download.value.path().read_bytes()))
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            if NETWORK in row:
                return [str(cell or "") for cell in row]
    return []


def open_tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()
    settle(page)


def test_a_pilot_project_from_its_report_to_an_approved_progress_report(project_server, browser):
    server = project_server
    pilot_context, pilot = signed_in(browser, server, "bordeaux")
    pilot.goto(f"{server}/pilot_projects")
    settle(pilot)
    pilot.get_by_text("Lancer un projet pilote").click()
    settle(pilot)
    screenshot(pilot, "pilot-projects-start", full_page=False)
    pilot.get_by_role(
        "button", name=f"Lancer le projet pilote de {NETWORK} à partir de son rapport approuvé"
    ).click()
    expect(pilot.get_by_text("Le projet pilote a été lancé")).to_be_visible()
    settle(pilot)
    project_url = pilot.url
    expect(pilot.get_by_role("heading", level=1)).to_contain_text("Flood-ready heritage quays")
    screenshot(pilot, "pilot-project-definition")
    pilot.get_by_role("button", name="Soumettre").click()
    expect(pilot.get_by_text("Soumise : révision 1.")).to_be_visible()
    pilot_context.close()

    reviewer_context, reviewer = signed_in(browser, server, "secretariat")
    reviewer.goto(project_url)
    settle(reviewer)
    reviewer.get_by_role("button", name="Révisions, commentaires et historique").click()
    settle(reviewer)
    reviewer.get_by_role("button", name="Approuver").click()
    expect(reviewer.get_by_text("Approuvée.").first).to_be_visible()
    reviewer.goto(project_url)
    settle(reviewer)
    open_tab(reviewer, "Rapports d'avancement")
    reviewer.get_by_role("button", name="Fixer le calendrier des rapports").click()
    reviewer.get_by_label(re.compile("Ou à des dates données")).fill("2024-03-01")
    reviewer.get_by_role("button", name="Enregistrer le calendrier").click()
    expect(reviewer.get_by_text("Calendrier enregistré.")).to_be_visible()
    reviewer_context.close()

    pilot_context, pilot = signed_in(browser, server, "bordeaux")
    pilot.goto(project_url)
    settle(pilot)
    pilot.get_by_role("button", name="Changer le statut").click()
    pilot.get_by_text("Lancé", exact=True).click()
    pilot.get_by_role("button", name="Changer le statut").last.click()
    expect(pilot.get_by_text("Statut modifié.")).to_be_visible()
    settle(pilot)
    open_tab(pilot, "Indicateurs")
    form = pilot.get_by_test_id("stForm").filter(has_text="Ajouter la valeur")
    form.get_by_label("Valeur").fill("beaucoup")
    form.get_by_role("button", name="Ajouter la valeur").click()
    settle(pilot)
    # refused where the user pressed, naming the field; what was typed stays
    expect(form.get_by_text(re.compile("Valeur — doit être un nombre")).first).to_be_visible()
    expect(form.get_by_label("Valeur")).to_have_value("beaucoup")
    screenshot(pilot, "pilot-project-value-refused", full_page=False)
    form.get_by_label("Valeur").fill("8")
    form.get_by_label("Source").fill("Agence fluviale (e2e)")
    form.get_by_role("button", name="Ajouter la valeur").click()
    expect(pilot.get_by_text("Valeur ajoutée.")).to_be_visible()
    settle(pilot)
    screenshot(pilot, "pilot-project-indicators")

    open_tab(pilot, "Rapports d'avancement")
    select_first_row(pilot)
    pilot.get_by_role("button", name=re.compile("Rédiger le rapport attendu le")).click()
    expect(pilot.get_by_text("Le rapport a été commencé.")).to_be_visible()
    settle(pilot)  # the row stays selected: its report's form is open
    report = pilot.get_by_test_id("stForm").filter(has_text="Ce qui a été fait")
    report.get_by_label("Ce qui a été fait").fill("Carte commune des crues (e2e).")
    screenshot(pilot, "pilot-project-report-form")
    report.get_by_role("button", name="Soumettre").click()
    expect(pilot.get_by_text("Soumise : révision 1.")).to_be_visible()
    settle(pilot)
    expect(pilot.get_by_text("Agence fluviale (e2e)")).to_be_attached()  # the period's value
    pilot_context.close()

    reviewer_context, reviewer = signed_in(browser, server, "secretariat")
    before = network_row_of_the_overview(reviewer, server)
    assert before and not any("1 mars 2024" in cell for cell in before)
    reviewer.goto(project_url)
    settle(reviewer)
    open_tab(reviewer, "Rapports d'avancement")
    select_first_row(reviewer)
    reviewer.get_by_role("button", name="Révisions, commentaires et historique").click()
    settle(reviewer)
    reviewer.get_by_role("button", name="Approuver").click()
    expect(reviewer.get_by_text("Approuvée.").first).to_be_visible()
    after = network_row_of_the_overview(reviewer, server)
    assert any("1 mars 2024" in cell for cell in after)  # the pilot-project stage, today
    open_tab(reviewer, "Réseaux")
    screenshot(reviewer, "overview-pilot-project-stage")
    pdfs(reviewer, server)
    reviewer_context.close()


def pdfs(page, server) -> None:
    """The complete path's contribution and the compendium, as PNG pages with their text."""
    page.goto(f"{server}/pilot_projects")
    settle(page)
    open_tab(page, "Nouveau Projet urbain")
    screenshot(page, "pilot-projects-new-urban-project")
    texts = {}
    for name, button in (("compendium", "Recueil du Nouveau Projet urbain (PDF)"),):
        with page.expect_download() as download:
            page.get_by_role("button", name=button).click()
        texts[name] = save_and_read(download.value, name)
    page.goto(f"{server}/contribution?network=4")
    settle(page)
    open_tab(page, "Contribution au Nouveau Projet urbain")
    screenshot(page, "contribution")
    with page.expect_download() as download:
        page.get_by_role("button", name="Télécharger en PDF").click()
    texts["contribution"] = save_and_read(download.value, "contribution")
    for text in texts.values():
        words = " ".join(text.split())  # titles wrap across lines in the PDF
        assert "Heritage and creative economy" in words and "Axe 2" in words
        assert "BROUILLON" not in words
    assert "Sommaire" in texts["compendium"]


def save_and_read(download, name: str) -> str:
    pdf = SCREENSHOTS / f"{name}.pdf"
    download.save_as(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(SCREENSHOTS / name)], check=True)
    return subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode()
