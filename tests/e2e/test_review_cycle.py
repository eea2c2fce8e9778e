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
    city.get_by_test_id("stSidebarNav").get_by_role("link", name="Fiche thématique").click()
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

    city.get_by_test_id("stSidebarNav").get_by_role("link", name="Fiche thématique").click()
    settle(city)
    expect(city.get_by_text("Modifications demandées")).to_be_visible()
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
    diff = reviewer.get_by_test_id("stTable")
    expect(diff).to_contain_text("Second version: the city museum opened a heritage desk.")
    expect(diff).to_contain_text("First version of the actions.")
    expect(diff).to_contain_text("Actions en cours ou réalisées")
    expect(diff).to_contain_text("Révision 2 · Approuvée")
    screenshot(reviewer, "review-cycle-differences")
    reviewer_context.close()
