"""Thematic round tables: number, theme, host, the time in the reader's, the host city's and
Québec's zones, the recording and the synthesis sheet; the Secretariat records them."""

from datetime import time

import streamlit as st

from ovpm import clock, ui
from ovpm.auth import require_role
from ovpm.domain.errors import DomainError
from ovpm.domain.network_rules import can_manage
from ovpm.domain.networks import RoundTable
from ovpm.domain.times import QUEBEC_ZONE, to_utc
from ovpm.services import cities as city_service
from ovpm.services import networks as network_service
from ovpm.ui.navigation import roles_of
from ovpm.ui.networks import reader_zone, three_times

user = require_role(*roles_of("round_tables"))
_ = ui.gettext()
db = ui.db()

st.title(_("Thematic round tables"))
st.caption(_("Times are shown in your time zone, the host city's and Québec's."))
ui.show_flash()
zone = reader_zone()
tables = ui.kept(
    ("round_tables", user.id),
    lambda: [
        (table, city_service.city_zone(db, user, table.host_city_id))
        for table in network_service.round_tables(db, user)
    ],
)
for table, host_zone in tables:
    with st.container(border=True):
        st.markdown(
            "#### " + _("Round table {n}", n=table.number) + " — " + ui.literal(table.theme)
        )
        st.write(three_times(table.starts_at, host_zone, table.host_city_name, zone))
        st.caption(
            _(
                "Host: {name}, {title} · {city}",
                name=ui.literal(table.host_name),
                title=ui.literal(table.host_title),
                city=ui.literal(table.host_city_name),
            )
        )
        if table.recording_url:
            ui.web_link(table.recording_url, _("Recording link"))
        if table.synthesis:
            with st.expander(_("Synthesis sheet")):
                st.text(table.synthesis)

if can_manage(user):
    st.divider()
    box = st.expander(_("Record a round table"), key="round_table_new_open", on_change="rerun")
    if box.open:  # what it holds is built only when it is opened
        with box:
            names = city_service.city_names(db, user)
            overview = network_service.overview(db, user)
            network_names = dict(zip(overview["id"], overview["name"]))
            with st.form(ui.form_key("round_table_new")):
                a, b = st.columns(2)
                # not bounded here: out of range is refused by the rule, naming the field
                number = a.number_input(_("Number"), value=1, step=1)
                theme = b.text_input(_("Theme"), max_chars=200)
                host_name = a.text_input(_("Host"), max_chars=120)
                host_title = b.text_input(_("Title"), max_chars=120)
                city_id = a.selectbox(
                    _("City"),
                    list(names),
                    format_func=names.get,
                    index=None,
                    placeholder=_("Choose a city"),
                )
                network_id = b.selectbox(
                    _("Network"),
                    [None, *network_names],
                    format_func=lambda i: "—" if i is None else network_names[i],
                )
                day = a.date_input(_("Date"), clock.today(), format="YYYY-MM-DD")
                hour = b.time_input(_("Time in Québec"), time(10))
                url = st.text_input(_("Recording link"))
                synthesis = st.text_area(_("Synthesis sheet"))
                if st.form_submit_button(_("Save"), type="primary"):
                    try:
                        network_service.save_round_table(
                            db,
                            user,
                            RoundTable(
                                None,
                                int(number),
                                theme,
                                host_name,
                                host_title,
                                city_id,
                                to_utc(day, hour, QUEBEC_ZONE),
                                url,
                                synthesis,
                                network_id,
                            ),
                        )
                    except DomainError as error:
                        ui.show_error(error)
                    else:
                        ui.saved_and_reset("round_table_new", _("Saved."))
