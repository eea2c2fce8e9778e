"""Shared Streamlit widgets and helpers: the database handle, language, messages."""

from __future__ import annotations

import dataclasses
import functools
import logging
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

import pandas as pd
import pyarrow as pa
import streamlit as st

from ovpm import clock, i18n
from ovpm.charts import LAND_FILE, localised
from ovpm.config import settings
from ovpm.domain.errors import ConflictError, DomainError, PermissionDenied, ValidationError
from ovpm.domain.models import DEFAULT_LANGUAGE, LANGUAGES
from ovpm.domain.submission_rules import record_fields
from ovpm.services.notifications import start_sender
from ovpm.store.db import Database, open_database

T = TypeVar("T")
LANGUAGE_KEY = "ovpm_language"
# The world map's outline as the app serves it: fetched once and kept by the browser instead of
# travelling in every map (55 kB) on every rerun.
LAND_URL = f"app/static/{LAND_FILE}"
LOG = logging.getLogger("ovpm")


@functools.cache  # one per file for the process (st.cache_resource costs 0.5 ms a call)
def _database(path: str) -> Database:
    database = open_database(os.fspath(path))
    start_sender(database)
    return database


def db() -> Database:
    """The process's database for the configured path (one connection, a cursor per call)."""
    return _database(str(settings().db_path))


# Every ASCII punctuation mark may be backslash-escaped in Markdown; escaping them all leaves no
# emphasis, link, image, HTML, directive (:red[…], :material/…:) or formula in the text.
_MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def literal(text: object) -> str:
    """What a user typed (a name, a title, a theme), made safe to put inside any text that
    Streamlit renders as Markdown (titles, captions, messages, labels): shown exactly as typed,
    never as emphasis, link, image or HTML. Tables (`st.dataframe`) and `st.text` need none."""
    escaped = _MARKDOWN_PUNCTUATION.sub(r"\\\1", "" if text is None else str(text))
    # each line break kept (two spaces: a hard break); no line read as indented code
    return "  \n".join(_LEADING_SPACES.sub(_no_break, line) for line in escaped.split("\n"))


_LEADING_SPACES = re.compile(r"^[ \t]+")


def _no_break(spaces: re.Match) -> str:
    return "\u00a0" * len(spaces.group())


# Characters left as they are in a link's address; parentheses, brackets and spaces are encoded
# so that the address cannot end the Markdown link early.
URL_SAFE = ":/?#@!$&'*+,;=%~"
WEB_ADDRESS = re.compile(r"^https?://[^\s/?#]+\S*$", re.IGNORECASE)


def web_link(url: str, label: str | None = None) -> None:
    """A URL a user typed (a recording, an online meeting): a link only for an http(s) address,
    otherwise plain text. `label` is said before it ('Recording link: …')."""
    url = url.strip()
    shown = literal(url)
    if WEB_ADDRESS.match(url):
        shown = f"[{shown}]({quote(url, safe=URL_SAFE)})"
    if label:
        _ = gettext()
        shown = _("{label}: {value}", label=literal(label), value=shown)
    st.markdown(shown)


def kept(key: tuple, compute: Callable[[], T]) -> T:
    """What a screen computes from the data for display (formatted frames, chart specs), kept
    in this session's language until the next committed write or the next day (days left and
    late items count from today). The value is shared: never change it."""
    return db().derived(("screen", language(), clock.today(), *key), compute)


def language() -> str:
    """The language of this session: the user's choice, else French."""
    return i18n.normalise(st.session_state.get(LANGUAGE_KEY, DEFAULT_LANGUAGE))


def set_language(code: str) -> None:
    st.session_state[LANGUAGE_KEY] = i18n.normalise(code)


def gettext() -> Callable[..., str]:
    """The translator of this session's language."""
    return i18n.translator(language())


def language_picker(key: str) -> None:
    """A compact language selector that switches the session language."""
    current = language()
    choice = st.selectbox(
        "Langue · Language · Idioma",
        LANGUAGES,
        index=LANGUAGES.index(current),
        key=key,
        format_func=lambda code: i18n.LANGUAGE_NAMES[code],
    )
    if choice != current:
        set_language(choice)
        st.rerun()


def error_text(error: Exception, heading: str | None = None) -> str:
    """A service error as a message in the user's language (never a traceback); `heading`
    replaces the default first line of a list of broken rules."""
    _ = gettext()
    if isinstance(error, ValidationError):
        return (
            (heading or _("Nothing was saved. Please correct:"))
            + "\n\n"
            + "\n".join(f"- {i18n.field_error_text(e, language())}" for e in error.errors)
        )
    if isinstance(error, ConflictError):
        return _(
            "Someone else saved this record after you opened it. Your changes were not "
            "saved; the version now stored is shown below."
        )
    if isinstance(error, PermissionDenied):
        return _("You are not allowed to do this.")
    return _("Something went wrong; nothing was saved.")


def show_error(error: Exception, heading: str | None = None) -> None:
    """A service error as messages in the user's language, here (a conflict with the version
    now stored, field by field, and a button to edit it again)."""
    st.error(error_text(error, heading))
    if isinstance(error, ConflictError):
        show_conflict_details(error)


def show_conflict_details(error: ConflictError) -> None:
    """The version someone else stored, as a reader reads it (field by field, coded values by
    their name), and the button that reopens it for editing."""
    _ = gettext()
    if dataclasses.is_dataclass(error.current):
        lang = language()
        stored = record_fields(error.current)
        st.dataframe(
            {
                "field": [i18n.field_label(key, lang) for key in stored],
                "value": [i18n.field_value(key, text, lang) for key, text in stored.items()],
            },
            hide_index=True,
            width="stretch",
            column_config={"field": _("Field"), "value": _("Stored value")},
        )
    if st.button(_("Load the stored version and edit again"), key="reload_after_conflict"):
        for key in [k for k in st.session_state if str(k).endswith("_editing")]:
            del st.session_state[key]
        st.rerun()


