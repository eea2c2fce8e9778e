"""A network's step 3 and its deliverable for the 17th World Congress: the evaluation of the
network and its contribution to the New Urban Project, written by the pilot city and reviewed
by the Secretariat; the Advisory Group reads and comments."""

import streamlit as st

from ovpm import ui
from ovpm.auth import require_role
from ovpm.domain.errors import NotFound
from ovpm.domain.models import Role
from ovpm.domain.submissions import SubmissionKind
from ovpm.services import networks as network_service
from ovpm.ui.congress import show_network_document
from ovpm.ui.navigation import roles_of
from ovpm.ui.networks import open_network

user = require_role(*roles_of("contribution"))
_ = ui.gettext()
db = ui.db()

try:
    network = network_service.get_network(db, user, int(st.query_params.get("network", "")))
except (ValueError, NotFound):
    st.warning(_("This network does not exist."))
    st.markdown("[" + _("Back to the pilot projects") + "](/pilot_projects)")
    st.stop()

st.title(_("Evaluation and contribution") + " — " + ui.literal(network.name))
ui.show_flash()
st.caption(_("Pilot city: {city}", city=ui.literal(network.pilot_city_name)))
if st.button(_("Open the network"), icon=":material/hub:", type="tertiary"):
    open_network(network.id)
writes = user.role == Role.SECRETARIAT or user.city_id == network.pilot_city_id
evaluation_tab, contribution_tab = st.tabs(
    [_("Evaluation of the network"), _("Contribution to the New Urban Project")],
    key="contribution_view",
    on_change="rerun",
)
if evaluation_tab.open:
    with evaluation_tab:
        show_network_document(user, network, SubmissionKind.NETWORK_EVALUATION, writes)
if contribution_tab.open:
    with contribution_tab:
        show_network_document(user, network, SubmissionKind.CONTRIBUTION, writes)
