"""The full review cycle of a theme sheet in the browser: draft → submit → changes requested →
resubmit → approve, and the difference view shows the change."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import screenshot, settle
from tests.e2e.test_browser import sign_in


def replace_text(page, label: str, text: str) -> None:
    area = page.get_by_label(label)
    area.fill(text)


def test_theme_sheet_review_cycle(server, browser, context):
    city = context.new_page()
    sign_in(city, server, "quebec")
    city.get_by_test_id("stSidebar").get_by_role("link", name="Fiche thématique").click()
    settle(city)
    actions = re.compile("^Actions en cours ou réalisées")
    city.get_by_label(actions).fill("First version of the actions.")
    expect(city.get_by_text("5 / 500 mots")).to_be_visible()  # live count while typing
    city.get_by_role("button", name="Soumettre").click()
    expect(city.get_by_text("Soumise : révision 1.")).to_be_visible()
    settle(city)
    detail_url = city.url
    assert "id=" in detail_url

    reviewer_context = browser.new_context(viewport={"width": 1400, "height": 1400})
    reviewer = reviewer_context.new_page()
    sign_in(reviewer, server, "secretariat")
    reviewer.goto(detail_url)
    settle(reviewer)
    reviewer.get_by_label(re.compile("^Commentaire à la ville")).fill("Please name the museum.")
    reviewer.get_by_role("button", name="Demander des modifications").click()
    expect(reviewer.get_by_text("Modifications demandées.")).to_be_visible()

    city.get_by_test_id("stSidebar").get_by_role("link", name="Fiche thématique").click()
    settle(city)
    expect(city.get_by_text("Modifications demandées", exact=True)).to_be_visible()
    expect(city.get_by_text("Please name the museum.")).to_be_visible()
    city.get_by_label(actions).fill("Second version: the city museum opened a heritage desk.")
    city.get_by_role("button", name="Soumettre").click()
    expect(city.get_by_text("Soumise : révision 2.")).to_be_visible()

    reviewer.reload()
    settle(reviewer)
    reviewer.get_by_role("button", name="Approuver").click()
    expect(reviewer.get_by_text("Approuvée.").first).to_be_visible()
    settle(reviewer)
    reviewer.get_by_role("tab", name="Différences").click()
    settle(reviewer)
    diff = reviewer.get_by_test_id("stDataFrame").last
    expect(diff).to_contain_text("Second version: the city museum opened a heritage desk.")
    expect(diff).to_contain_text("First version of the actions.")
    expect(diff).to_contain_text("Actions en cours ou réalisées")
    expect(diff).to_contain_text("Révision 2 · Approuvée")
    screenshot(reviewer, "review-cycle-differences")
    reviewer_context.close()


def start_expression_for(page, city: str, contact: str, email: str) -> None:
    """On the expression screen, the Secretariat starts one for `city` and fills its form
    (all but the letter)."""
    page.get_by_label(re.compile("^Ville \\(le Secrétariat")).click()
    page.get_by_role("option", name=city, exact=True).click()
    settle(page)
    page.get_by_role("button", name="Commencer l'expression d'intérêt").click()
    settle(page)
    page.get_by_label("Nom", exact=True).fill(contact)
    page.get_by_label("Fonction").fill("Heritage director")
    page.get_by_label("Courriel").fill(email)
    page.get_by_label(re.compile("^Texte")).fill(f"{city} confirms its participation.")
    for part, value in (("year", "2024"), ("month", "02"), ("day", "20")):
        page.get_by_role("spinbutton", name=f"{part}, Date").click()
        page.keyboard.type(value)


def test_secretariat_files_an_expression_of_interest_with_a_pdf_checked_by_content(
    server, context, tmp_path
):
    page = context.new_page()
    sign_in(page, server, "secretariat")
    page.get_by_test_id("stSidebar").get_by_role("link", name="Expression d'intérêt").click()
    settle(page)
    start_expression_for(page, "Bergen", "Robin Maquette", "robin.maquette@bergen.example.org")
    fake = tmp_path / "letter.pdf"
    fake.write_bytes(b"<html>this is not a PDF</html>")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(fake))
    expect(page.get_by_test_id("stFileChipName")).to_have_text("letter.pdf")
    expect(page.get_by_test_id("stFileChipIconSpinner")).to_have_count(0)
    page.get_by_role("button", name="Soumettre").click()
    refused = page.get_by_text("le contenu de ce fichier n'est pas du PDF")
    expect(refused).to_have_count(2)  # above the buttons and beside the letter's field
    expect(refused.first).to_be_visible()
    real = tmp_path / "lettre-bergen.pdf"
    real.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(real))
    expect(page.get_by_test_id("stFileChipName")).to_have_text("lettre-bergen.pdf")
    expect(page.get_by_test_id("stFileChipIconSpinner")).to_have_count(0)
    page.get_by_role("button", name="Soumettre").click()
    expect(page.get_by_text("Soumise : révision 1.")).to_be_visible()
    screenshot(page, "expression-submitted")
