"""The shared diagnosis (obstacles, levers, needs, resources), the project seeds with their
action groups, the working groups and their common action plan, and the assessment, of a network or of a city's own process (SPEC.md §4.9,
sources 003 and 004)."""

import streamlit as st

from ovpm import ui
from ovpm.auth import require_role
from ovpm.services import diagnosis as service
from ovpm.ui.assessment import show_assessment
from ovpm.ui.diagnosis import process_label, show_diagnosis, show_seeds
from ovpm.ui.navigation import roles_of
from ovpm.ui.working_groups import show_working_groups

user = require_role(*roles_of("collective"))
_ = ui.gettext()
db = ui.db()

st.title(_("Diagnosis, groups and seeds"))
st.caption(
    _(
        "What the cities taking part see together — obstacles, levers, needs and resources — "
        "and the project seeds their action groups carry."
    )
)
ui.show_flash()
found = service.processes(db, user)
if not found:
    st.info(_("No network or process is visible to you yet."))
    st.stop()
wanted = st.query_params.get("network")
index = next((i for i, p in enumerate(found) if str(p.network_id) == wanted), 0)
process = st.selectbox(
    _("Network or process"), found, index=index, format_func=process_label, key="process_choice"
)
rights = service.access(db, user, process)
diagnosis, seeds, groups, assessment = st.tabs(
    [_("Shared diagnosis"), _("Project seeds"), _("Working groups"), _("Assessment")],
    key="collective_view",
    on_change="rerun",
)
if diagnosis.open:
    with diagnosis:
        show_diagnosis(user, process, rights)
if seeds.open:
    with seeds:
        show_seeds(user, process, rights)
if groups.open:
    with groups:
        show_working_groups(user, process, rights)
if assessment.open:
    with assessment:
        show_assessment(user, process, rights.edit)
