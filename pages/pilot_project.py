"""One pilot project: its definition through the review workflow, its indicators with their
charts, its progress reports, and its budget to those allowed; the public summary to the other
member cities."""

import streamlit as st

from ovpm import ui
from ovpm.auth import require_role
from ovpm.domain.errors import NotFound
from ovpm.services import pilot_projects as service
from ovpm.ui.congress import show_project_evaluation
from ovpm.ui.indicators import show_indicators
from ovpm.ui.navigation import roles_of
from ovpm.ui.networks import open_network
from ovpm.ui.pilot_projects import (
    show_definition,
    show_origin,
    show_project_budget,
    show_project_pdf,
    show_status,
    show_summary,
)
from ovpm.ui.progress_reports import show_reports

user = require_role(*roles_of("pilot_project"))
_ = ui.gettext()
db = ui.db()

try:
    project = service.get_project(db, user, int(st.query_params.get("id", "")))
except (ValueError, NotFound):
    st.warning(_("This pilot project does not exist or is not visible to you."))
    st.markdown("[" + _("Back to the pilot projects") + "](/pilot_projects)")
    st.stop()

rights = service.access(db, user, project)
st.title(ui.literal(project.title or _("Pilot project")))
ui.show_flash()
st.caption(
    _("Network: {name}", name=ui.literal(project.network_name))
    + " · "
    + _("City carrying it: {city}", city=ui.literal(project.city_name))
)
show_status(user, project, rights.edit)
row = st.container(horizontal=True)
with row:
    show_origin(project, rights.read)
    if st.button(_("Open the network"), icon=":material/hub:", type="tertiary"):
        open_network(project.network_id)

if not rights.read:
    st.info(_("You read the public summary of this project."))
    show_summary(user, project)
    show_indicators(user, project, rights)
    st.stop()

show_project_pdf(user, project)
definition_tab, indicators_tab, reports_tab, budget_tab, evaluation_tab = st.tabs(
    [_("Definition"), _("Indicators"), _("Progress reports"), _("Budget"), _("Evaluation")],
    key="project_view",
    on_change="rerun",
)
if definition_tab.open:
    with definition_tab:
        show_definition(user, project)
if indicators_tab.open:
    with indicators_tab:
        show_indicators(user, project, rights)
if reports_tab.open:
    with reports_tab:
        show_reports(user, project, rights)
if budget_tab.open:
    with budget_tab:
        show_project_budget(user, project)
if evaluation_tab.open:
    with evaluation_tab:
        show_project_evaluation(user, project, rights.edit)
