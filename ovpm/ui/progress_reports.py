"""Screen parts of the progress reports: the schedule (the Secretariat), the reports due,
overdue, submitted and approved, and the report form of the carrying city."""

from __future__ import annotations

from datetime import date

import streamlit as st

from ovpm import i18n
from ovpm.domain.models import Role
from ovpm.domain.pilot_projects import (
    REPORT_MONTHS_MAX,
    ProgressReport,
    Project,
    ProjectAccess,
)
from ovpm.domain.submission_rules import NEXT_STEP, can_edit
from ovpm.services import pilot_projects as project_service
from ovpm.services import progress_reports as service
from ovpm.services import submissions as submission_service
from ovpm.ui import db, gettext, kept, language, run_action
from ovpm.ui.forms import FormMessages
from ovpm.ui.submissions import (
    form_prefix,
    open_submission,
    opened_copy,
    save_or_submit,
    show_change_request,
    status_badge,
)

EDITING = "report_editing"
REPORT_KEY = "open_report"


def show_reports(user, project: Project, rights: ProjectAccess) -> None:
    """The schedule, the table of the project's reports, and the report being written."""
    _ = gettext()
    lang = language()
    _schedule(user, project, rights)
    table = kept(
        ("report_table", project.id), lambda: service.reports_frame(db(), user, lang, project)
    )
    if table.empty:
        st.info(
            _(
                "No report is due yet: reports are due once the project is launched and its schedule set."
            )
        )
        return
    shown = table.drop(columns=["submission_id", "project_id"])
    event = st.dataframe(
        shown,
        hide_index=True,
        width="stretch",
        on_select="rerun",
        selection_mode="single-row",
        key="report_rows",
    )
    st.caption(_("Select a report to write it or read it."))
    if event.selection.rows:
        row = table.iloc[event.selection.rows[0]]
        _open_slot(user, project, rights, row)


def _open_slot(user, project: Project, rights: ProjectAccess, row) -> None:
    _ = gettext()
    due_on = row.iloc[3]
    submission_id = row["submission_id"]
    if submission_id is None or submission_id != submission_id:  # NaN when not started
        if not rights.edit:
            st.info(_("This report has not been started."))
            return
        if st.button(
            _("Write the report due on {day}", day=i18n.format_day(due_on, language())),
            type="primary",
        ):
            run_action(
                lambda: service.start_report(db(), user, project.id, due_on),
                _("The report was started."),
            )
        return
    _report(user, project, int(submission_id))


def _report(user, project: Project, submission_id: int) -> None:
    _ = gettext()
    if not (user.role in (Role.SECRETARIAT, Role.ADVISORY) or user.city_id == project.city_id):
        st.info(
            _("The report is read by the carrying city, the Secretariat and the Advisory Group.")
        )
        return
    current = submission_service.get_submission(db(), user, submission_id)
    status_badge(current.status)
    show_change_request(user, current)
    if current.revision and st.button(_("Revisions, comments and history"), key="report_history"):
        open_submission(current.id)
    content = ProgressReport.from_dict(current.content)
    if not can_edit(user, current):
        st.write(_(NEXT_STEP[current.status]))
        show_report_content(content)
        return
    _form(user, project, opened_copy(EDITING, current))


def show_report_content(report: ProgressReport) -> None:
    """A report as it reads: its period, texts and the values of its period."""
    _ = gettext()
    lang = language()
    if report.period_start and report.period_end:
        st.markdown(
            "**"
            + _("Period")
            + "**: "
            + i18n.format_period(report.period_start, report.period_end, lang)
        )
    for label, text in (
        (_("What was done"), report.done),
        (_("Difficulties"), report.difficulties),
        (_("Next steps"), report.next_steps),
    ):
        st.markdown("**" + label + "**")
        st.text(text or "—")
    if report.values:
        st.markdown("**" + _("Indicator values of the period") + "**")
        st.dataframe(
            [
                {
                    "indicator": v.indicator,
                    "day": i18n.format_day(v.measured_on, lang, "medium"),
                    "value": v.value + (" " + v.unit if v.unit else ""),
                    "source": v.source,
                }
                for v in report.values
            ],
            hide_index=True,
            width="stretch",
            column_config={
                "indicator": _("Indicator"),
                "day": _("Date measured"),
                "value": _("Value"),
                "source": _("Source"),
            },
        )


