"""Mission4City: a city's requests with their status and next step, and a new request; the
Secretariat's and the Advisory Group's pipeline of every request by status with its days
waiting (CSV, XLSX)."""

import streamlit as st

from ovpm import ui
from ovpm.auth import require_role
from ovpm.domain.models import Role
from ovpm.services import cities as city_service
from ovpm.ui.missions import show_pipeline, show_start
from ovpm.ui.navigation import roles_of
from ovpm.ui.submissions import city_for_form

user = require_role(*roles_of("mission4city"))
_ = ui.gettext()
db = ui.db()

st.title(_("Mission4City"))
st.caption(
    _(
        "Short technical-assistance missions (1 to 3 days) for member cities in good standing: "
        "the request, its instruction by the General Secretariat, the mission and its report."
    )
)
ui.show_flash()

if user.role == Role.CITY:
    show_start(user, user.city_id)
elif user.role == Role.SECRETARIAT:
    box = st.expander(
        _("A request on behalf of a city"), key="mission_start_open", on_change="rerun"
    )
    if box.open:
        with box:
            show_start(user, city_for_form(user, city_service.city_names(db, user), "mission_city"))

st.subheader(_("Requests") if user.role == Role.CITY else _("Pipeline of the requests"))
show_pipeline(user)
