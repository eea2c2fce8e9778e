"""In the browser too: with every free-text value of the database marked up with Markdown and
HTML, no screen renders it as bold, a link or an image; and a fresh server's first visitor, at
an administration address, meets the login form and no list of pages."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import copy_database
from tests.e2e.conftest import running_server, settle
from tests.e2e.test_browser import sign_in
from tests.markup import mark_up_database

SCREENS = [
    "",
    "network?id=1",
    "submission?id=1",
    "round_tables",
    "themes",
    "networks",
    "workshops",
    "meetings",
    "meeting?id=4",
    "collective?network=1",
    "pilot_projects",
    "pilot_project?id=1",
    "contribution?network=4",
    "mission4city",
    "mission?id=5",
    "library",
    "cities",
    "address_book",
    "budget",
    "overview",
    "audit",
]


@pytest.fixture(scope="module")
def marked_server(demo_template, tmp_path_factory):
    folder = tmp_path_factory.mktemp("marked")
    database = folder / "ovpm.duckdb"
    copy_database(demo_template, database)
    mark_up_database(database)
    # not warmed: a second Playwright would start inside the session's browser (sign_in retries
    # the first run of a fresh server instead)
    with running_server(folder, database, warm=False) as url:
        yield url


def rendered_markup(page):
    main = page.get_by_test_id("stMain")
    return {
        "bold": main.locator("strong, b").filter(has_text=re.compile(r"^\s*bold\s*$")).count(),
        "link": main.locator("a").filter(has_text=re.compile(r"^\s*x\s*$")).count(),
        "image": page.locator('img[src="x"]').count(),
    }


def test_no_screen_renders_a_users_markup_in_the_browser(marked_server, context):
    page = context.new_page()
    sign_in(page, marked_server, "secretariat")
    seen = {}
    for path in SCREENS:
        page.goto(f"{marked_server}/{path}")
        expect(page.get_by_role("heading", level=1).first).to_be_visible()
        settle(page)
        expect(page.get_by_test_id("stMain")).to_contain_text("**bold**")  # shown as typed
        seen[path or "home"] = rendered_markup(page)
    assert all(found == {"bold": 0, "link": 0, "image": 0} for found in seen.values()), seen


def test_a_fresh_servers_first_visitor_at_an_administration_address_meets_the_login(
    demo_template, tmp_path, context
):
    database = tmp_path / "ovpm.duckdb"
    copy_database(demo_template, database)
    with running_server(tmp_path, database, warm=False) as url:
        page = context.new_page()
        page.goto(url + "/users")
        expect(page.get_by_role("button", name="Se connecter")).to_be_visible(timeout=60000)
        sidebar = page.get_by_test_id("stSidebar")
        expect(sidebar.get_by_role("link")).to_have_count(0)
        expect(page.get_by_text("Utilisateurs", exact=True)).to_have_count(0)
