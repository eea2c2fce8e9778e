"""A real `streamlit run` on 127.0.0.1 with a copy of the demo database, and headless Chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.conftest import copy_database

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
SCREENSHOTS = ROOT / "tests" / "e2e" / "screenshots"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(folder: Path, database: Path, warm: bool = True) -> Iterator[str]:
    """`streamlit run` on 127.0.0.1 with `database`, until the block ends; `warm` runs the app
    once first (a fresh server's first run imports everything)."""
    port = free_port()
    env = {**os.environ, "OVPM_DB": str(database), "OVPM_TODAY": "2024-03-01"}
    log = (folder / "streamlit.log").open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if urllib.request.urlopen(url + "/_stcore/health", timeout=2).status == 200:
                break
        except OSError:
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail("streamlit did not start: " + (folder / "streamlit.log").read_text())
    try:
        if warm:
            warm_up(url)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="session")
def server(demo_template, tmp_path_factory):
    folder = tmp_path_factory.mktemp("server")
    database = folder / "ovpm.duckdb"
    copy_database(demo_template, database)
    with running_server(folder, database) as url:
        yield url


def warm_up(url: str) -> None:
    """Run the app's script once in a headless browser so that the first test does not pay for
    the imports of the first run."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = chromium.new_page()
        page.goto(url + "/")
        page.get_by_role("button").first.wait_for(timeout=60000)
        chromium.close()


@pytest.fixture(scope="session")
def browser(server):  # after the server: its warm-up runs its own Playwright first
    assert Path(CHROMIUM).exists(), "Chromium is missing: `make test` installs Debian's chromium"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(20000)
    yield context
    context.close()


def settle(page) -> None:
    """Wait until the page is connected, no script run is going on and no element is still a
    loading skeleton or a stale one: conditions only, so a loaded machine is merely slower."""
    app = page.get_by_test_id("stApp")
    expect(app).to_have_attribute("data-test-connection-state", "CONNECTED", timeout=60000)
    expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=60000)
    expect(page.get_by_test_id("stSkeleton")).to_have_count(0, timeout=60000)
    # elements of the previous run, faded until the new run replaces or removes them
    expect(page.locator('[data-stale="true"]')).to_have_count(0, timeout=60000)


PAGE_FAILURES = (
    "Une erreur s'est produite sur cette page",
    "Something went wrong on this page",
    "Algo salió mal en esta página",
    "This app has encountered an error",
)


def screenshot(page, name: str, full_page: bool = True) -> None:
    """Save a screenshot (of the whole page, or what the window shows) once the page has
    settled; it must show no failure."""
    settle(page)
    body = page.inner_text("body")
    assert not any(failure in body for failure in PAGE_FAILURES), f"{name}: the page failed"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)
