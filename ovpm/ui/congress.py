"""Screen parts of step 3 and the Congress: an evaluation (of a project or a network) and a
network's contribution to the New Urban Project, each with its review state, its form to those
who write it, and what it takes from the data; the networks' contributions and the compendium."""

from __future__ import annotations

import streamlit as st

from ovpm import i18n
from ovpm.domain.congress import Assembled, Contribution, Evaluation, IndicatorResult
from ovpm.domain.models import Role
from ovpm.domain.pilot_projects import PROJECT_STATUS_LABELS, ProjectStatus
from ovpm.domain.submission_rules import NEXT_STEP, can_edit, can_start_revision
from ovpm.domain.submissions import Submission, SubmissionKind
from ovpm.services import congress as service
from ovpm.services import submissions as submission_service
from ovpm.ui import db, gettext, kept, language, literal, rows_table, run_action
from ovpm.ui.forms import FormMessages
from ovpm.ui.submissions import (
    axis_label,
    form_prefix,
    open_submission,
    opened_copy,
    save_or_submit,
    show_change_request,
    status_badge,
)

EDITING = "congress_editing"
CONTRIBUTION_PAGE = "pages/contribution.py"


def show_results(found: tuple[IndicatorResult, ...], key: tuple) -> None:
    """Every indicator's baseline, target, latest value and progress (from the data)."""
    _ = gettext()
    lang = language()
    if not found:
        st.info(_("No indicator has a value yet."))
        return
    st.dataframe(
        kept(
            (*key, found),
            lambda: rows_table(
                [
                    {
                        "project": r.project,
                        "indicator": r.indicator + (f" ({r.unit})" if r.unit else ""),
                        "baseline": r.baseline,
                        "target": r.target,
                        "latest": r.latest,
                        "progress": i18n.format_percent(float(r.progress), lang)
                        if r.progress
                        else "—",
                    }
                    for r in found
                ],
                ["project", "indicator", "progress", "latest", "baseline", "target"],
            ),
        ),
        hide_index=True,
        width="stretch",
        column_config={
            "project": _("Pilot project"),
            "indicator": _("Indicator"),
            "baseline": _("Baseline"),
            "target": _("Target"),
            "latest": _("Latest value"),
            "progress": _("Progress"),
        },
    )


def show_document(user, current: Submission) -> None:
    """An evaluation or a contribution: its review state, then its form or its content."""
    _ = gettext()
    status_badge(current.status)
    show_change_request(user, current)
    row = st.container(horizontal=True)
    if current.revision and row.button(
        _("Revisions, comments and history"), key=f"history_{current.id}"
    ):
        open_submission(current.id)
    row.download_button(
        _("Download as PDF"),
        lambda: submission_service.submission_pdf(db(), user, current.id, None, language()),
        file_name=f"{current.kind}-{current.id}.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
        key=f"pdf_{current.id}",
    )
    shown = service.shown_content(db(), user, current, current.content)
    if not can_edit(user, current):
        st.write(_(NEXT_STEP[current.status]))
        show_content(shown, current.id)
        if can_start_revision(user, current) and st.button(
            _("Start a revised version"), key=f"revise_{current.id}"
        ):
            submission_service.start_revision(db(), user, current.id, current.version)
            st.rerun()
        return
    opened = opened_copy(EDITING + str(current.id), current)
    if isinstance(shown, Evaluation):
        st.markdown("##### " + _("Results against every indicator"))
        st.caption(
            _("Pulled from the indicators' values; frozen when the evaluation is submitted.")
        )
        show_results(shown.results, ("results", current.id))
        _evaluation_form(user, opened)
    else:
        _assembled(shown.assembled, current.id)
        _contribution_form(user, opened)


def show_content(content, key: int) -> None:
    _ = gettext()
    if isinstance(content, Evaluation):
        st.markdown("##### " + _("Results against every indicator"))
        show_results(content.results, ("results", key))
        for label, text in (
            (_("Lessons learned"), content.lessons),
            (_("What would be done differently"), content.differently),
            (_("Recommendations for the New Urban Project"), content.recommendations),
        ):
            st.markdown("**" + label + "**")
            st.text(text or "—")
        return
    st.markdown("**" + _("Introduction") + "**")
    st.text(content.introduction or "—")
    _assembled(content.assembled, key)
    st.markdown("**" + _("Conclusions") + "**")
    st.text(content.conclusions or "—")


def _assembled(data: Assembled | None, key: int) -> None:
    """What the contribution takes from the data."""
    _ = gettext()
    if data is None:
        return
    with st.container(border=True):
        st.caption(_("Taken from the data (frozen when the contribution is submitted)"))
        st.markdown(
            "**"
            + literal(data.network)
            + "** · "
            + axis_label(data.axis, short=True)
            + " · "
            + _("Pilot city: {city}", city=literal(data.pilot_city))
        )
        st.write(_("Priority theme: {theme}", theme=literal(data.theme)))
        if data.problem:
            st.write(_("Priority problem: {title}", title=literal(data.problem)))
        st.write(_("Cities taking part: {cities}", cities=literal(", ".join(data.cities) or "—")))
        st.markdown("**" + _("Concept and objectives") + "**")
        st.text(data.concept or "—")
        st.markdown("**" + _("Pilot projects") + "**")
        for part in data.projects:
            st.markdown(
                "- "
                + literal(part.title)
                + " — "
                + literal(part.city)
                + " · "
                + _(PROJECT_STATUS_LABELS[ProjectStatus(part.status)])
            )
        show_results(data.results, ("assembled", key))
        st.markdown("**" + _("Lessons learned") + "**")
        st.text(data.lessons or "—")
        st.markdown("**" + _("Recommendations for the New Urban Project") + "**")
        st.text(data.recommendations or "—")


