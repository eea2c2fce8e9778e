"""Screens parts of the pilot projects: the list, starting a project, its definition through
the review workflow, and its status."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ovpm import i18n
from ovpm.domain.deliverables import Step
from ovpm.domain.errors import DomainError
from ovpm.domain.models import Role
from ovpm.domain.pilot_projects import (
    MOVES,
    ORIGIN_LABELS,
    PROJECT_STATUS_LABELS,
    Origin,
    Project,
    ProjectDefinition,
)
from ovpm.domain.submission_rules import NEXT_STEP, can_edit, can_start_revision
from ovpm.services import indicators as indicator_service
from ovpm.services import pilot_projects as service
from ovpm.services import progress_reports as report_service
from ovpm.services import project_costs, project_exports
from ovpm.services import submissions as submission_service
from ovpm.ui import (
    cell_date,
    cell_text,
    db,
    flash,
    gettext,
    kept,
    language,
    literal,
    pick_row,
    run_action,
    show_error,
)
from ovpm.ui.budget import show_cost_form, show_cost_lines
from ovpm.ui.forms import FormMessages
from ovpm.ui.submissions import (
    form_prefix,
    open_submission,
    opened_copy,
    save_or_submit,
    show_change_request,
    status_badge,
)

PROJECT_PAGE = "pages/pilot_project.py"
EDITING = "definition_editing"
STATUS_COLORS = {
    "proposed": "gray",
    "approved": "blue",
    "launched": "violet",
    "under_way": "orange",
    "completed": "green",
    "suspended": "red",
    "dropped": "gray",
}


def open_project(project_id: int) -> None:
    st.switch_page(PROJECT_PAGE, query_params={"id": str(project_id)})


def status_text(project: Project) -> str:
    return gettext()(PROJECT_STATUS_LABELS[project.status])


def percent(value) -> str:
    return "—" if value is None else i18n.format_percent(value, language())


def show_project_list(user, projects: list[Project], key: str, with_network: bool = True) -> None:
    """Every project with its network, city, status, indicator progress and next report due;
    a row opens the project."""
    _ = gettext()
    if not projects:
        st.info(_("No pilot project yet."))
        return
    columns = {
        "network": _("Network"),
        "title": _("Pilot project"),
        "city": _("City carrying it"),
        "status": _("Status"),
        "progress": _("Indicator progress"),
        "next_report": _("Next report due"),
    }
    if not with_network:
        del columns["network"]
    listed = tuple((p.id, p.version) for p in projects)
    frame, shown = kept(
        ("project_list", user.id, listed, with_network),
        lambda: _project_rows(user, projects, list(columns)),
    )
    chosen = pick_row(frame, shown, columns, key, _("Select a row to open the project."))
    if chosen is not None:
        open_project(chosen)


def _project_rows(user, projects: list[Project], columns: list[str]):
    lang = language()
    rows = []
    for project in projects:
        due = report_service.next_due(db(), project)
        rows.append(
            {
                "id": project.id,
                "network": project.network_name,
                "title": project.title,
                "city": project.city_name,
                "status": status_text(project),
                "progress": percent(indicator_service.project_progress(db(), user, project)),
                "next_report": i18n.format_day(due, lang, "medium") if due else "—",
            }
        )
    frame = pd.DataFrame(rows, columns=["id", *columns])
    return frame, frame[columns]


def show_start(user) -> None:
    """Start a project from an approved report on the workshop's initial draft or from a
    promoted seed (the pilot city, the Secretariat)."""
    _ = gettext()
    reports = service.startable_reports(db(), user)
    seeds = service.startable_seeds(db(), user)
    if not reports and not seeds:
        st.caption(
            _(
                "A pilot project starts from an approved report on the workshop's initial "
                "draft, or from a promoted project seed. None is waiting."
            )
        )
        return
    for submission_id, network_name in reports:
        label = _(
            "Start the pilot project of {network} from its approved report",
            network=network_name,
        )
        if st.button(label, key=f"start_report_{submission_id}", type="primary"):
            _started(lambda s=submission_id: service.start_from_pilot_draft(db(), user, s))
    for seed_id, title, network_name, carriers in seeds:
        with st.container(border=True):
            st.markdown(
                _("Promoted seed: {title}", title="**" + literal(title) + "**")
                + " · "
                + literal(network_name)
            )
            city = st.selectbox(
                _("City carrying it"),
                list(carriers),
                format_func=carriers.get,
                key=f"seed_city_{seed_id}",
            )
            if st.button(_("Start a pilot project from this seed"), key=f"start_seed_{seed_id}"):
                _started(lambda s=seed_id, c=city: service.start_from_seed(db(), user, s, c))


def _started(action) -> None:
    try:
        project_id = action()
    except DomainError as error:
        show_error(error)
        return
    _ = gettext()
    flash(_("The pilot project was started: complete its definition and submit it for review."))
    open_project(project_id)


def show_origin(project: Project, linked: bool) -> None:
    """Where the project comes from, with a link to it for those who read it."""
    _ = gettext()
    text = _(ORIGIN_LABELS[project.origin])
    if not linked:
        st.caption(_("From: {origin}", origin=text))
    elif project.origin == Origin.PILOT_DRAFT:
        if st.button(_("From: {origin}", origin=text), icon=":material/link:", type="tertiary"):
            open_submission(project.origin_id)
    else:
        if st.button(_("From: {origin}", origin=text), icon=":material/link:", type="tertiary"):
            st.session_state["collective_view"] = _("Project seeds")
            st.switch_page("pages/collective.py", query_params={"network": str(project.network_id)})


def show_status(user, project: Project, may_edit: bool) -> None:
    """The status, and the moves that make sense to those who edit the project."""
    _ = gettext()
    row = st.container(horizontal=True, vertical_alignment="center")
    with row:
        st.badge(status_text(project), color=STATUS_COLORS[str(project.status)])
        if project.launched_on:
            st.caption(_("Launched on {day}", day=i18n.format_day(project.launched_on, language())))
    if not may_edit or not MOVES[project.status]:
        return
    with row.popover(_("Change the status")):
        choices = sorted(MOVES[project.status], key=list(PROJECT_STATUS_LABELS).index)
        wanted = st.radio(
            _("New status"),
            choices,
            format_func=lambda s: _(PROJECT_STATUS_LABELS[s]),
            key=f"move_{project.id}",
        )
        if st.button(_("Change the status"), type="primary", key=f"move_go_{project.id}"):
            run_action(
                lambda: service.move(db(), user, project.id, project.version, wanted),
                _("Status changed."),
            )


def show_project_pdf(user, project: Project) -> None:
    """The whole project as PDF (those who read it all)."""
    _ = gettext()
    st.download_button(
        _("Project as PDF"),
        lambda: project_exports.project_pdf(db(), user, project, language()),
        file_name=f"pilot-project-{project.id}.pdf",
        mime="application/pdf",
        icon=":material/picture_as_pdf:",
    )


def show_summary(user, project: Project) -> None:
    """The public summary: objectives and expected results."""
    _ = gettext()
    content = service.definition(db(), user, project)
    st.markdown("**" + _("Objectives") + "**")
    st.text(content.objectives or "—")
    st.markdown("**" + _("Expected results") + "**")
    st.text(content.expected_results or "—")


def show_definition(user, project: Project) -> None:
    """The definition: its review state, the form to those who edit it before approval, the
    text to everyone else who reads the project."""
    _ = gettext()
    if not _reads_submission(user, project):
        show_definition_content(service.definition(db(), user, project))
        return
    current = submission_service.get_submission(db(), user, project.definition_id)
    status_badge(current.status)
    show_change_request(user, current)
    if current.revision and st.button(
        _("Revisions, comments and history"), key="definition_history"
    ):
        open_submission(current.id)
    if not can_edit(user, current):
        st.write(_(NEXT_STEP[current.status]))
        show_definition_content(service.definition(db(), user, project))
        if can_start_revision(user, current) and st.button(_("Start a revised version")):
            submission_service.start_revision(db(), user, current.id, current.version)
            st.rerun()
        return
    _definition_form(user, opened_copy(EDITING, current))


def _reads_submission(user, project: Project) -> bool:
    return user.role in (Role.SECRETARIAT, Role.ADVISORY) or user.city_id == project.city_id


def show_definition_content(content: ProjectDefinition) -> None:
    _ = gettext()
    lang = language()
    for label, text in (
        (_("Objectives"), content.objectives),
        (_("Expected results"), content.expected_results),
        (_("Partners"), content.partners),
    ):
        st.markdown("**" + label + "**")
        st.text(text or "—")
    st.markdown("**" + _("Timeline of milestones") + "**")
    if content.timeline:
        st.dataframe(
            [
                {"what": s.what, "by": i18n.format_day(s.by, lang, "medium") if s.by else "—"}
                for s in content.timeline
            ],
            hide_index=True,
            width="stretch",
            column_config={"what": _("What"), "by": _("By")},
        )
    else:
        st.text("—")


def _definition_form(user, opened) -> None:
    _ = gettext()
    content = ProjectDefinition.from_dict(opened.content)
    prefix = form_prefix(EDITING, opened)
    messages = FormMessages()
    with st.form(f"definition_{prefix}"):
        title = st.text_input(_("Project title"), content.title, key=f"{prefix}_title")
        messages.field("project_title", "title")
        objectives = st.text_area(_("Objectives"), content.objectives, key=f"{prefix}_obj")
        messages.field("objectives")
        results = st.text_area(_("Expected results"), content.expected_results, key=f"{prefix}_res")
        messages.field("expected_results")
        partners = st.text_area(
            _("Partners (from the address book or free text)"),
            content.partners,
            key=f"{prefix}_partners",
        )
        messages.field("partners")
        st.markdown("##### " + _("Timeline of milestones"))
        timeline = st.data_editor(
            pd.DataFrame([vars(s) for s in content.timeline], columns=["what", "by"]),
            num_rows="dynamic",
            width="stretch",
            key=f"{prefix}_timeline",
            column_config={
                "what": st.column_config.TextColumn(_("What"), default="", width="large"),
                "by": st.column_config.DateColumn(_("By"), format="YYYY-MM-DD"),
            },
        )
        messages.field("timeline")
        messages.buttons()
        row = st.container(horizontal=True)
        save = row.form_submit_button(_("Save draft"), icon=":material/save:")
        submit = row.form_submit_button(_("Submit"), type="primary", icon=":material/send:")
    if save or submit:
        typed = ProjectDefinition(
            title,
            objectives,
            results,
            partners,
            tuple(
                Step(cell_text(r["what"]), cell_date(r["by"]))
                for r in timeline.to_dict("records")
                if cell_text(r.get("what")) or cell_date(r.get("by"))
            ),
            content.origin,
            content.origin_id,
            content.cost_estimate,
            content.currency,
        )
        save_or_submit(user, opened, typed, submit, EDITING, messages)


def show_project_budget(user, project: Project) -> None:
    """The project's budget lines to those the budget rules let read them; the Secretariat and
    the carrying city add costs."""
    _ = gettext()
    lines = project_costs.costs(db(), user, project)
    if not lines:
        st.info(_("No budget line of this project that you may read."))
    show_cost_lines(lines, ("project_costs", project.id))
    if user.role == Role.SECRETARIAT or user.city_id == project.city_id:
        box = st.expander(_("Add a cost"), key="project_cost_open", on_change="rerun")
        if box.open:
            with box:
                show_cost_form(
                    f"project_cost_{project.id}",
                    project_costs.funders_for(user),
                    lambda *cost: project_costs.add_cost(db(), user, project.id, *cost),
                )
    if st.button(_("Open Budget tracking"), icon=":material/account_balance_wallet:"):
        st.switch_page("pages/budget.py")


def show_network_links(user, network_id: int) -> None:
    """The network's pilot projects, and its evaluation and contribution."""
    _ = gettext()
    row = st.container(horizontal=True)
    for project in service.every_project(db(), user, network_id):
        if row.button(
            _("Pilot project: {title}", title=literal(project.title)),
            icon=":material/rocket_launch:",
            type="tertiary",
            key=f"network_project_{project.id}",
        ):
            open_project(project.id)
    if row.button(_("Evaluation and contribution"), icon=":material/flag:", type="tertiary"):
        st.switch_page("pages/contribution.py", query_params={"network": str(network_id)})
