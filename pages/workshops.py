"""Every international workshop at a glance: network, pilot city, dates, status and how many of
its four deliverables are done; a row opens its network's Workshop view."""

import pandas as pd
import streamlit as st

from ovpm import i18n, ui
from ovpm.auth import require_role
from ovpm.domain.workshops import WORKSHOP_STATUS_LABELS
from ovpm.services import cities as city_service
from ovpm.services import workshop_deliverables
from ovpm.ui.navigation import roles_of
from ovpm.ui.networks import open_network

user = require_role(*roles_of("workshops"))
_ = ui.gettext()
lang = ui.language()
db = ui.db()

st.title(_("International workshops"))
st.caption(
    _(
        "After its action plan, each network meets for 2 or 3 days in its pilot city; four "
        "deliverables follow."
    )
)


def listing() -> tuple[pd.DataFrame, pd.DataFrame]:
    names = city_service.city_names(db, user)
    rows = [
        {
            "id": workshop.network_id,
            "network": workshop.network_name,
            "pilot_city": names.get(workshop.pilot_city_id, ""),
            "place": workshop.place,
            "dates": i18n.format_period(workshop.first_day, workshop.last_day, lang),
            "status": _(WORKSHOP_STATUS_LABELS[workshop.status]),
            "deliverables": _("{done} of 4", done=done),
        }
        for workshop, done in workshop_deliverables.listing(db, user)
    ]
    frame = pd.DataFrame(
        rows, columns=["id", "network", "place", "dates", "status", "deliverables"]
    )
    return frame, frame.drop(columns=["id"])


frame, shown = ui.kept(("workshops_listing", lang), listing)
if frame.empty:
    st.info(_("No workshop is planned yet."))
else:
    chosen = ui.pick_row(
        frame,
        shown,
        {
            "network": _("Network"),
            "pilot_city": _("Pilot city"),
            "place": _("Place"),
            "dates": _("Dates"),
            "status": _("Status"),
            "deliverables": _("Deliverables approved"),
        },
        "workshops_table",
        _("Select a row to open the network's workshop."),
    )
    if chosen is not None:
        st.session_state["network_view"] = _("Workshop")
        open_network(chosen)
