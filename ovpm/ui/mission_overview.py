"""The progress overview's Mission4City panel: requests by status, missions this year, reports
overdue and the requesting cities' obligations not done when due."""

from __future__ import annotations

import streamlit as st

from ovpm import i18n
from ovpm.domain.missions import MISSION_STATUS_LABELS, OPEN_STATUSES
from ovpm.services import mission_exports
from ovpm.ui import db, gettext, kept, language, rows_table


def mission_panel(user) -> None:
    _ = gettext()
    panel = kept(("mission_panel", user.id), lambda: mission_exports.panel(db(), user))
    row = st.columns(3)
    row[0].metric(_("Requests open"), sum(panel.by_status.get(s, 0) for s in OPEN_STATUSES))
    row[1].metric(_("Missions this year"), panel.this_year)
    row[2].metric(_("Mission reports overdue"), panel.reports_overdue)
    left, right = st.columns([1, 2])
    with left:
        st.markdown("##### " + _("Requests by status"))
        st.dataframe(
            rows_table(
                [
                    {"status": _(label), "count": panel.by_status.get(status, 0)}
                    for status, label in MISSION_STATUS_LABELS.items()
                ],
                ["status", "count"],
            ),
            hide_index=True,
            width="stretch",
            column_config={"status": _("Status"), "count": _("Requests")},
        )
    with right:
        st.markdown("##### " + _("Obligations of the requesting cities not done when due"))
        late = mission_exports.late_frame(panel, language())
        if late.empty:
            st.caption(_("Nothing to report."))
        else:
            lang = language()
            st.dataframe(
                late.assign(due_on=[i18n.format_day(d, lang, "medium") for d in late["due_on"]]),
                hide_index=True,
                width="stretch",
                column_config={
                    "city": _("Requesting city"),
                    "title": _("Subject of the request"),
                    "item": _("Obligation"),
                    "due_on": _("Due on"),
                    "days_late": _("Days late"),
                },
            )
    if st.button(_("Open Mission4City"), icon=":material/handshake:", type="tertiary"):
        st.switch_page("pages/mission4city.py")
