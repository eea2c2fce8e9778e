"""Widgets shared by the step-1 screens: status badges, read views, navigation to a submission."""
from __future__ import annotations

import streamlit as st

from ovpm import i18n
from ovpm.domain.submissions import (AXIS_LABELS, NAMED_STAFF, STATUS_LABELS, Axis,
                                     ExpressionOfInterest, Status, ThemeSheet)
from ovpm.domain.rules import FIELD_LABELS
from ovpm.ui import gettext, language

STATUS_COLORS = {Status.DRAFT: "gray", Status.SUBMITTED: "blue",
                 Status.CHANGES_REQUESTED: "orange", Status.APPROVED: "green",
                 Status.WITHDRAWN: "gray"}
DETAIL_PAGE = "pages/submission.py"


def status_badge(status: Status) -> None:
    st.badge(gettext()(STATUS_LABELS[Status(status)]), color=STATUS_COLORS[Status(status)])


def axis_label(axis: int | None, short: bool = False) -> str:
    """'2. Resilient cities made dynamic…' in the user's language ('' when not chosen)."""
    _ = gettext()
    if axis not in {int(a) for a in Axis}:
        return ""
    return f"{axis}. " + (_("Axis {n}", n=axis) if short else _(AXIS_LABELS[Axis(axis)]))


def open_submission(submission_id: int) -> None:
    """Go to the submission's detail screen."""
    st.switch_page(DETAIL_PAGE, query_params={"id": str(submission_id)})


def _person_rows(sheet: ThemeSheet) -> list[dict]:
    _ = gettext()
    rows = [{"role": _(FIELD_LABELS[role]), "name": getattr(sheet, role).name,
             "title": getattr(sheet, role).title, "email": getattr(sheet, role).email}
            for role in NAMED_STAFF]
    rows += [{"role": _("Other staff member {n}", n=index + 1), "name": person.name,
              "title": person.title, "email": person.email}
             for index, person in enumerate(sheet.others)]
    return rows


def show_theme_sheet(sheet: ThemeSheet) -> None:
    """Every field of a theme sheet, read-only."""
    _ = gettext()
    st.markdown("##### " + _("Municipal staff concerned"))
    st.dataframe(_person_rows(sheet), hide_index=True, width="stretch",
                 column_config={"role": _("Role"), "name": _("Name"), "title": _("Title"),
                                "email": _("E-mail")})
    st.markdown("##### " + _("Situation and main challenges"))
    st.text(sheet.challenges or "—")
    st.markdown("##### " + _("Actions under way or completed"))
    st.text(sheet.actions or "—")
    st.markdown("##### " + _("Identified themes"))
    st.dataframe([{"n": index + 1, "title": theme.title, "description": theme.description,
                   "axis": axis_label(theme.axis),
                   "priority": index == sheet.priority} for index, theme in enumerate(sheet.themes)],
                 hide_index=True, width="stretch",
                 column_config={"n": "#", "title": _("Short title"),
                                "description": _("Description"), "axis": _("Strategic axis"),
                                "priority": st.column_config.CheckboxColumn(_("Priority theme"))})
    st.markdown("##### " + _("Priority theme: description and relation to its axis"))
    st.text(sheet.priority_description or "—")


def show_expression(expression: ExpressionOfInterest) -> None:
    """Every field of an expression of interest, read-only."""
    _ = gettext()
    day = i18n.format_day(expression.letter_date, language()) if expression.letter_date else "—"
    contact = expression.contact
    person = " · ".join(part for part in (contact.name, contact.title, contact.email) if part)
    labelled(_("Date"), day)
    labelled(_("Contact person"), person)
    labelled(_("Text"), expression.text)
    labelled(_("Letter signed by the mayor (PDF)"), expression.letter_name)


def labelled(label: str, value: str) -> None:
    """A label and a user-typed value shown as plain text (no markdown, no HTML)."""
    st.caption(label)
    st.text(value or "—")


def city_for_form(user, names: dict[int, str], key: str) -> int | None:
    """The city a form is filled for: a city user's own; for the Secretariat, the city in the
    address (?city=…) or the one picked here."""
    from ovpm.domain.models import Role
    if user.role == Role.CITY:
        return user.city_id
    _ = gettext()
    wanted = st.query_params.get("city")
    options = list(names)
    index = options.index(int(wanted)) if wanted and wanted.isdigit() and int(wanted) in names \
        else None
    chosen = st.selectbox(_("City (the Secretariat fills the form on its behalf)"), options,
                          index=index, format_func=names.get, placeholder=_("Choose a city"),
                          key=key)
    if chosen is not None:
        st.query_params["city"] = str(chosen)
    return chosen


def opened_copy(key: str, current):
    """The version of a record this session opened for editing, kept across reruns so that a
    stale save is refused instead of silently replacing what the user typed."""
    opened = st.session_state.get(key)
    if opened is None or opened.id != current.id or opened.status != current.status:
        st.session_state[key] = opened = current
    return opened
