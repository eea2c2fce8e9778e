"""Widgets shared by the step-1 screens: status badges, read views, navigation to a submission."""

from __future__ import annotations

import dataclasses

import streamlit as st

from ovpm import i18n
from ovpm.domain.errors import DomainError
from ovpm.domain.models import Role
from ovpm.domain.rules import FIELD_LABELS
from ovpm.domain.submission_rules import NEXT_STEP, can_edit, can_start_revision
from ovpm.domain.submissions import (
    AXIS_LABELS,
    NAMED_STAFF,
    STATUS_LABELS,
    Axis,
    ExpressionOfInterest,
    Status,
    ThemeSheet,
)
from ovpm.services import cities as city_service
from ovpm.services import submissions as submission_service
from ovpm.ui import db, flash, flash_and_rerun, gettext, language, literal, show_flash
from ovpm.ui.forms import FormMessages

STATUS_COLORS = {
    Status.DRAFT: "gray",
    Status.SUBMITTED: "blue",
    Status.CHANGES_REQUESTED: "orange",
    Status.APPROVED: "green",
    Status.WITHDRAWN: "gray",
}
DETAIL_PAGE = "pages/submission.py"


def status_badge(status: Status) -> None:
    st.badge(gettext()(STATUS_LABELS[Status(status)]), color=STATUS_COLORS[Status(status)])


def axis_label(axis: int | None, short: bool = False) -> str:
    """'Axis 2 — Resilient cities made dynamic…' in the user's language ('' when not chosen).

    Never '2. …': markdown would turn that into a numbered list."""
    _ = gettext()
    if axis not in {int(a) for a in Axis}:
        return ""
    return _("Axis {n}", n=axis) + ("" if short else " — " + _(AXIS_LABELS[Axis(axis)]))


def show_change_request(user, submission) -> None:
    """Under 'changes requested': what the Secretariat asked, who asked and when, so that the
    city knows what to change (on the form it edits and beside the submission in its list)."""
    if submission.status != Status.CHANGES_REQUESTED:
        return
    asked = [
        revision
        for revision in submission_service.revisions(db(), user, submission.id)
        if revision.outcome == Status.CHANGES_REQUESTED
    ]
    if not asked:
        return
    _ = gettext()
    last = asked[-1]
    st.warning(
        _(
            "Changes requested by {who} on {day}:",
            who=literal(last.decided_by or ""),
            day=i18n.format_day(last.decided_at.date(), language(), "medium"),
        )
        + "\n\n"
        + literal(last.comment or "—"),
        icon=":material/rate_review:",
    )


def open_submission(submission_id: int) -> None:
    """Go to the submission's detail screen."""
    st.switch_page(DETAIL_PAGE, query_params={"id": str(submission_id)})


def _person_rows(sheet: ThemeSheet) -> list[dict]:
    _ = gettext()
    rows = [
        {
            "role": _(FIELD_LABELS[role]),
            "name": getattr(sheet, role).name,
            "title": getattr(sheet, role).title,
            "email": getattr(sheet, role).email,
        }
        for role in NAMED_STAFF
    ]
    rows += [
        {
            "role": _("Other staff member {n}", n=index + 1),
            "name": person.name,
            "title": person.title,
            "email": person.email,
        }
        for index, person in enumerate(sheet.others)
    ]
    return rows


def show_theme_sheet(sheet: ThemeSheet) -> None:
    """Every field of a theme sheet, read-only."""
    _ = gettext()
    st.markdown("##### " + _("Municipal staff concerned"))
    st.dataframe(
        _person_rows(sheet),
        hide_index=True,
        width="stretch",
        column_config={
            "role": _("Role"),
            "name": _("Name"),
            "title": _("Title"),
            "email": _("E-mail"),
        },
    )
    st.markdown("##### " + _("Situation and main challenges"))
    st.text(sheet.challenges or "—")
    st.markdown("##### " + _("Actions under way or completed"))
    st.text(sheet.actions or "—")
    st.markdown("##### " + _("Identified themes"))
    priority = sheet.priority_theme
    if priority is not None:
        st.markdown(
            ":material/star: "
            + _("Priority theme: {theme}", theme="**" + literal(priority.title) + "**")
        )
    st.dataframe(
        [
            {
                "n": index + 1,
                "title": theme.title,
                "description": theme.description,
                "axis": axis_label(theme.axis),
                "priority": index == sheet.priority,
            }
            for index, theme in enumerate(sheet.themes)
        ],
        hide_index=True,
        width="stretch",
        # the priority first: at any width the reader sees which theme it is
        column_order=["priority", "n", "title", "axis", "description"],
        column_config={
            "n": "#",
            "title": _("Short title"),
            "description": _("Description"),
            "axis": st.column_config.TextColumn(_("Strategic axis"), width="medium"),
            "priority": st.column_config.CheckboxColumn(_("Priority theme"), width="small"),
        },
    )
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
    if user.role == Role.CITY:
        return user.city_id
    _ = gettext()
    wanted = st.query_params.get("city")
    options = list(names)
    index = (
        options.index(int(wanted)) if wanted and wanted.isdigit() and int(wanted) in names else None
    )
    chosen = st.selectbox(
        _("City (the Secretariat fills the form on its behalf)"),
        options,
        index=index,
        format_func=names.get,
        placeholder=_("Choose a city"),
        key=key,
    )
    if chosen is not None:
        st.query_params["city"] = str(chosen)
    return chosen