def _evaluation_form(user, opened) -> None:
    _ = gettext()
    content = Evaluation.from_dict(opened.content)
    prefix = form_prefix(EDITING + str(opened.id), opened)
    messages = FormMessages()
    with st.form(f"evaluation_{prefix}"):
        lessons = st.text_area(_("Lessons learned"), content.lessons, key=f"{prefix}_l")
        messages.field("lessons")
        differently = st.text_area(
            _("What would be done differently"), content.differently, key=f"{prefix}_d"
        )
        messages.field("differently")
        recommendations = st.text_area(
            _("Recommendations for the New Urban Project"),
            content.recommendations,
            key=f"{prefix}_r",
        )
        messages.field("recommendations")
        messages.buttons()
        row = st.container(horizontal=True)
        save = row.form_submit_button(_("Save draft"), icon=":material/save:")
        submit = row.form_submit_button(_("Submit"), type="primary", icon=":material/send:")
    if save or submit:
        typed = Evaluation(lessons, differently, recommendations)
        save_or_submit(user, opened, typed, submit, EDITING + str(opened.id), messages)


def _contribution_form(user, opened) -> None:
    _ = gettext()
    content = Contribution.from_dict(opened.content)
    prefix = form_prefix(EDITING + str(opened.id), opened)
    messages = FormMessages()
    with st.form(f"contribution_{prefix}"):
        introduction = st.text_area(
            _("Introduction"), content.introduction, height=180, key=f"{prefix}_i"
        )
        messages.field("introduction")
        conclusions = st.text_area(
            _("Conclusions"), content.conclusions, height=180, key=f"{prefix}_c"
        )
        messages.field("conclusions")
        messages.buttons()
        row = st.container(horizontal=True)
        save = row.form_submit_button(_("Save draft"), icon=":material/save:")
        submit = row.form_submit_button(_("Submit"), type="primary", icon=":material/send:")
    if save or submit:
        typed = Contribution(introduction, conclusions)
        save_or_submit(user, opened, typed, submit, EDITING + str(opened.id), messages)


def show_network_document(user, network, kind: SubmissionKind, writes: bool) -> None:
    """The network's evaluation or contribution, or the button that starts it."""
    _ = gettext()
    current = None
    if writes or user.role == Role.ADVISORY:
        current = service.network_document(db(), user, network.id, kind)
    if current is None:
        if kind == SubmissionKind.CONTRIBUTION:
            _assembled(service.assembled_now(db(), user, network.id), 0)
        if not writes:
            st.info(_("It is written by the pilot city; its approved PDF is open to every city."))
            _approved_download(user, network.id, kind)
            return
        st.info(_("Not started yet."))
        if st.button(_("Start"), type="primary", key=f"start_{kind}"):
            service.start_network_document(db(), user, network.id, kind)
            st.rerun()
        return
    show_document(user, current)


def _approved_download(user, network_id: int, kind: SubmissionKind) -> None:
    _ = gettext()
    if kind != SubmissionKind.CONTRIBUTION:
        return
    if service.contribution_approved(db(), network_id):
        st.download_button(
            _("The approved contribution (PDF)"),
            lambda: service.approved_contribution_pdf(db(), user, network_id, language()),
            file_name=f"contribution-{network_id}.pdf",
            mime="application/pdf",
            icon=":material/picture_as_pdf:",
        )


def show_project_evaluation(user, project, may_edit: bool) -> None:
    """A project's evaluation (step 3), or the button that starts it."""
    _ = gettext()
    current = service.project_evaluation(db(), user, project)
    if current is None:
        st.info(
            _(
                "Step 3: results against every indicator, lessons learned, what would be done "
                "differently and recommendations for the New Urban Project."
            )
        )
        if may_edit and st.button(_("Start the evaluation"), type="primary"):
            run_action(
                lambda: service.start_project_evaluation(db(), user, project.id),
                _("The evaluation was started."),
            )
        return
    if not (user.role in (Role.SECRETARIAT, Role.ADVISORY) or user.city_id == project.city_id):
        status_badge(current.status)
        return
    show_document(user, current)


def show_contributions(user) -> None:
    """Each network with where its evaluation and contribution stand; the compendium."""
    _ = gettext()
    lang = language()
    frame = kept(("congress_networks",), lambda: service.networks_frame(db(), user, lang))
    st.download_button(
        _("New Urban Project compendium (PDF)"),
        lambda: service.compendium_pdf(db(), user, lang),
        file_name="new-urban-project-compendium.pdf",
        mime="application/pdf",
        icon=":material/menu_book:",
        type="primary",
    )
    st.caption(_("Every approved contribution, with a table of contents and the axis of each."))
    event = st.dataframe(
        frame.drop(columns=["id"]),
        hide_index=True,
        width="stretch",
        on_select="rerun",
        selection_mode="single-row",
        key="congress_rows",
    )
    st.caption(_("Select a network to open its evaluation and contribution."))
    if event.selection.rows:
        network_id = int(frame.iloc[event.selection.rows[0]]["id"])
        st.switch_page(CONTRIBUTION_PAGE, query_params={"network": str(network_id)})
