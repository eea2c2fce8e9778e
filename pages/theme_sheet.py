"""The theme sheet of a city (source 001): every field, live word counts, save draft, submit."""

import pandas as pd
import streamlit as st

from ovpm import ui
from ovpm.auth import require_role
from ovpm.domain.rules import FIELD_LABELS
from ovpm.domain.submission_rules import (
    ACTIONS_MAX_WORDS,
    CHALLENGES_MAX_WORDS,
    PRIORITY_MAX_WORDS,
    THEMES_MAX,
)
from ovpm.domain.submissions import NAMED_STAFF, Axis, Person, SubmissionKind, Theme, ThemeSheet
from ovpm.ui.forms import FormMessages
from ovpm.ui.navigation import roles_of
from ovpm.ui.submissions import axis_label, editable_submission, form_prefix, save_or_submit
from ovpm.ui.word_counter import live_word_counts

user = require_role(*roles_of("theme_sheet"))
_ = ui.gettext()
db = ui.db()
KIND = str(SubmissionKind.THEME_SHEET)
EDITING = "theme_sheet_editing"

opened = editable_submission(
    user,
    KIND,
    EDITING,
    {
        "title": _("Theme sheet"),
        "caption": _(
            "Step 1.2 of the Quebec Roadmap: the city's priority theme. Save a draft at any "
            "time; the word limits are checked when you submit."
        ),
        "none": _("This city has no theme sheet yet."),
        "start": _("Start the theme sheet"),
    },
)
sheet = ThemeSheet.from_dict(opened.content)
prefix = form_prefix(EDITING, opened)
messages = FormMessages()
axis_options = [axis_label(int(axis)) for axis in Axis]
LABEL_CHALLENGES = (
    _("Situation and main challenges") + " " + _("(at most {n} words)", n=CHALLENGES_MAX_WORDS)
)
LABEL_ACTIONS = (
    _("Actions under way or completed") + " " + _("(at most {n} words)", n=ACTIONS_MAX_WORDS)
)
LABEL_PRIORITY = (
    _("Priority theme: description and relation to its axis")
    + " "
    + _("(at most {n} words)", n=PRIORITY_MAX_WORDS)
)


def person_inputs(role_key: str, person: Person) -> Person:
    st.markdown("**" + _(FIELD_LABELS[role_key]) + "**")
    c1, c2, c3 = st.columns(3)
    typed = Person(
        c1.text_input(_("Name"), person.name, key=f"{prefix}_{role_key}_name"),
        c2.text_input(_("Title"), person.title, key=f"{prefix}_{role_key}_title"),
        c3.text_input(_("E-mail"), person.email, key=f"{prefix}_{role_key}_email"),
    )
    messages.field(role_key)
    return typed


def people_from(frame: pd.DataFrame) -> tuple[Person, ...]:
    people = (
        Person(str(r.get("name") or ""), str(r.get("title") or ""), str(r.get("email") or ""))
        for r in frame.to_dict("records")
    )
    return tuple(p for p in people if not p.is_blank())


def themes_from(frame: pd.DataFrame) -> tuple[tuple[Theme, ...], int | None]:
    themes, ticked = [], []
    for row in frame.to_dict("records"):
        title, description = str(row.get("title") or ""), str(row.get("description") or "")
        axis = axis_options.index(row["axis"]) + 1 if row.get("axis") in axis_options else None
        if not (title.strip() or description.strip() or axis):
            continue
        if row.get("priority"):
            ticked.append(len(themes))
        themes.append(Theme(title, description, axis))
    return tuple(themes), ticked[0] if len(ticked) == 1 else None


with st.form(f"theme_sheet_{prefix}"):
    st.subheader(_("Municipal staff concerned"))
    st.caption(_("The four named people are required, each with name, title and e-mail."))
    staff = {role: person_inputs(role, getattr(sheet, role)) for role in NAMED_STAFF}
    st.markdown("**" + _("Other staff members (optional)") + "**")
    others = st.data_editor(
        pd.DataFrame([p.__dict__ for p in sheet.others], columns=["name", "title", "email"]),
        num_rows="dynamic",
        width="stretch",
        key=f"{prefix}_others",
        column_config={
            "name": st.column_config.TextColumn(_("Name"), default=""),
            "title": st.column_config.TextColumn(_("Title"), default=""),
            "email": st.column_config.TextColumn(_("E-mail"), default=""),
        },
    )
    messages.field("others")
    st.subheader(_("The city today"))
    challenges = st.text_area(
        LABEL_CHALLENGES, sheet.challenges, height=180, key=f"{prefix}_challenges"
    )
    messages.field("challenges")
    actions = st.text_area(LABEL_ACTIONS, sheet.actions, height=160, key=f"{prefix}_actions")
    messages.field("actions")
    st.subheader(_("Identified themes"))
    st.caption(
        _(
            "One to {max} themes, each with a short title, a description and one strategic "
            "axis. Tick the priority theme.",
            max=THEMES_MAX,
        )
    )
    theme_rows = pd.DataFrame(
        [
            {
                "title": t.title,
                "description": t.description,
                "axis": axis_label(t.axis) or None,
                "priority": index == sheet.priority,
            }
            for index, t in enumerate(sheet.themes)
        ],
        columns=["title", "description", "axis", "priority"],
    )
    edited_themes = st.data_editor(
        theme_rows,
        num_rows="dynamic",
        width="stretch",
        key=f"{prefix}_themes",
        column_order=["priority", "title", "description", "axis"],
        column_config={
            "title": st.column_config.TextColumn(_("Short title"), max_chars=120, default=""),
            "description": st.column_config.TextColumn(_("Description"), width="large", default=""),
            "axis": st.column_config.SelectboxColumn(
                _("Strategic axis"), options=axis_options, width="medium"
            ),
            "priority": st.column_config.CheckboxColumn(_("Priority theme"), default=False),
        },
    )
    messages.field("themes", "priority")
    priority_description = st.text_area(
        LABEL_PRIORITY, sheet.priority_description, height=140, key=f"{prefix}_priority"
    )
    messages.field("priority_description")
    messages.buttons()
    row = st.container(horizontal=True)
    save_clicked = row.form_submit_button(_("Save draft"), icon=":material/save:")
    submit_clicked = row.form_submit_button(_("Submit"), type="primary", icon=":material/send:")

live_word_counts(
    {
        LABEL_CHALLENGES: CHALLENGES_MAX_WORDS,
        LABEL_ACTIONS: ACTIONS_MAX_WORDS,
        LABEL_PRIORITY: PRIORITY_MAX_WORDS,
    },
    _("{count} / {limit} words"),
    key="theme_sheet_words",
)

if save_clicked or submit_clicked:
    themes, priority = themes_from(edited_themes)
    typed = ThemeSheet(
        **staff,
        others=people_from(others),
        challenges=challenges,
        actions=actions,
        themes=themes,
        priority=priority,
        priority_description=priority_description,
    )
    save_or_submit(user, opened, typed, submit_clicked, EDITING, messages)
