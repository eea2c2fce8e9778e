"""Budget tracking: planned, committed and spent by network, category, funder and month, in
the cycle's reporting currency; the Secretariat's envelope; drill-down to lines and entries;
recording entries; exchange rates; CSV and XLSX of what the reader may see."""

import streamlit as st

from ovpm import ui
from ovpm.auth import require_role
from ovpm.domain.budget import MissingRates, can_record, reads_every_line
from ovpm.domain.models import Role
from ovpm.services import budget as budget_service
from ovpm.ui import budget as widgets
from ovpm.ui.navigation import roles_of

user = require_role(*roles_of("budget"))
_ = ui.gettext()
lang = ui.language()
db = ui.db()
secretariat = user.role == Role.SECRETARIAT

st.title(_("Budget tracking"))
ui.show_flash()
lines = budget_service.readable_lines(db, user)
if not lines and not reads_every_line(user):
    st.info(
        _(
            "Your city has no budget line to follow: none of the networks it pilots has an "
            "approved action plan, and it funds no line of another network."
        )
    )
    st.stop()

filters = widgets.filters_bar(lines)
kept_key = ("budget", user.id, filters)  # the report and what is drawn of it, until a write


def report_and_views() -> tuple:
    result = budget_service.report(db, user, filters)
    return result, budget_service.tables(db, result, lang)


try:
    result, views = ui.kept(kept_key, report_and_views)
except MissingRates as error:
    widgets.show_missing_rates(error)
    if secretariat:
        widgets.settings_forms(db, user)
    st.stop()

widgets.show_totals(result)
if result.envelope is not None:
    widgets.show_envelope(result)
titles = budget_service.sheet_titles(_)
by_network, by_mission, by_project, by_category, by_funder, by_month, detail, rates = st.tabs(
    [
        titles["by_network"],
        titles["by_mission"],
        titles["by_project"],
        titles["by_category"],
        titles["by_funder"],
        titles["by_month"],
        _("Lines and entries"),
        _("Exchange rates"),
    ],
    key="budget_view",  # stays on the same view after recording an entry
    on_change="rerun",  # only the open view is built
)
for tab, name, column, title in (
    (by_network, "by_network", "network", _("Network")),
    (by_mission, "by_mission", "mission", _("Mission")),
    (by_project, "by_project", "project", _("Pilot project")),
    (by_category, "by_category", "category", _("Category")),
    (by_funder, "by_funder", "funder", _("Funder")),
):
    if tab.open:
        with tab:
            widgets.group_view(db, user, views, name, column, title, result.reporting, kept_key)
if by_month.open:
    with by_month:
        widgets.month_view(views["by_month"], result.reporting, kept_key)
if detail.open:
    with detail:
        widgets.lines_table(views["lines"], result.reporting, "all")
        shown = {f.line.id: f.line for f in result.lines}
        chosen = st.selectbox(
            _("Line"),
            list(shown),
            index=None,
            format_func=lambda i: (
                f"{shown[i].network_name} — {shown[i].description} ({shown[i].currency})"
            ),
            placeholder=_("Choose a line to see its entries"),
            key="budget_line",
        )
        if chosen is not None:
            line, entries = budget_service.line_entries(db, user, chosen)
            may_record = can_record(user, line)
            widgets.entries_table(db, user, line, entries, may_record)
            if may_record:
                widgets.record_form(db, user, line)
if rates.open:
    with rates:
        widgets.rates_view(db, user, result.rates_used, result.reporting, secretariat)

st.markdown("**" + _("Exports of what you may see, with the filters above") + "**")
row = st.container(horizontal=True)
row.download_button(
    _("Workbook (XLSX)"),
    lambda: budget_service.report_xlsx(db, user, lang, filters),
    "budget.xlsx",
    icon=":material/table_view:",
)
row.download_button(
    _("Lines (CSV)"),
    lambda: budget_service.lines_csv(db, user, lang, filters),
    "budget-lines.csv",
    icon=":material/download:",
)
row.download_button(
    _("Entries (CSV)"),
    lambda: budget_service.entries_csv(db, user, lang, filters),
    "budget-entries.csv",
    icon=":material/download:",
)
