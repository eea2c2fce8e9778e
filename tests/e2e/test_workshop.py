"""The international workshop in the browser: the Secretariat plans one from the network page,
adds a matched expert and is refused a fourth funded one (message seen where it pressed); the
pilot city submits its priority problem sheet; the Secretariat approves it; one deliverable's
PDF turned into PNG pages."""

import re
import subprocess

from playwright.sync_api import expect

from tests.e2e.conftest import SCREENSHOTS, screenshot, settle
from tests.e2e.test_browser import sign_in

ANDEAN = 3  # "Living Andean heritage": no workshop in the demo


def type_date(page, label: str, digits: str) -> None:
    """A date field is made of segments (year, month, day) that take typed digits."""
    page.get_by_role("spinbutton", name=f"year, {label}").click()
    page.keyboard.type(digits, delay=30)


def open_workshop_view(page, server, network_id: int) -> None:
    page.goto(f"{server}/network?id={network_id}")
    settle(page)
    page.get_by_role("tab", name="Atelier").click()
    settle(page)


def test_the_secretariat_plans_a_workshop_and_matches_experts(server, context):
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 800})
    sign_in(page, server, "secretariat")
    open_workshop_view(page, server, ANDEAN)
    screenshot(page, "workshop-none", full_page=False)
    form = page.get_by_test_id("stForm").filter(has_text="Prévoir l'atelier international")
    type_date(page, "Premier jour", "20240604")
    type_date(page, "Dernier jour", "20240607")  # 4 days: refused
    form.get_by_role("button", name="Prévoir l'atelier").click()
    settle(page)
    expect(form.get_by_text("un atelier dure 2 ou 3 jours").first).to_be_visible()
    type_date(page, "Dernier jour", "20240606")
    form.get_by_role("button", name="Prévoir l'atelier").click()
    expect(page.get_by_text("L'atelier est prévu.")).to_be_visible()
    settle(page)
    expect(page.get_by_text("Accueil et contexte").first).to_be_attached()
    page.get_by_text("Trouver des candidats dans le carnet d'adresses").click()
    settle(page)
    # three matched experts, each funded (the box is ticked while places are left)
    for added in range(1, 4):
        first = page.get_by_role("button", name="Ajouter", exact=True).first
        first.click()
        expect(page.get_by_text("Ajouté.")).to_be_visible()
        settle(page)
        expect(page.get_by_text(f"restantes : {3 - added} sur 3")).to_be_visible()
    screenshot(page, "workshop-matched")
    # a fourth funded expert: the Secretariat ticks "Funded" itself and is refused, right there
    # no place left: the box is no longer ticked by default; the Secretariat ticks it itself
    funded = page.get_by_role("checkbox", name="Financé", exact=True).first
    expect(funded).not_to_be_checked()
    page.get_by_text("Financé", exact=True).first.click()
    expect(funded).to_be_checked()
    page.get_by_role("button", name="Ajouter", exact=True).first.click()
    settle(page)
    refusal = page.get_by_text("Le Secrétariat général finance au plus 3 experts internationaux.")
    expect(refusal).to_be_visible()
    refusal.scroll_into_view_if_needed()
    screenshot(page, "workshop-fourth-expert-refused", full_page=False)


def test_the_pilot_city_submits_the_priority_problem_sheet_and_it_is_approved(
    server, browser, context
):
    pilot = context.new_page()
    pilot.set_viewport_size({"width": 1280, "height": 800})
    sign_in(pilot, server, "bordeaux")
    open_workshop_view(pilot, server, 1)
    screenshot(pilot, "workshop-held-pilot")
    # the deliverables in order: 1 and 2 approved, 3 (priority problem) a draft, 4 returned
    pilot.get_by_role("button", name="Modifier").nth(0).click()
    settle(pilot)
    expect(pilot.get_by_role("heading", level=1)).to_contain_text(
        "Fiche de la problématique prioritaire"
    )
    pilot.get_by_role("button", name="Soumettre").click()
    settle(pilot)
    # the questions are still empty: refused, the message names the field
    expect(pilot.get_by_text("Questions auxquelles le réseau doit répondre").first).to_be_visible()
    expect(pilot.get_by_text("est obligatoire").first).to_be_visible()
    questions = pilot.get_by_label(re.compile("^Questions auxquelles le réseau doit répondre"))
    questions.fill("Comment garder les quais ouverts quand le fleuve monte ?")
    pilot.get_by_role("button", name="Soumettre").click()
    expect(pilot.get_by_text("Soumise : révision 1.")).to_be_visible()
    settle(pilot)
    detail = pilot.url

    reviewer_context = browser.new_context(viewport={"width": 1280, "height": 800})
    reviewer = reviewer_context.new_page()
    sign_in(reviewer, server, "secretariat")
    reviewer.goto(detail)
    settle(reviewer)
    screenshot(reviewer, "priority-problem-review", full_page=False)
    reviewer.get_by_role("button", name="Approuver").click()
    expect(reviewer.get_by_text("Approuvée.").first).to_be_visible()
    settle(reviewer)
    with reviewer.expect_download() as download:
        reviewer.get_by_role("button", name="Télécharger en PDF").click()
    pdf = SCREENSHOTS / "priority-problem.pdf"
    download.value.save_as(pdf)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout
    assert "Problématique prioritaire" in text.decode() and "BROUILLON" not in text.decode()
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", str(pdf), str(SCREENSHOTS / "priority-problem")],
        check=True,
    )
    open_workshop_view(reviewer, server, 1)
    expect(
        reviewer.get_by_text(re.compile("Fiche de la problématique prioritaire · Approuvée"))
    ).to_be_visible()
    screenshot(reviewer, "workshop-deliverables-after-approval")
    reviewer_context.close()