def _form(user, project: Project, opened) -> None:
    _ = gettext()
    content = ProgressReport.from_dict(opened.content)
    prefix = form_prefix(EDITING, opened)
    messages = FormMessages()
    st.caption(
        _(
            "The indicator values measured in the period are added to the report when it is "
            "submitted: enter them on the Indicators tab."
        )
    )
    with st.form(f"report_{prefix}"):
        left, right = st.columns(2)
        start = left.date_input(
            _("Start of the period"), content.period_start, format="YYYY-MM-DD", key=f"{prefix}_s"
        )
        end = right.date_input(
            _("End of the period"), content.period_end, format="YYYY-MM-DD", key=f"{prefix}_e"
        )
        messages.field("period_start", "period_end")
        done = st.text_area(_("What was done"), content.done, key=f"{prefix}_done")
        messages.field("done")
        difficulties = st.text_area(_("Difficulties"), content.difficulties, key=f"{prefix}_dif")
        messages.field("difficulties")
        next_steps = st.text_area(_("Next steps"), content.next_steps, key=f"{prefix}_next")
        messages.field("next_steps")
        messages.buttons()
        row = st.container(horizontal=True)
        save = row.form_submit_button(_("Save draft"), icon=":material/save:")
        submit = row.form_submit_button(_("Submit"), type="primary", icon=":material/send:")
    if save or submit:
        typed = ProgressReport(start, end, done, difficulties, next_steps)
        save_or_submit(user, opened, typed, submit, EDITING, messages)


def _schedule(user, project: Project, rights: ProjectAccess) -> None:
    _ = gettext()
    lang = language()
    if project.report_every_months:
        text = _("Reports every {n} months from the launch.", n=project.report_every_months)
    elif project.report_dates:
        text = _(
            "Reports on given dates: {dates}.",
            dates=", ".join(i18n.format_day(d, lang, "medium") for d in project.report_dates),
        )
    else:
        text = _("No report schedule is set yet.")
    st.write(text)
    if not rights.schedule:
        return
    with st.popover(_("Set the report schedule")):
        messages = FormMessages()
        with st.form(f"schedule_{project.id}_{project.version}"):
            every = st.number_input(
                _("Every N months"),
                min_value=0,
                max_value=REPORT_MONTHS_MAX,
                value=project.report_every_months or 0,
                help=_("0: on the given dates below instead."),
            )
            dates = st.text_input(
                _("Or on given dates (YYYY-MM-DD, separated by commas)"),
                ", ".join(d.isoformat() for d in project.report_dates),
            )
            messages.field("every_months", "report_dates", "schedule")
            messages.buttons()
            pressed = st.form_submit_button(_("Save the schedule"), type="primary")
        if pressed:
            try:
                given = tuple(date.fromisoformat(d.strip()) for d in dates.split(",") if d.strip())
            except ValueError:
                st.error(_("Given dates: each must be a date (YYYY-MM-DD)."))
                return
            messages.run(
                lambda: project_service.set_schedule(
                    db(), user, project.id, project.version, int(every) or None, given
                ),
                _("Schedule saved."),
            )


def show_programme_reports(user) -> None:
    """Every report due, overdue, submitted and approved across the programme; a row opens
    its project."""
    _ = gettext()
    lang = language()
    table = kept(("programme_reports", user.id), lambda: service.reports_frame(db(), user, lang))
    if table.empty:
        st.info(_("No report is due yet."))
        return
    late = (table[_("Status")] == _("Overdue")).sum()
    if late:
        st.warning(_("Overdue reports: {n}", n=int(late)))
    event = st.dataframe(
        table.drop(columns=["submission_id", "project_id"]),
        hide_index=True,
        width="stretch",
        on_select="rerun",
        selection_mode="single-row",
        key="programme_report_rows",
    )
    st.caption(_("Select a row to open the project."))
    if event.selection.rows:
        project_id = int(table.iloc[event.selection.rows[0]]["project_id"])
        st.switch_page("pages/pilot_project.py", query_params={"id": str(project_id)})
