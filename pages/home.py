"""Home: who you are, what you have to do, the programme cycle's milestones and the countdown
to the Congress."""

import pandas as pd
import streamlit as st

from ovpm import clock, i18n, ui
from ovpm.auth import require_role
from ovpm.charts import milestone_timeline
from ovpm.domain.models import ROLE_LABELS
from ovpm.services.cycle import current_cycle, days_to_congress, milestone_state
from ovpm.ui.navigation import roles_of
from ovpm.ui.todo import show_my_list

user = require_role(*roles_of("home"))
_ = ui.gettext()
lang = ui.language()

st.title(_("Welcome, {name}", name=ui.literal(user.name)))
who = _(ROLE_LABELS[user.role])
st.caption(
    who + (" · " + _("City: {city}", city=ui.literal(user.city_name)) if user.city_name else "")
)

show_my_list(user)

cycle = current_cycle(ui.db())
today = clock.today()
days_left = days_to_congress(cycle, today)

st.subheader(ui.literal(cycle.name(lang)))
left, middle, right = st.columns(3)
left.metric(_("Days left to the 17th World Congress"), i18n.format_number(max(days_left, 0), lang))
middle.metric(
    _("17th World Congress, Córdoba"),
    i18n.format_period(cycle.congress_starts, cycle.congress_ends, lang),
)
right.metric(_("Today"), i18n.format_day(today, lang, "medium"))


def milestones_display() -> tuple:
    """The milestones' chart and table for today (None when there is none)."""
    states = {"done": _("Done"), "current": _("Under way"), "upcoming": _("Upcoming")}
    rows = pd.DataFrame(
        [
            {
                "label": m.label(lang),
                "starts": m.starts,
                "ends": m.ends,
                "state": states[milestone_state(m.starts, m.ends, today)],
                "from": i18n.format_day(m.starts, lang),
                "to": i18n.format_day(m.ends, lang),
            }
            for m in cycle.milestones
        ]
    )
    if rows.empty:
        return None, None
    chart_rows = rows.assign(
        starts=pd.to_datetime(rows["starts"]),
        ends=pd.to_datetime(rows["ends"]) + pd.Timedelta(days=1),
    )
    chart = milestone_timeline(
        chart_rows,
        _("Today"),
        pd.Timestamp(today),
        {
            "state": _("Status"),
            "states": states,
            "milestone": _("Milestone"),
            "starts": _("Starts"),
            "ends": _("Ends"),
        },
    )
    return chart, ui.arrow_table(rows[["label", "from", "to", "state"]])


chart, table = ui.kept(("home_milestones",), milestones_display)
st.markdown("#### " + _("Milestones of the cycle"))
if chart is None:
    st.info(_("No milestones are recorded for this cycle yet."))
else:
    ui.chart(chart)
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            "label": _("Milestone"),
            "from": _("Starts"),
            "to": _("Ends"),
            "state": _("Status"),
        },
    )
