"""The shared form mechanisms in the browser: the live word count equals the enforced count, a
refusal is seen where the user pressed, a correction typed after a refusal is submitted with one
press, a change request reaches the city's form, and a sheet is filled with the keyboard alone."""

import re

from playwright.sync_api import expect

from ovpm.domain.submissions import count_words
from tests.e2e.conftest import screenshot, settle
from tests.e2e.test_browser import sign_in
from tests.unit.test_word_count import EXAMPLES

CHALLENGES_FR = re.compile("^Situation et principaux défis")
CHALLENGES_ES = re.compile("^Situación y principales desafíos")


def word_badge(page, label):
    area = page.get_by_test_id("stTextArea").filter(has=page.get_by_label(label))
    return area.locator(".ovpm-word-count")


def open_theme_sheet(page, server) -> None:
    page.goto(server + "/theme_sheet")
    settle(page)


def test_the_live_count_is_the_enforced_count(server, context):
    """The Secretariat revises Évora's approved sheet on its behalf and types each example of
    the unit tests: the live count shows what the service enforces."""
    page = context.new_page()
    sign_in(page, server, "secretariat")
    open_theme_sheet(page, server)
    page.get_by_label(re.compile("^Ville \\(le Secrétariat")).click()
    page.keyboard.type("Évora")
    page.get_by_role("option", name="Évora", exact=True).click()
    settle(page)
    page.get_by_role("button", name="Commencer une version révisée").click()
    settle(page)
    for text, words in EXAMPLES:
        page.get_by_label(CHALLENGES_FR).fill(text or "")
        expect(word_badge(page, CHALLENGES_FR)).to_have_text(f"{words} / 500 mots")
        assert count_words(text) == words


def test_a_change_request_reaches_the_city_and_a_correction_is_submitted_at_once(
    server, browser, context
):
    reviewer_context = browser.new_context(viewport={"width": 1280, "height": 800})
    reviewer = reviewer_context.new_page()
    sign_in(reviewer, server, "secretariat")
    city = context.new_page()
    city.set_viewport_size({"width": 1280, "height": 800})
    sign_in(city, server, "bruges")
    city.goto(server + "/submissions")
    settle(city)
    city.get_by_role("button", name="Révisions, commentaires et historique").last.click()
    expect(city.get_by_role("heading", level=1)).to_contain_text("Fiche thématique — Bruges")
    sheet_url = city.url

    reviewer.goto(sheet_url)
    settle(reviewer)
    reviewer.get_by_label(re.compile("^Commentaire à la ville")).fill(
        "Please **name** the museum that runs the heritage desk."
    )
    reviewer.get_by_role("button", name="Demander des modifications").click()
    expect(reviewer.get_by_text("Modifications demandées.")).to_be_visible()
    reviewer_context.close()

    # beside the submission in "My submissions", and at the top of the form the city edits
    city.goto(server + "/submissions")
    settle(city)
    asked = city.get_by_text("Please **name** the museum that runs the heritage desk.")
    expect(asked).to_be_visible()
    open_theme_sheet(city, server)
    expect(asked).to_be_in_viewport()
    screenshot(city, "change-request-on-the-form")

    # refused at 501 words: the message is where the user pressed Submit
    area = city.get_by_label(CHALLENGES_FR)
    too_long = " ".join(f"mot{n}" for n in range(500)) + " patrimoine"
    area.fill(too_long)
    expect(word_badge(city, CHALLENGES_FR)).to_have_text("501 / 500 mots")
    city.get_by_role("button", name="Soumettre").click()
    refusal = city.get_by_text(re.compile("^Non soumise. Ce que vous avez saisi"))
    expect(refusal).to_be_in_viewport()
    screenshot(city, "refusal-in-view", full_page=False)
    # once above the buttons, once beside the field
    expect(
        city.get_by_text(re.compile("^Situation et principaux défis — compte 501"))
    ).to_have_count(2)

    # one word deleted, one press: submitted with exactly the text typed
    area.press("End")
    for _ in range(len(" patrimoine")):
        area.press("Backspace")
    expect(word_badge(city, CHALLENGES_FR)).to_have_text("500 / 500 mots")
    city.get_by_role("button", name="Soumettre").click()
    expect(city.get_by_text(re.compile("^Soumise : révision"))).to_be_visible()
    settle(city)
    expect(city.get_by_test_id("stText").filter(has_text="mot499").first).to_have_text(
        too_long.removesuffix(" patrimoine")
    )


def test_a_theme_sheet_is_corrected_and_submitted_with_the_keyboard_alone(server, context):
    page = context.new_page()
    sign_in(page, server, "cordoba")
    open_theme_sheet(page, server)
    focus_by_tab(page, lambda: page.get_by_label(CHALLENGES_ES))
    page.keyboard.press("Control+A")
    page.keyboard.type("Los patios de Córdoba: un espacio cultural compartido, ¡abierto!")
    expect(word_badge(page, CHALLENGES_ES)).to_have_text("9 / 500 palabras")
    focus_by_tab(page, lambda: page.get_by_role("button", name="Enviar"))
    page.keyboard.press("Enter")
    expect(page.get_by_text(re.compile("^Enviada: revisión"))).to_be_visible()


def focus_by_tab(page, target, most: int = 200) -> None:
    """Press Tab until `target()` has the focus (as a keyboard user moves through the page)."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if target().evaluate("element => element === document.activeElement"):
            return
    raise AssertionError("the keyboard never reached the element")


def test_the_login_form_shows_no_hint_in_another_language(server, context):
    page = context.new_page()
    page.goto(server + "/")
    page.get_by_label("Nom d'utilisateur").fill("bruges")
    expect(page.get_by_text("Press Enter to submit form")).to_be_hidden()
    expect(page.get_by_test_id("InputInstructions")).to_be_hidden()