def form_key(name: str) -> str:
    """The current key of a form that is emptied after a successful save (see `saved_and_reset`)."""
    return f"{name}_{st.session_state.get(f'ovpm_form_{name}', 0)}"


def saved_and_reset(name: str, message: str) -> None:
    """After a successful create: empty the form, then show `message` on the next run."""
    st.session_state[f"ovpm_form_{name}"] = st.session_state.get(f"ovpm_form_{name}", 0) + 1
    flash_and_rerun(message)


def pick_row(frame, shown, columns: dict[str, str], key: str, hint: str) -> int | None:
    """A table whose rows can be selected; returns the `id` of the selected row, if any.

    `frame` holds the ids, `shown` the same rows as displayed (exactly the columns of
    `columns`, made once by the caller: this runs on every rerun), `columns` their labels."""
    event = st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        column_config=columns,
        on_select="rerun",
        selection_mode="single-row",
        key=key,
    )
    st.caption(hint)
    return int(frame.iloc[event.selection.rows[0]]["id"]) if event.selection.rows else None


def run_action(action, message: str) -> None:
    """Run one service call; show its errors here, or `message` once on the next run."""
    try:
        action()
    except DomainError as error:
        show_error(error)
    else:
        flash_and_rerun(message)


def flash(message: str) -> None:
    """A confirmation shown once on the next run (`show_flash`), even on another page."""
    st.session_state["ovpm_flash"] = message


def flash_and_rerun(message: str) -> None:
    flash(message)
    st.rerun()


def show_flash() -> None:
    """The confirmation left by `saved_and_reset`, once."""
    message = st.session_state.pop("ovpm_flash", None)
    if message:
        st.success(message)


def forget_edits_on_a_new_visit(page) -> None:
    """Records opened for editing (keys ending in `_editing`) belong to one visit of a page:
    coming back later opens the stored version afresh."""
    current = getattr(page, "url_path", "")
    if st.session_state.get("ovpm_page") != current:
        for key in [k for k in st.session_state if str(k).endswith("_editing")]:
            del st.session_state[key]
        st.session_state["ovpm_page"] = current


STYLE = Path(__file__).with_name("app.css")


def page_style() -> None:
    """The app's few style rules (static, never user text)."""
    st.html(STYLE)


def navigation_menu(sections: dict[str, list]) -> None:
    """The role's screens in the sidebar, by section (hidden screens are reached from others)."""
    for section, pages in sections.items():
        visible = [page for page in pages if page.visibility != "hidden"]
        if not visible:
            continue
        if section:
            st.caption(literal(section))
        for page in visible:
            st.page_link(page, label=page.title, icon=page.icon)


def run_page(page) -> None:
    """Run the chosen page; an unexpected error is logged and shown as a plain message in the
    user's language instead of Streamlit's error box (st.stop and st.rerun pass through)."""
    forget_edits_on_a_new_visit(page)
    try:
        page.run()
    except Exception:  # noqa: BLE001 - the last line of defence of every page
        LOG.exception("page %s failed", getattr(page, "url_path", "?"))
        _ = gettext()
        st.error(
            _(
                "Something went wrong on this page; nothing you saved was lost. "
                "Please try again, or tell the General Secretariat if it persists."
            )
        )


def cell_text(value: object) -> str:
    """A data-editor cell as text ('' for an empty cell)."""
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def cell_date(value: object):
    """A data-editor cell as a date (None for an empty cell)."""
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def arrow_table(frame: pd.DataFrame) -> pa.Table | pd.DataFrame:
    """A table to keep for display (`kept`), as Arrow: `st.dataframe` then sends it as it is,
    where a pandas frame is converted again on every run (0.5–2 ms a table). A frame Arrow
    cannot type (mixed values in a column) is kept as it is."""
    try:
        return pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return frame


def rows_table(rows: list[dict], columns: list[str]) -> pa.Table | pd.DataFrame:
    """Rows built on each run, to show (`st.dataframe`) or edit (`st.data_editor`, which then
    returns Arrow too), as Arrow straight from the rows: a pandas frame costs about 1 ms a table
    and a run. Columns Arrow cannot type (mixed values) go through pandas, Streamlit's way."""
    try:
        return pa.table({column: [row[column] for row in rows] for column in columns})
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pd.DataFrame(rows, columns=columns)


def table_rows(table: pa.Table | pd.DataFrame) -> list[dict]:
    """The rows of a table `st.data_editor` returned (Arrow or pandas, as it was given)."""
    return table.to_pylist() if isinstance(table, pa.Table) else table.to_dict("records")


def chart(spec: dict) -> None:
    """Draw a Vega-Lite spec of `ovpm.charts`, full width, with the reader's number and date
    formats.

    Its tables of rows go to the browser as Arrow: written here straight from the rows, since
    Streamlit would build a pandas frame of each first (0.8 ms a table and a run, against 0.07).
    Map outlines (TopoJSON) stay in the spec, as Streamlit leaves them."""
    datasets = spec.get("datasets", {})
    arrow = {name: _arrow_bytes(rows) for name, rows in datasets.items() if _is_rows(rows)}
    spec = localised({**spec, "datasets": {**datasets, **arrow}}, language())
    st.vega_lite_chart(spec, width="stretch")


def _is_rows(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(row, dict) for row in value)


def _arrow_bytes(rows: list[dict]) -> bytes | list[dict]:
    try:
        table = pa.Table.from_pylist(rows)
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # mixed types in a column: Streamlit's way
        return rows
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()
