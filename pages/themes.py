"""Theme overview: the approved priority themes of all cities by strategic axis, the base for
forming collaborative networks (public summary, readable by every member city)."""

import streamlit as st

from ovpm import i18n, ui
from ovpm.auth import require_role
from ovpm.charts import stacked_counts
from ovpm.domain.models import UNESCO_REGIONS
from ovpm.services import submissions as submission_service
from ovpm.ui.navigation import roles_of
from ovpm.ui.submissions import axis_label

user = require_role(*roles_of("themes"))
_ = ui.gettext()
lang = ui.language()
db = ui.db()

st.title(_("Theme overview"))
st.caption(_("The priority themes of the approved theme sheets, by strategic axis."))
regions = ui.kept(
    ("theme_regions",),
    lambda: sorted(submission_service.approved_themes(db, user)["region"].unique()),
)
if not regions:
    st.info(_("No theme sheet has been approved yet."))
    st.stop()

chosen = st.multiselect(
    _("UNESCO region"),
    regions,
    format_func=lambda r: _(UNESCO_REGIONS[r]),
    placeholder=_("Choose one or more"),
    key="themes_regions",
)


def themes_display(chosen: tuple) -> tuple:
    """The two counts, the chart by axis, the priority themes and every identified theme."""
    themes = submission_service.approved_themes(db, user)
    if chosen:
        themes = themes[themes["region"].isin(chosen)]
    priority = themes[themes["priority"]].assign(
        axis_name=lambda f: f["axis"].map(axis_label),
        axis_short=lambda f: f["axis"].map(lambda a: axis_label(a, short=True)),
    )
    counts = (
        priority.groupby(["axis_short", "axis_name"], as_index=False)
        .size()
        .rename(columns={"axis_short": "category", "axis_name": "part"})
    )
    chart = stacked_counts(
        counts,
        {"count": _("Cities"), "category": "", "part": _("Strategic axis")},
        [axis_label(n, short=True) for n in (1, 2, 3)],
        ["#1F4E79", "#C8B88A", "#7A9E7E"],
    )
    every = themes.assign(axis_name=themes["axis"].map(axis_label))
    columns = ["city", "title", "axis_name"]
    return (
        len(priority),
        len(themes),
        chart,
        ui.arrow_table(priority[columns]),
        ui.arrow_table(every[columns]),
    )


cities, identified, chart, priority, every = ui.kept(
    ("themes", tuple(chosen)), lambda: themes_display(tuple(chosen))
)
left, right = st.columns(2)
left.metric(_("Cities with an approved theme sheet"), i18n.format_number(cities, lang))
right.metric(_("Identified themes"), i18n.format_number(identified, lang))
ui.chart(chart)

st.markdown("#### " + _("Priority themes"))
st.dataframe(
    priority,
    hide_index=True,
    width="stretch",
    column_config={
        "city": _("City"),
        "title": _("Priority theme"),
        "axis_name": _("Strategic axis"),
    },
)
box = st.expander(_("All identified themes"), key="themes_all_open", on_change="rerun")
if box.open:  # what it holds is built only when it is opened
    with box:
        st.dataframe(
            every,
            hide_index=True,
            width="stretch",
            column_config={
                "city": _("City"),
                "title": _("Short title"),
                "axis_name": _("Strategic axis"),
            },
        )
