"""The Advisory Group prepares the briefing pack in the browser and downloads it."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import screenshot, settle
from tests.e2e.test_browser import sign_in


def test_the_advisory_group_downloads_the_briefing_pack(server, browser, context):
    page = context.new_page()
    sign_in(page, server, "advisory")
    page.goto(server + "/overview")
    settle(page)
    expect(page.get_by_test_id("stMetric").first).to_contain_text("207")
    screenshot(page, "overview-advisory")
    page.get_by_role("tab", name="Briefing pack").click()
    settle(page)
    page.get_by_role("button", name="Prepare the briefing pack").click()
    expect(page.get_by_text("The briefing pack is ready.")).to_be_visible(timeout=60000)
    with page.expect_download() as download:
        page.get_by_role("button", name=re.compile("Download the briefing pack")).click()
    data = open(download.value.path(), "rb").read()
    assert data.startswith(b"%PDF-") and len(data) > 50_000
    screenshot(page, "overview-briefing-ready")
