"""User text is shown as typed on every screen, under every role: with every free-text value of
the database starting with Markdown and HTML, no element of any view renders it."""

from __future__ import annotations

from pathlib import Path

import pytest
from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest

from ovpm.store.db import open_database
from ovpm.ui.navigation import screens_for
from tests.conftest import signed_in_state
from tests.markup import MARKUP, mark_up_database, rendered_markup

ROOT = Path(__file__).resolve().parents[2]
ACCOUNTS = {"secretariat": "secretariat", "advisory": "advisory", "bruges": "city"}
# Fields of an element that Streamlit renders as Markdown (text, labels, help, expander titles).
MARKDOWN_FIELDS = {"body", "label", "help"}
# Elements that show their text as it is.
LITERAL_ELEMENTS = {"text", "code", "json"}
# Tabs and expanders that build their content only when open: every one is opened in turn.
VIEWS = {
    "network": ("network_view", None),
    "submission": ("submission_view", None),
    "overview": ("overview_view", None),
    "users": ("user_view", None),
    "address_book": ("contact_view", None),
    "cities": ("city_view", None),
    "budget": ("budget_view", None),
    "themes": (None, "themes_all_open"),
    "networks": (None, "network_new_open"),
    "round_tables": (None, "round_table_new_open"),
    "submissions": (None, "behalf_open"),
    "meetings": (None, "plan_meeting_open"),
    "pilot_projects": ("pilot_projects_view", "start_project_open"),
    "pilot_project": ("project_view", None),
    "contribution": ("contribution_view", None),
    "mission4city": (None, "mission_start_open"),
    "mission": ("mission_view", None),
}


@pytest.fixture(scope="module")
def marked_db(demo_template, tmp_path_factory) -> Path:
    from tests.conftest import copy_database

    path = tmp_path_factory.mktemp("markup") / "ovpm.duckdb"
    copy_database(demo_template, path)
    mark_up_database(path)
    return path


@pytest.fixture(scope="module")
def record_ids(marked_db) -> dict[str, list[str]]:
    database = open_database(marked_db)
    with database.reading() as cur:
        networks = [
            str(r[0]) for r in cur.execute("SELECT id FROM networks ORDER BY id").fetchall()
        ]
        submissions = [
            str(r[0])
            for r in cur.execute(
                "SELECT min(id) FROM submissions GROUP BY kind, status ORDER BY 1"
            ).fetchall()
        ]
        meetings = [
            str(r[0])
            for r in cur.execute(
                "SELECT min(id) FROM meetings GROUP BY kind, minutes_id IS NULL ORDER BY 1"
            ).fetchall()
        ]
    database.close()
    deliverables = [
        f"1|{kind}" for kind in ("constitution_sheet", "priority_problem", "pilot_draft")
    ]
    return {
        "network": networks[:3],
        "action_plan": networks[:3],
        "submission": submissions,
        "deliverable": deliverables,  # network|kind
        "meeting": meetings,
        "pilot_project": ["1", "2"],
        "contribution": networks,  # the complete path's evaluation and contribution among them
        # Mission4City: published, report received, done, scheduled, in instruction, declined
        "mission": ["1", "3", "4", "5", "6", "10"],
        "library": ["", "practice:1", "practice:2"],
    }


def query_of(record: str) -> dict[str, str]:
    if record.startswith("practice:"):
        return {"practice": record.split(":")[1]}
    if "|" in record:
        network, kind = record.split("|")
        return {"network": network, "kind": kind}
    return {"id": record, "network": record} if record else {}


def markdown_texts(node) -> list[str]:
    """Every text of the page that Streamlit renders as Markdown, sidebar included."""
    texts: list[str] = []
    proto = getattr(node, "proto", None)
    if isinstance(proto, Message) and getattr(node, "type", "") not in LITERAL_ELEMENTS:
        texts += _markdown_fields(proto)
    if getattr(node, "type", "") == "table":
        texts += [str(cell) for cell in node.value.to_numpy().ravel()]
    for child in getattr(node, "children", {}).values():
        texts += markdown_texts(child)
    return texts


def _markdown_fields(message: Message) -> list[str]:
    texts = []
    for field, value in message.ListFields():
        if field.name in MARKDOWN_FIELDS and isinstance(value, str):
            texts.append(value)
        elif isinstance(value, Message):
            texts += _markdown_fields(value)
    return texts


def open_screen(key: str, username: str, query: dict[str, str], state: dict) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for name, value in {**signed_in_state(username), **state}.items():
        at.session_state[name] = value
    at.run()
    for name, value in query.items():
        at.query_params[name] = value
    at.switch_page(f"pages/{key}.py")
    return at.run()


def every_view(key: str, username: str, query: dict[str, str]):
    """The screen as first opened, then with each of its tabs or its expander open."""
    at = open_screen(key, username, query, {})
    yield "", at
    tabs_key, expander_key = VIEWS.get(key, (None, None))
    if expander_key:
        yield "expander", open_screen(key, username, query, {expander_key: True})
    if tabs_key:
        for label in [tab.label for tab in at.tabs][1:]:
            yield label, open_screen(key, username, query, {tabs_key: label})


@pytest.mark.parametrize("username", list(ACCOUNTS))
def test_no_screen_renders_a_users_markup(marked_db, record_ids, monkeypatch, username):
    monkeypatch.setenv("OVPM_DB", str(marked_db))
    monkeypatch.setenv("OVPM_TODAY", "2024-03-01")
    rendered, seen = {}, 0
    for screen in screens_for(ACCOUNTS[username]):
        for record in record_ids.get(screen.key, [""]):
            query = query_of(record)
            for view, at in every_view(screen.key, username, query):
                assert not at.exception, (screen.key, view, at.exception)
                texts = markdown_texts(at._tree)
                seen += sum(MARKUP.split()[0][2:6] in text for text in texts)
                found = rendered_markup(texts)
                if found:
                    rendered[(screen.key, record, view)] = found[:2]
    assert rendered == {}
    assert seen > 20  # the marked-up values are really on the screens, escaped
