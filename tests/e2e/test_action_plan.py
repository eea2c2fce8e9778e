"""The pilot city revises its network's action plan in the browser (an activity and a budget
line added in the tables, submitted), the Secretariat approves, and the public screen of an
outside city shows the new activity but not the budget."""

import re

from playwright.sync_api import expect

from tests.e2e.conftest import screenshot, settle
from tests.e2e.test_browser import sign_in

ROW, HEADER = 35, 35  # data editor row and header heights, in CSS pixels


def edit_cell(page, grid, row: int, column: int, text: str, shown: str | None = None) -> None:
    """Type into a cell of a Streamlit data editor (a canvas), then wait until the grid's
    accessible copy shows the value (`shown`, when the cell shows it otherwise than typed)."""
    select_cell(page, grid, row, column)
    page.keyboard.press("Enter")
    editor = page.locator("#portal").locator("textarea, input").first
    expect(editor).to_be_focused()
    page.keyboard.type(text, delay=30)
    page.keyboard.press("Tab")
    expect(editor).to_have_count(0)
    expect(grid_cell(grid, row, column)).to_have_text(shown or text)


def grid_cell(grid, row: int, column: int):
    """The accessible copy of a data editor's cell (the grid keeps one in the page)."""
    return grid.get_by_test_id(f"glide-cell-{column + 1}-{row}")


def select_cell(page, grid, row: int, column: int) -> None:
    """Select a cell with the arrow keys from the first row's first cell (always drawn: a row
    just added may not be yet, on a loaded machine), each key checked against the selection
    the grid's accessible copy shows, so a key lost on a loaded machine is pressed again."""
    expect(grid_cell(grid, row, column)).to_be_attached()
    canvas = grid.locator("canvas").first.bounding_box()
    page.mouse.click(canvas["x"] + 100, canvas["y"] + HEADER + ROW / 2)
    selected = grid.locator('td[aria-selected="true"]')
    expect(selected).to_have_id(re.compile(r"glide-cell-\d+-0$"))  # the click has landed
    for _ in range(4 * (row + column + 2)):
        expect(selected).to_have_count(1)
        at = selected.get_attribute("id")
        selected_column, selected_row = (int(part) for part in at.split("-")[-2:])
        if (selected_row, selected_column) == (row, column + 1):
            return
        if selected_row != row:
            page.keyboard.press("ArrowDown" if selected_row < row else "ArrowUp")
        else:
            page.keyboard.press("ArrowRight" if selected_column < column + 1 else "ArrowLeft")
        try:
            expect(selected).not_to_have_id(at, timeout=3000)
        except AssertionError:
            pass  # the key was lost: the loop reads the selection again and presses again
    raise AssertionError(f"cell {row}, {column} could not be selected")


def add_row(page, grid, index: int) -> None:
    rows = grid.locator("tbody tr")
    before = rows.count()
    grid.hover()
    # an event on the toolbar's button itself: on a loaded machine the grid, still redrawing,
    # can lie over it and take a pointer click
    page.get_by_role("button", name="Add row").nth(index).dispatch_event("click")
    expect(rows).not_to_have_count(before)


def test_pilot_city_revises_the_plan_and_the_secretariat_approves(server, browser, context):
    pilot = context.new_page()
    pilot.set_viewport_size({"width": 1400, "height": 2200})
    sign_in(pilot, server, "bordeaux")
    pilot.goto(server + "/action_plan?network=1")
    settle(pilot)
    pilot.get_by_role("button", name="Commencer une version révisée").click()
    settle(pilot)
    grids = pilot.get_by_test_id("stDataFrame")
    calendar, budget = grids.nth(0), grids.nth(1)
    add_row(pilot, calendar, 0)
    edit_cell(pilot, calendar, 4, 1, "Closing webinar")
    edit_cell(
        pilot, calendar, 4, 2, "09102024", shown="2024-09-10"
    )  # the date editor takes month, day, year
    add_row(pilot, budget, 1)
    edit_cell(pilot, budget, 5, 1, "Printed booklet")
    edit_cell(pilot, budget, 5, 2, "12345.67")
    screenshot(pilot, "plan-editor-filled")
    pilot.get_by_role("button", name="Soumettre").click()
    expect(pilot.get_by_text("Soumise : révision 2.")).to_be_visible()
    settle(pilot)
    detail = pilot.url

    reviewer_context = browser.new_context(viewport={"width": 1400, "height": 1400})
    reviewer = reviewer_context.new_page()
    sign_in(reviewer, server, "secretariat")
    reviewer.goto(detail)
    settle(reviewer)
    reviewer.get_by_role("button", name="Approuver").click()
    expect(reviewer.get_by_text("Approuvée.").first).to_be_visible()
    reviewer_context.close()

    outsider_context = browser.new_context(viewport={"width": 1400, "height": 1800})
    outsider = outsider_context.new_page()
    sign_in(outsider, server, "cordoba")
    outsider.goto(server + "/network?id=1")
    settle(outsider)
    outsider.get_by_role("tab", name=re.compile("Plan de acción")).click()
    settle(outsider)
    body = outsider.inner_text("body")
    expect(outsider.get_by_text("Versión pública (convocatoria de participación)")).to_be_visible()
    assert "Printed booklet" not in body and "12.345,67" not in body
    # the data grid keeps an accessible copy of its cells in the page
    expect(outsider.locator("td", has_text="Closing webinar").first).to_be_attached()
    expect(outsider.locator("td", has_text="Printed booklet")).to_have_count(0)
    screenshot(outsider, "plan-public-cordoba")
    outsider_context.close()
