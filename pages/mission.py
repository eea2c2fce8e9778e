"""One Mission4City request: the technical sheet through the review workflow, the instruction
(a)–(d) with matched experts and the programme, the requesting city's obligations, the costs
(budget lines, to those allowed) and the mission report."""

import streamlit as st

from ovpm import ui
from ovpm.auth import require_role
from ovpm.domain.errors import NotFound
from ovpm.domain.missions import MissionStatus
from ovpm.services import missions as service
from ovpm.ui.mission_followup import show_costs, show_obligations, show_report
from ovpm.ui.mission_instruction import show_instruction
from ovpm.ui.missions import mission_badge, show_moves, show_request
from ovpm.ui.navigation import roles_of

user = require_role(*roles_of("mission"))
_ = ui.gettext()
db = ui.db()

try:
    mission = service.get_mission(db, user, int(st.query_params.get("id", "")))
except (ValueError, NotFound):
    st.warning(_("This request does not exist or is not yours to read."))
    st.markdown("[" + _("Back to Mission4City") + "](/mission4city)")
    st.stop()

st.title(ui.literal(mission.title) or _("Mission4City request"))
ui.show_flash()
row = st.container(horizontal=True, vertical_alignment="center")
with row:
    mission_badge(mission)
row.caption(_("Requesting city: {city}", city=ui.literal(mission.city_name)))
if mission.status == MissionStatus.DECLINED:
    st.error(_("Declined: {reason}", reason=ui.literal(mission.decline_reason)))
show_moves(user, mission)

request_tab, instruction_tab, obligations_tab, costs_tab, report_tab = st.tabs(
    [_("Request"), _("Instruction"), _("Obligations"), _("Costs"), _("Mission report")],
    key="mission_view",
    on_change="rerun",
)
if request_tab.open:
    with request_tab:
        show_request(user, mission)
if instruction_tab.open:
    with instruction_tab:
        show_instruction(user, mission)
if obligations_tab.open:
    with obligations_tab:
        show_obligations(user, mission)
if costs_tab.open:
    with costs_tab:
        show_costs(user, mission)
if report_tab.open:
    with report_tab:
        show_report(user, mission)
