"""A pilot city records an expense in the browser and the Secretariat's budget dashboard shows
it on its next run (no stale cache)."""

import re
from decimal import Decimal

from playwright.sync_api import expect

from tests.e2e.conftest import screenshot, settle
from tests.e2e.test_browser import sign_in


def spent_total(page) -> Decimal:
    """The 'Dépensé' figure of the dashboard, read as an exact amount."""
    metric = page.get_by_test_id("stMetric").filter(has_text="Dépensé").first
    text = metric.get_by_test_id("stMetricValue").inner_text()
    digits = re.sub(r"[^\d,]", "", text).replace(",", ".")
    return Decimal(digits)


def test_a_pilot_city_expense_shows_at_once_on_the_secretariat_dashboard(server, browser, context):
    secretariat = context.new_page()
    sign_in(secretariat, server, "secretariat")
    secretariat.goto(server + "/budget")
    settle(secretariat)
    before = spent_total(secretariat)

    pilot_context = browser.new_context(viewport={"width": 1400, "height": 1600})
    pilot_context.set_default_timeout(20000)
    pilot = pilot_context.new_page()
    sign_in(pilot, server, "bordeaux")
    pilot.goto(server + "/budget")
    settle(pilot)
    pilot.get_by_role("tab", name="Lignes et écritures").click()
    pilot.get_by_role("combobox", name=re.compile("^Ligne")).click()
    pilot.get_by_role("option", name=re.compile("Room and meals, three days")).click()
    settle(pilot)
    pilot.get_by_role("combobox", name=re.compile("Type d'écriture")).click()
    pilot.get_by_role("option", name="Dépense").click()
    # the date field is made of segments (year, month, day) that take typed digits
    pilot.get_by_label("Date", exact=True).get_by_role("spinbutton").first.click()
    pilot.keyboard.type("20240228", delay=30)
    pilot.get_by_label("Montant", exact=True).fill("1 234,56")
    pilot.get_by_label("Référence", exact=True).fill("Caterer's deposit (browser test)")
    screenshot(pilot, "budget-entry-filled")
    pilot.get_by_role("button", name="Enregistrer l'écriture").click()
    expect(pilot.get_by_text("Écriture enregistrée.")).to_be_visible()
    screenshot(pilot, "budget-entry-recorded")
    pilot_context.close()

    secretariat.reload()
    settle(secretariat)
    expect(secretariat.get_by_test_id("stMetric").filter(has_text="Dépensé").first).to_contain_text(
        format(before + Decimal("1234.56"), ",.2f").replace(",", "\u202f").replace(".", ",")
    )
    screenshot(secretariat, "budget-secretariat-after-expense")

    # drill down: the network's total, then its line, then the entry just recorded
    select_row(secretariat, 0, 0)  # "Living with water" in the view by network
    expect(secretariat.get_by_text("Lignes de Living with water")).to_be_visible()
    select_row(secretariat, 1, 2)  # its third line, "Room and meals, three days"
    expect(
        secretariat.get_by_text(re.compile("Caterer.s deposit \\(browser test\\)"))
    ).to_be_visible()
    screenshot(secretariat, "budget-drill-down")


def select_row(page, table: int, row: int) -> None:
    """Tick a row of a selectable table (a canvas): its first column holds the checkbox."""
    grid = page.get_by_test_id("stDataFrame").nth(table)
    grid.scroll_into_view_if_needed()
    box = grid.locator("canvas").first.bounding_box()
    page.mouse.click(box["x"] + 15, box["y"] + 35 + row * 35 + 17)
    settle(page)
