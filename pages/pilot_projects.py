"""Pilot projects (step 2 of the Quebec Roadmap): every project with its network, city,
status, indicator progress and next report due; the progress reports across the programme; and,
for the pilot cities and the Secretariat, starting a project."""

import streamlit as st

from ovpm import ui
from ovpm.auth import require_role
from ovpm.domain.models import Role
from ovpm.services import pilot_projects as service
from ovpm.ui.congress import show_contributions
from ovpm.ui.navigation import roles_of
from ovpm.ui.pilot_projects import show_project_list, show_start
from ovpm.ui.progress_reports import show_programme_reports

user = require_role(*roles_of("pilot_projects"))
_ = ui.gettext()
db = ui.db()

st.title(_("Pilot projects"))
st.caption(
    _(
        "Step 2 of the Quebec Roadmap: the pilot projects of the networks, their indicators "
        "and progress reports."
    )
)
ui.show_flash()

if user.role != Role.ADVISORY:
    box = st.expander(_("Start a pilot project"), key="start_project_open", on_change="rerun")
    if box.open:
        with box:
            show_start(user)

projects_tab, reports_tab, congress_tab = st.tabs(
    [_("Projects"), _("Progress reports"), _("New Urban Project")],
    key="pilot_projects_view",
    on_change="rerun",
)
if projects_tab.open:
    with projects_tab:
        show_project_list(user, service.every_project(db, user), "project_rows")
if reports_tab.open:
    with reports_tab:
        show_programme_reports(user)
if congress_tab.open:
    with congress_tab:
        show_contributions(user)
