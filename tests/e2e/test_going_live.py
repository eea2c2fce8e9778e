"""Going live as the README's "start for real" says: an empty hub from `python -m ovpm init`, its
first Secretariat account, the member cities and the address book imported from spreadsheets in
the browser (a refused row shown, then the corrected file), and the first notification e-mail
received by a real SMTP server on 127.0.0.1."""

import asyncio
import os
import re
import subprocess
import sys
import time

import pytest
from aiosmtpd.controller import Controller
from playwright.sync_api import expect

from tests.e2e.conftest import ROOT, free_port, running_server, screenshot, settle
from tests.e2e.test_browser import sign_in
from tests.e2e.test_review_cycle import start_expression_for
from tests.services.test_notifications import Inbox

PASSWORD = "a long enough phrase"
CITIES = (
    "Nom;Pays;Code ISO;Région UNESCO;Latitude;Longitude;À jour de cotisation;Langue\n"
    "Villa Ejemplo;Chili;CL;Amérique latine et Caraïbes;-33,45;-70,66;oui;es\n"
    "Bourg Modèle;France;FR;Europe et Amérique du Nord;45,76;4,83;peut-être;fr\n"
)
CONTACTS = (
    "Name,E-mail,City,Kind,Languages\n"
    "Alex Prototype,alex@villa.example.org,Villa Ejemplo,Local expert,es en\n"
    "Sam Esquisse,sam@bourg.example.org,Bourg Modèle,Elected official,fr\n"
)


def ovpm(*arguments: str, env: dict) -> None:
    subprocess.run(
        [sys.executable, "-m", "ovpm", *arguments], cwd=ROOT, env=env, check=True, timeout=120
    )


@pytest.fixture
def empty_hub(tmp_path, monkeypatch):
    """A hub started for real: `init` on a new file, two Secretariat officers, e-mail through
    an SMTP server of the test."""
    inbox = Inbox()
    port = free_port()
    # a loop of its own: the test thread must stay free of asyncio for Playwright's sync API
    smtp = Controller(inbox, hostname="127.0.0.1", port=port, loop=asyncio.new_event_loop())
    smtp.start()
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(
        f'cookie_key = "{"k" * 48}"\n[smtp]\nhost = "127.0.0.1"\nport = {port}\n'
        'security = "none"\nsender = "hub@owhc.example.org"\napp_url = "https://hub.example.org"\n'
    )
    database = tmp_path / "hub.duckdb"
    monkeypatch.setenv("OVPM_SECRETS", str(secrets))
    env = {**os.environ, "OVPM_DB": str(database), "OVPM_ADMIN_PASSWORD": PASSWORD}
    ovpm(
        "init",
        "--admin",
        "sg.owhc",
        "--admin-name",
        "Camille SG",
        "--admin-email",
        "sg@owhc.example.org",
        env=env,
    )
    ovpm(
        "create-user",
        "sg.second",
        "--name",
        "Noa Second",
        "--role",
        "secretariat",
        "--email",
        "noa@owhc.example.org",
        "--password",
        PASSWORD,
        env=env,
    )
    with running_server(tmp_path, database, warm=False) as url:  # the browser is running
        yield url, inbox
    smtp.stop()


def upload(page, path, shown: str = "Lignes refusées") -> None:
    """Choose a file and wait until the screen shows what it made of it (`shown`)."""
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
    expect(page.get_by_test_id("stFileChipName")).to_have_text(path.name)
    expect(page.get_by_text(shown).first).to_be_visible()
    settle(page)


def test_an_empty_hub_imports_its_cities_and_contacts_and_sends_its_first_email(
    empty_hub, browser, tmp_path
):
    url, inbox = empty_hub
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    sign_in(page, url, "sg.owhc", password=PASSWORD)
    page.goto(url + "/cities")
    settle(page)
    expect(page.get_by_text("Villes : 0")).to_be_visible()

    page.goto(url + "/data_import")
    settle(page)
    refused = tmp_path / "villes.csv"
    refused.write_bytes(CITIES.encode("latin-1"))
    upload(page, refused)
    expect(page.get_by_text("1 lignes sont refusées")).to_be_visible()
    expect(page.get_by_text("doit être oui ou non.")).to_be_attached()
    expect(page.get_by_role("button", name="Importer 1 lignes")).to_be_disabled()
    screenshot(page, "import-preview-refused", full_page=False)
    corrected = tmp_path / "villes-corrigees.csv"
    corrected.write_bytes(CITIES.replace("peut-être", "non").encode("latin-1"))
    page.get_by_role("button", name=re.compile("Remove|Supprimer")).first.click()
    settle(page)
    upload(page, corrected)
    page.get_by_role("button", name="Importer 2 lignes").click()
    expect(page.get_by_text("Importé : 2 créés, 0 modifiés, 0 laissés tels quels.")).to_be_visible()

    settle(page)
    page.get_by_role("radio", name="Contacts du carnet d'adresses").click()
    expect(page.get_by_text("Colonnes lues : name, title, email")).to_be_visible()
    settle(page)
    contacts = tmp_path / "contacts.csv"
    contacts.write_text(CONTACTS, encoding="utf-8-sig")
    upload(page, contacts)
    screenshot(page, "import-preview-contacts", full_page=False)
    page.get_by_role("button", name="Importer 2 lignes").click()
    expect(page.get_by_text("Importé : 2 créés")).to_be_visible()

    # the first thing that waits for someone: an expression of interest filed for a city
    page.goto(url + "/expression")
    settle(page)
    start_expression_for(page, "Villa Ejemplo", "Alex Prototype", "alex@villa.example.org")
    letter = tmp_path / "lettre.pdf"
    letter.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    upload(page, letter, shown="lettre.pdf")
    page.get_by_role("button", name="Soumettre").click()
    expect(page.get_by_text("Soumise : révision 1.")).to_be_visible()
    context.close()

    deadline = time.monotonic() + 90  # the app's sender: after the commit, within seconds
    while not inbox.to("noa@owhc.example.org") and time.monotonic() < deadline:
        time.sleep(0.2)
    (message,) = inbox.to("noa@owhc.example.org")
    assert message["Subject"] == "Soumis pour examen : Expression d'intérêt — Villa Ejemplo"
    assert re.search(r"https://hub\.example\.org/submission\?id=\d+", message.get_content())
    assert inbox.to("sg@owhc.example.org") == []  # not to the one who filed it
