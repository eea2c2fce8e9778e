"""Progress toward the 17th World Congress: stages of every city and network computed from the
data, late and due-next items, timeline and map, budget summary, what changed since the last
Advisory Group meeting, the briefing pack and the overview tables as XLSX."""

import streamlit as st

from ovpm import ui
from ovpm.auth import require_role
from ovpm.domain.models import Role
from ovpm.services import progress as service
from ovpm.ui import progress as widgets
from ovpm.ui.mission_overview import mission_panel
from ovpm.ui.navigation import roles_of

user = require_role(*roles_of("overview"))
_ = ui.gettext()
db = ui.db()

st.title(_("Progress overview"))
ui.show_flash()
kept_key = ("overview", user.id)  # what is shown, kept until the next write
readable = ui.kept(kept_key, lambda: service.overview(db, user))
scope = widgets.scope_bar(readable)
view_key = (*kept_key, scope)
current = ui.kept(view_key, lambda: service.narrowed(readable, scope))
widgets.key_figures(current)

labels = [
    _("Stages"),
    _("Networks"),
    _("Cities"),
    _("Timeline and map"),
    _("Budget"),
    _("Mission4City"),
    _("What changed"),
    _("Briefing pack"),
]
if user.role == Role.SECRETARIAT:
    labels.append(_("Cycle settings"))
tabs = st.tabs(labels, key="overview_view", on_change="rerun")  # only the open view is built
if tabs[0].open:
    with tabs[0]:
        widgets.stages_view(user, current, view_key)
if tabs[1].open:
    with tabs[1]:
        widgets.matrix_view(current, "network", view_key)
if tabs[2].open:
    with tabs[2]:
        widgets.matrix_view(current, "city", view_key)
if tabs[3].open:
    with tabs[3]:
        widgets.timeline_and_map(db, user, current, view_key)
if tabs[4].open:
    with tabs[4]:
        widgets.budget_summary(db, user, current)
if tabs[5].open:
    with tabs[5]:
        mission_panel(user)
if tabs[6].open:
    with tabs[6]:
        widgets.changes_view(db, user, widgets.since_picker(current))
if tabs[7].open:
    with tabs[7]:
        widgets.briefing_pack(db, user, scope, widgets.since_picker(current))
if len(tabs) > 8 and tabs[8].open:
    with tabs[8]:
        widgets.settings_form(db, user, current)
        widgets.milestones_form(db, user)
