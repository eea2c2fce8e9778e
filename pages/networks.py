"""Collaborative networks at a glance: pilot city, participants, plan status, next activity and
last change; a chart by stage and axis; the Secretariat creates networks from approved themes."""

import pandas as pd
import streamlit as st

from ovpm import i18n, ui
from ovpm.auth import require_role
from ovpm.charts import stacked_counts
from ovpm.domain.errors import DomainError
from ovpm.domain.network_rules import can_manage
from ovpm.domain.stages import NETWORK_STAGES
from ovpm.domain.submissions import STATUS_LABELS, Status
from ovpm.services import networks as network_service
from ovpm.services import submissions as submission_service
from ovpm.services.progress import network_stages, stage_label
from ovpm.ui.navigation import roles_of
from ovpm.ui.networks import label_of, open_network
from ovpm.ui.submissions import axis_label

user = require_role(*roles_of("networks"))
_ = ui.gettext()
lang = ui.language()
db = ui.db()

st.title(_("Collaborative networks"))
st.caption(_("Each network gathers cities around one priority theme, led by a pilot city."))
ui.show_flash()


def networks_display() -> tuple:
    """The networks (ids), the table as shown with its labels, and the chart by stage and axis."""
    frame = network_service.overview(db, user)
    if frame.empty:
        return frame, None, None, None
    mine = network_service.networks_of(db, user)
    stages = network_stages(db, user)
    shown = frame.assign(
        axis_name=frame["axis"].map(lambda a: axis_label(int(a), short=True)),
        stage=frame["id"].map(lambda i: stage_label(_, stages.get(i))),
        plan=frame["plan_status"].map(
            lambda s: label_of(STATUS_LABELS, Status, s) if isinstance(s, str) else "—"
        ),
        next=[
            (i18n.format_day(d, lang, "medium") + " · " + t) if d else "—"
            for d, t in zip(frame["next_activity"], frame["next_activity_title"])
        ],
        changed=frame["plan_changed"].map(
            lambda t: i18n.format_day(t.date(), lang, "medium") if pd.notna(t) else "—"
        ),
        mine=frame["id"].map(
            lambda i: (
                _("Pilot")
                if mine.get(i) == "pilot"
                else (_("Member") if mine.get(i) == "participating" else "")
            )
        ),
    )
    columns = {
        "name": _("Network"),
        "theme": _("Priority theme"),
        "axis_name": _("Strategic axis"),
        "pilot_city": _("Pilot city"),
        "participants": _("Participating cities"),
        "stage": _("Stage"),
        "plan": _("Action plan"),
        "next": _("Next activity"),
        "changed": _("Last change"),
        "mine": _("My city"),
    }
    counts = (
        shown.groupby(["stage", "axis_name"], as_index=False)
        .size()
        .rename(columns={"stage": "category", "axis_name": "part"})
    )
    chart = stacked_counts(
        counts,
        {"count": _("Networks"), "category": _("Stage"), "part": _("Strategic axis")},
        [stage_label(_, s) for s in (None, *NETWORK_STAGES)],
        ["#1F4E79", "#C8B88A", "#7A9E7E"],
    )
    return frame, shown[list(columns)], columns, chart


frame, shown, columns, chart = ui.kept(("networks", user.id), networks_display)
if frame.empty:
    st.info(_("No network has been created yet."))
else:
    picked = ui.pick_row(
        frame, shown, columns, "networks_table", _("Select a row to open the network.")
    )
    if picked is not None:
        open_network(picked)
    st.markdown("#### " + _("Networks by stage and axis"))
    ui.chart(chart)


def themes_without_network() -> dict[int, str]:
    """Approved theme sheets whose city pilots no network yet: id → city."""
    themes = submission_service.listing(db, user, kinds=["theme_sheet"])
    themes = themes[themes["approved_revision"].notna()]
    used = set(frame["pilot_city_id"]) if not frame.empty else set()
    return {int(r.id): r.city for r in themes.itertuples() if r.city_id not in used}


if can_manage(user):
    st.divider()
    box = st.expander(
        _("Create a network from an approved priority theme"),
        key="network_new_open",
        on_change="rerun",
    )
    if box.open:  # what it holds is built only when it is opened
        with box:
            options = ui.kept(("network_sources", user.id), themes_without_network)
            with st.form("network_new"):
                source = st.selectbox(
                    _("Approved theme sheet (its city becomes the pilot city)"),
                    list(options),
                    format_func=options.get,
                    index=None,
                    placeholder=_("Choose a city"),
                )
                name = st.text_input(_("Network name"), max_chars=120)
                if st.form_submit_button(_("Create"), type="primary"):
                    try:
                        created = network_service.create_network(db, user, source, name)
                    except DomainError as error:
                        ui.show_error(error)
                    else:
                        ui.flash(_("Saved: {name}", name=ui.literal(created.name)))
                        open_network(created.id)