def opened_copy(key: str, current):
    """The version of a record this session opened for editing, kept across reruns so that a
    stale save is refused instead of silently replacing what the user typed."""
    opened = st.session_state.get(key)
    if opened is None or opened.id != current.id or opened.status != current.status:
        st.session_state[key] = opened = current
        _show_the_stored_version(key)
    return opened


def form_prefix(key: str, opened) -> str:
    """The prefix of the widget keys of an edit form. It changes only when the form must show
    the stored version again (opened afresh, saved, reloaded after a conflict) and never after a
    refused submit: what the user types after a refusal stays, and one press submits it."""
    return f"{key}{opened.id}g{st.session_state.get(key + '_generation', 0)}"


def _show_the_stored_version(key: str) -> None:
    st.session_state[key + "_generation"] = st.session_state.get(key + "_generation", 0) + 1


def editable_submission(user, kind: str, editing_key: str, texts: dict[str, str]):
    """The city's submission of `kind` opened for editing on a form page, or stop the page with
    what can be done instead (start it, start a revision, see its history).

    `texts` holds the page's own words: 'title', 'caption', 'none' and 'start'."""
    _ = gettext()
    st.title(texts["title"])
    st.caption(texts["caption"])
    city_id = city_for_form(user, city_service.city_names(db(), user), f"{kind}_city")
    if city_id is None:
        st.stop()
    current = submission_service.current_submission(db(), user, kind, city_id)
    show_flash()
    if current is None:
        st.info(texts["none"])
        if st.button(texts["start"], type="primary"):
            submission_service.start_submission(db(), user, kind, city_id)
            st.rerun()
        st.stop()
    status_badge(current.status)
    show_change_request(user, current)
    if not can_edit(user, current):
        st.write(_(NEXT_STEP[current.status]))
        if can_start_revision(user, current) and st.button(
            _("Start a revised version"), type="primary"
        ):
            submission_service.start_revision(db(), user, current.id, current.version)
            st.rerun()
        if current.revision and st.button(_("Revisions, comments and history")):
            open_submission(current.id)
        st.stop()
    return opened_copy(editing_key, current)


def save_or_submit(
    user, opened, typed, submit: bool, editing_key: str, messages: FormMessages
) -> None:
    """Save the draft or submit it; on success say so (and open the submission once submitted).

    A refusal is shown above the form's buttons and beside each refused field. A refused submit
    has saved what was typed as the draft (the service does it): the form keeps what the user
    typed, and the next save gives that draft's version. A conflict keeps the stale copy."""
    _ = gettext()
    try:
        if submit:
            done = submission_service.submit(db(), user, opened.id, typed, opened.version)
        else:
            done = submission_service.save_draft(db(), user, opened.id, typed, opened.version)
    except DomainError as error:
        saved = getattr(error, "saved", None)
        if saved is not None:
            st.session_state[editing_key] = dataclasses.replace(opened, version=saved.version)
        heading = _("Not submitted. What you typed was saved as a draft; please correct:")
        messages.show(error, heading if saved is not None else None)
        return
    st.session_state[editing_key] = done
    _show_the_stored_version(editing_key)
    if submit:
        flash(_("Submitted: revision {n}.", n=done.revision))
        open_submission(done.id)
    flash_and_rerun(_("Draft saved."))


def show_history(events) -> None:
    """The review steps of a submission (columns the caller may read)."""
    _ = gettext()
    lang = language()
    actions = {
        "create": _("Created"),
        "submit": _("Submitted"),
        "changes_requested": _("Changes requested"),
        "approved": _("Approved"),
        "withdraw": _("Withdrawn"),
        "start_revision": _("Revision started"),
    }
    st.dataframe(
        events.assign(
            action=events["action"].map(lambda a: actions.get(a, a)),
            happened_at=events["happened_at"].map(lambda t: i18n.format_moment(t, lang)),
        ),
        hide_index=True,
        width="stretch",
        column_config={
            "revision": _("Revision"),
            "action": _("What"),
            "actor_username": _("Who"),
            "happened_at": _("When (UTC)"),
            "comment": _("Comment"),
        },
    )
