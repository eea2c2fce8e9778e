"""Accessibility measured with axe-core on every screen, for each role: no serious or critical
finding (make test installs axe-core from npm). The Advisory Group's demo account reads in
English, the others in French."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ROOT, settle
from tests.e2e.test_browser import sign_in

AXE = ROOT / ".venv" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
SCREENS = [
    "",
    "overview",
    "submissions",
    "expression",
    "theme_sheet",
    "themes",
    "networks",
    "round_tables",
    "budget",
    "network?id=1",
    "network?id=1#Atelier",  # a tab: opened by a click
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
    "deliverable?network=1&kind=pilot_draft",
    "action_plan?network=1",
    "submission?id=1",
    "cities",
    "address_book",
    "users",
    "audit",
    "data_import",
    "backup",
    "account",
]
SERIOUS = ("serious", "critical")
MEASUREMENTS = 3
# No animation running and no element still faded as stale (Streamlit fades the elements of a
# run until the next one redraws them, on a loaded machine for seconds).
AT_REST = """() => document.getAnimations().every(a => a.playState !== 'running')
    && [...document.querySelectorAll('[data-testid=stPageLink]')]
       .every(e => getComputedStyle(e).opacity === '1')"""
# Transitions and animations off while measuring, so that nothing is caught half-drawn.
STILL = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def serious_findings(page) -> list[str]:
    """The serious findings that hold in every measurement: a screen may still run once more
    after it settled (a component sending its value back), and axe catches the elements of that
    run faded as stale; a real finding is there again when the screen is measured again."""
    found = []
    for _attempt in range(MEASUREMENTS):
        settle(page)
        page.wait_for_function(AT_REST, timeout=60000)
        found = _measure(page)
        if not found:
            break
    return found


def _measure(page) -> list[str]:
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
        .map(v => ({id: v.id, impact: v.impact, where: v.nodes.map(n => n.target.join(' '))}))"""
    )
    return [f"{v['id']} ({v['impact']}): {v['where'][:2]}" for v in found if v["impact"] in SERIOUS]


def open_screen(page, server, path: str) -> None:
    path, _hash, tab = path.partition("#")
    page.goto(f"{server}/{path}")
    expect(page.get_by_test_id("stMain").get_by_test_id("stElementContainer").first).to_be_visible()
    settle(page)
    if tab:
        page.get_by_role("tab", name=re.compile(f"^({tab}|Workshop|Taller)$")).click()
        settle(page)
    page.add_style_tag(content=STILL)


def test_the_login_page_has_no_serious_finding(server, context):
    assert Path(AXE).exists(), "axe-core is missing: `make test` installs it from npm"
    page = context.new_page()
    open_screen(page, server, "")
    assert serious_findings(page) == []


@pytest.mark.parametrize("username", ["secretariat", "advisory", "bordeaux"])
def test_every_screen_has_no_serious_finding(server, context, username):
    page = context.new_page()
    page.set_viewport_size({"width": 1280, "height": 800})
    sign_in(page, server, username)
    findings = {}
    for path in SCREENS:
        open_screen(page, server, path)
        found = serious_findings(page)
        if found:
            findings[path or "home"] = found
    assert findings == {}
