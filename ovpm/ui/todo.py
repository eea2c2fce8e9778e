""" "What I have to do" at the top of the home page: each item a link to where it is done."""

from __future__ import annotations

import streamlit as st

from ovpm import clock, i18n
from ovpm.domain.todo import TODO_KIND_LABELS, TodoItem, TodoKind
from ovpm.services import todo
from ovpm.ui import db, gettext, language, literal

SHOWN_FIRST = 10


def item_label(item: TodoItem) -> str:
    """'Action to carry out · Share the flood map — due 20 Mar 2024 · late'."""
    _ = gettext()
    parts = [_(TODO_KIND_LABELS[item.kind])]
    if item.detail:
        parts.append(_(item.detail))
    parts.append(literal(item.subject))
    label = " · ".join(parts)
    if item.due is not None:
        day = i18n.format_day(item.due, language(), "medium")
        label += " — " + (
            _("on {day}", day=day) if item.kind == TodoKind.MEETING else _("due {day}", day=day)
        )
        if item.overdue(clock.today()):
            label += " · **" + _("late") + "**"
    return label


def _links(items: list[TodoItem], first: int = 0) -> None:
    """Each item a link-like button to the screen where it is done (a button: the target
    screens are known to the app's navigation, not to a page opened alone)."""
    today = clock.today()
    for number, item in enumerate(items, start=first):
        if st.button(
            item_label(item),
            icon=":material/error:" if item.overdue(today) else ":material/arrow_forward:",
            type="tertiary",
            key=f"todo_{number}",
        ):
            st.switch_page(item.page, query_params=item.params)


def show_my_list(user) -> None:
    """The user's list; the first items at once, the others on demand."""
    _ = gettext()
    items = todo.my_list(db(), user)
    st.markdown("#### " + _("What I have to do"))
    if not items:
        st.caption(_("Nothing waits for you."))
        return
    _links(items[:SHOWN_FIRST])
    rest = items[SHOWN_FIRST:]
    if rest:
        box = st.expander(_("{n} more", n=len(rest)), key="todo_more_open", on_change="rerun")
        if box.open:
            with box:
                _links(rest, SHOWN_FIRST)
