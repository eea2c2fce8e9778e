"""Meetings in the browser: the pilot city records a steering committee, writes its minutes with
a decision and an action owned by another city's officer (a missing owner refused where it
pressed) and circulates them; that officer finds the action on the home page and marks it done;
the Secretariat approves the minutes from its own list; the minutes PDF turned into PNG pages."""

import re
import subprocess

from playwright.sync_api import expect

from tests.e2e.conftest import SCREENSHOTS, screenshot, settle
from tests.e2e.test_browser import sign_in
from tests.e2e.test_workshop import type_date

ACTION = "Envoyer les cartes des quais (e2e)"
TITLE = "Comité de pilotage de printemps (e2e)"


def choose(page, label: str, text: str) -> None:
    """Pick an option of a searchable list by typing part of it."""
    page.get_by_role("combobox", name=label).click()
    page.keyboard.type(text, delay=20)
    page.get_by_role("option", name=re.compile(re.escape(text))).first.click()


def test_minutes_with_an_action_followed_until_done_and_approved(server, browser):
    pilot_context = browser.new_context(viewport={"width": 1280, "height": 800})
    pilot = pilot_context.new_page()
    sign_in(pilot, server, "bordeaux")
    pilot.goto(f"{server}/meetings")
    settle(pilot)
    screenshot(pilot, "meetings-list", full_page=False)
    pilot.get_by_text("Planifier une réunion").click()
    settle(pilot)
    form = pilot.get_by_test_id("stForm").filter(has_text="Intitulé de la réunion")
    form.get_by_label("Intitulé de la réunion").fill(TITLE)
    type_date(pilot, "Date", "20240227")
    choose(pilot, "Invités (carnet d’adresses et utilisateurs)", "Officer of Bruges")
    pilot.keyboard.press("Escape")
    form.get_by_role("button", name="Enregistrer").click()
    expect(pilot.get_by_role("heading", level=1)).to_contain_text(TITLE)
    settle(pilot)
    screenshot(pilot, "meeting-new")

    minutes = pilot.get_by_test_id("stForm").filter(has_text="Nouvelle action")
    minutes.get_by_label("Compte rendu").fill("Tour de table et point sur les cartes (e2e).")
    minutes.get_by_label("Décisions (une par ligne)").fill("Une carte commune des crues (e2e)")
    minutes.get_by_label("Quoi").fill(ACTION)
    minutes.get_by_role("button", name="Enregistrer le compte rendu").click()
    settle(pilot)
    # no owner yet: refused where the user pressed, naming the field; nothing typed is lost
    expect(minutes.get_by_text(re.compile("Responsable — est obligatoire")).first).to_be_visible()
    expect(minutes.get_by_label("Quoi")).to_have_value(ACTION)
    choose(pilot, "Responsable", "Officer of Bruges")
    type_date(pilot, "Échéance", "20240310")
    minutes.get_by_role("button", name="Enregistrer le compte rendu").click()
    expect(pilot.get_by_text("Le compte rendu est enregistré.")).to_be_visible()
    settle(pilot)
    pilot.get_by_role("button", name="Diffuser aux participants").click()
    expect(pilot.get_by_text("Le compte rendu a été diffusé aux participants")).to_be_visible()
    settle(pilot)
    screenshot(pilot, "meeting-minutes-circulated")
    meeting_url = pilot.url
    pilot_context.close()

    owner_context = browser.new_context(viewport={"width": 1280, "height": 800})
    owner = owner_context.new_page()
    sign_in(owner, server, "bruges")
    item = owner.get_by_role("button", name=re.compile(re.escape(ACTION)))
    expect(item).to_be_visible()
    screenshot(owner, "home-what-i-have-to-do", full_page=False)
    item.click()
    expect(owner.get_by_role("heading", level=1)).to_contain_text(TITLE)
    settle(owner)
    update = owner.get_by_test_id("stForm").filter(has_text="Mettre à jour une action")
    update.scroll_into_view_if_needed()  # the only action Bruges may update is chosen
    screenshot(owner, "meeting-owner-updates-its-action", full_page=False)
    update.get_by_text("Terminé", exact=True).click()
    update.get_by_label("Note (ce qui a changé)").fill("Cartes envoyées (e2e)")
    update.get_by_role("button", name="Enregistrer le statut").click()
    expect(owner.get_by_text("Enregistré.")).to_be_visible()
    settle(owner)
    screenshot(owner, "meeting-action-done")
    owner.goto(server + "/")
    settle(owner)
    expect(owner.get_by_role("heading", name="Ce que j’ai à faire")).to_be_visible()
    expect(owner.get_by_role("button", name=re.compile(re.escape(ACTION)))).to_have_count(0)
    owner_context.close()

    reviewer_context = browser.new_context(viewport={"width": 1280, "height": 800})
    reviewer = reviewer_context.new_page()
    sign_in(reviewer, server, "secretariat")
    reviewer.goto(meeting_url)
    settle(reviewer)
    reviewer.get_by_role("button", name="Révisions, commentaires et historique").click()
    settle(reviewer)
    reviewer.get_by_role("button", name="Approuver").click()
    expect(reviewer.get_by_text("Approuvée.").first).to_be_visible()
    settle(reviewer)
    reviewer.goto(meeting_url)
    settle(reviewer)
    screenshot(reviewer, "meeting-minutes-approved")
    with reviewer.expect_download() as download:
        reviewer.get_by_role("button", name="Compte rendu (PDF)").click()
    pdf = SCREENSHOTS / "minutes.pdf"
    download.value.save_as(pdf)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True).stdout
    text = text.decode()
    assert ACTION in text and "Une carte commune des crues" in text
    assert "BROUILLON" not in text.replace("\n", "")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", str(pdf), str(SCREENSHOTS / "minutes")], check=True
    )
    reviewer_context.close()
