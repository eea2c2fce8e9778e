"""Meetings of the networks and of the cities' own processes (SPEC.md §4.9): every meeting the
reader may see, upcoming first; the Secretariat and the cities plan new ones here."""

import streamlit as st

from ovpm import ui
from ovpm.auth import require_role
from ovpm.domain.models import Role
from ovpm.services import cities as city_service
from ovpm.services import meetings as service
from ovpm.services import networks as network_service
from ovpm.ui.meetings import show_meeting_form, show_meeting_list, show_process_warnings
from ovpm.ui.navigation import roles_of
from ovpm.ui.networks import reader_zone

user = require_role(*roles_of("meetings"))
_ = ui.gettext()
db = ui.db()

st.title(_("Meetings"))
st.caption(
    _(
        "Steering committees, working groups, events and workshops of the networks and of the "
        "cities' own processes, with their minutes, decisions and actions."
    )
)
ui.show_flash()


def hosts() -> dict[str, tuple[int | None, int]]:
    """Where the user may plan a meeting: label → (network id, host city id)."""
    found = {}
    names = city_service.city_names(db, user)
    for row in network_service.overview(db, user).itertuples():
        if user.role == Role.SECRETARIAT or row.pilot_city_id == user.city_id:
            found[_("Network: {name}", name=row.name)] = (int(row.id), int(row.pilot_city_id))
    cities = names if user.role == Role.SECRETARIAT else {user.city_id: user.city_name}
    for city_id, name in cities.items():
        found[_("{city}'s own process", city=name)] = (None, city_id)
    return found


if user.role != Role.ADVISORY:
    box = st.expander(_("Plan a meeting"), key="plan_meeting_open", on_change="rerun")
    if box.open:  # built only when opened: the address book is long
        with box:
            show_meeting_form(user, None, hosts(), "new_meeting")

show_process_warnings(service.warnings(db, user))
show_meeting_list(user, service.readable_meetings(db, user), reader_zone(), "meetings_table")
