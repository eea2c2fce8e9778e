"""The assessment of a network's or a city's process (source 003's "bilan"): written by the host
city (or the Secretariat on its behalf) and reviewed like every submission."""

from __future__ import annotations

import streamlit as st

from ovpm.domain.diagnosis import DECISION_LABELS, Assessment, AssessmentDecision, Process
from ovpm.domain.models import Role
from ovpm.domain.submission_rules import NEXT_STEP, can_edit, can_start_revision
from ovpm.domain.submissions import SubmissionKind
from ovpm.services import submissions as submission_service
from ovpm.ui import db, gettext
from ovpm.ui.forms import FormMessages
from ovpm.ui.submissions import (
    form_prefix,
    open_submission,
    opened_copy,
    save_or_submit,
    show_change_request,
    status_badge,
)

EDITING = "assessment_editing"
KIND = str(SubmissionKind.ASSESSMENT)


def show_assessment(user, process: Process, host_or_secretariat: bool) -> None:
    """The form for its writers; the Advisory Group reads it (and comments on its page)."""
    _ = gettext()
    if not host_or_secretariat and user.role != Role.ADVISORY:
        st.info(
            _(
                "The assessment is kept by the host city, the General Secretariat and the "
                "Advisory Group."
            )
        )
        return
    current = submission_service.current_submission(
        db(), user, KIND, process.city_id, process.network_id
    )
    if current is None:
        st.info(_("No assessment yet: what was achieved, the lessons, and whether to go on."))
        if host_or_secretariat and st.button(_("Start the assessment"), type="primary"):
            submission_service.start_submission(
                db(), user, KIND, process.city_id, process.network_id
            )
            st.rerun()
        return
    status_badge(current.status)
    show_change_request(user, current)
    if current.revision and st.button(_("Revisions, comments and history")):
        open_submission(current.id)
    if not can_edit(user, current):
        st.write(_(NEXT_STEP[current.status]))
        show_assessment_content(Assessment.from_dict(current.content))
        if can_start_revision(user, current) and st.button(_("Start a revised version")):
            submission_service.start_revision(db(), user, current.id, current.version)
            st.rerun()
        return
    _form(user, opened_copy(EDITING, current))


def show_assessment_content(assessment: Assessment) -> None:
    """An assessment as it reads (its form's order)."""
    _ = gettext()
    for label, text in (
        (_("What was achieved"), assessment.achieved),
        (_("Lessons learned"), assessment.lessons),
    ):
        st.markdown("**" + label + "**")
        st.text(text or "—")
    decision = assessment.decision
    st.markdown(
        "**"
        + _("Decision")
        + "**: "
        + (_(DECISION_LABELS[AssessmentDecision(decision)]) if decision else "—")
    )
    st.markdown("**" + _("How to go on") + "**")
    st.text(assessment.how or "—")


def _form(user, opened) -> None:
    _ = gettext()
    content = Assessment.from_dict(opened.content)
    messages = FormMessages()
    with st.form(f"assessment_{form_prefix(EDITING, opened)}"):
        achieved = st.text_area(_("What was achieved"), content.achieved, height=150)
        messages.field("achieved")
        lessons = st.text_area(_("Lessons learned"), content.lessons, height=150)
        messages.field("lessons")
        choices = list(AssessmentDecision)
        decision = st.radio(
            _("Decision"),
            choices,
            index=choices.index(content.decision) if content.decision in choices else None,
            format_func=lambda d: _(DECISION_LABELS[d]),
            horizontal=True,
        )
        messages.field("decision")
        how = st.text_area(_("How to go on"), content.how, height=120)
        messages.field("how")
        messages.buttons()
        row = st.container(horizontal=True)
        save = row.form_submit_button(_("Save draft"), icon=":material/save:")
        submit = row.form_submit_button(_("Submit"), type="primary", icon=":material/send:")
    if save or submit:
        typed = Assessment(achieved, lessons, str(decision or ""), how)
        save_or_submit(user, opened, typed, submit, EDITING, messages)
