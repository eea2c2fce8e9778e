"""Widgets of the network screens: times in three zones, budget tables, navigation."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import streamlit as st

from ovpm import i18n
from ovpm.domain.networks import (
    ACTIVITY_STATUS_LABELS,
    ACTIVITY_TYPE_LABELS,
    BUDGET_CATEGORY_LABELS,
    ActionPlan,
    ActivityStatus,
    ActivityType,
    BudgetCategory,
    BudgetLine,
)
from ovpm.domain.times import QUEBEC_ZONE, is_zone
from ovpm.pdf.plans import funder_text
from ovpm.ui import gettext, language, literal

NETWORK_PAGE = "pages/network.py"


def open_network(network_id: int) -> None:
    st.switch_page(NETWORK_PAGE, query_params={"id": str(network_id)})


def reader_zone(fallback: str = "UTC") -> str:
    """The reader's time zone as the browser reports it, else the fallback."""
    zone = getattr(st.context, "timezone", None)
    return zone if zone and is_zone(zone) else fallback


def three_times(moment_utc: datetime, host_zone: str, host_city: str, reader: str) -> str:
    """'22 juin 2023 16:00 UTC+2 (vous) · 16:00 Bruges · 10:00 Québec'."""
    _ = gettext()
    lang = language()
    parts = [
        i18n.format_in_zone(moment_utc, reader, lang) + " " + _("(your time)"),
        i18n.format_in_zone(moment_utc, host_zone, lang) + " " + literal(host_city),
        i18n.format_in_zone(moment_utc, QUEBEC_ZONE, lang) + " Québec",
    ]
    return " · ".join(parts)


def label_of(labels: dict, kind, value: str) -> str:
    try:
        return gettext()(labels[kind(value)])
    except (ValueError, KeyError):
        return value


def activities_frame(plan: ActionPlan) -> pd.DataFrame:
    """The calendar of a plan, in chronological order, with labels in the user's language."""
    lang = language()
    return pd.DataFrame(
        [
            {
                "starts": i18n.format_day(a.starts, lang, "medium") if a.starts else "",
                "ends": i18n.format_day(a.ends, lang, "medium") if a.ends else "",
                "kind": label_of(ACTIVITY_TYPE_LABELS, ActivityType, a.kind),
                "title": a.title,
                "place": a.place,
                "status": label_of(ACTIVITY_STATUS_LABELS, ActivityStatus, a.status),
            }
            for a in plan.activities
        ],
        columns=["starts", "ends", "kind", "title", "place", "status"],
    )


def show_activities(plan: ActionPlan) -> None:
    _ = gettext()
    if not plan.activities:
        st.info(_("No activity is planned yet."))
        return
    st.dataframe(
        activities_frame(plan),
        hide_index=True,
        width="stretch",
        column_config={
            "starts": _("Start"),
            "ends": _("End"),
            "kind": _("Type"),
            "title": _("Short title"),
            "place": _("Place"),
            "status": _("Status"),
        },
    )


def show_budget(lines: tuple[BudgetLine, ...], city_names: dict[int, str]) -> None:
    """Budget lines with exact amounts, and the expected contribution of each funder and the
    total of each category (per currency)."""
    _ = gettext()
    lang = language()
    if not lines:
        st.info(_("No budget line yet."))
        return
    rows = pd.DataFrame(
        [
            {
                "category": label_of(BUDGET_CATEGORY_LABELS, BudgetCategory, line.category),
                "description": line.description,
                "funder": funder_text(gettext(), line, city_names),
                "currency": line.currency,
                "value": line.value,
            }
            for line in lines
        ]
    )
    shown = rows.assign(
        amount=[
            i18n.format_money(v, c, lang) if v is not None else "?"
            for v, c in zip(rows["value"], rows["currency"])
        ]
    )
    st.dataframe(
        shown[["category", "description", "funder", "amount"]],
        hide_index=True,
        width="stretch",
        column_config={
            "category": _("Category"),
            "description": _("Description"),
            "funder": _("Funder"),
            "amount": _("Amount"),
        },
    )
    left, right = st.columns(2)
    for column, key, title in (
        (left, "funder", _("Expected contribution of each funder")),
        (right, "category", _("Total by category")),
    ):
        totals = (
            rows.dropna(subset=["value"]).groupby([key, "currency"], as_index=False)["value"].sum()
        )
        column.markdown("**" + title + "**")
        column.dataframe(
            totals.assign(
                total=[
                    i18n.format_money(v, c, lang)
                    for v, c in zip(totals["value"], totals["currency"])
                ]
            )[[key, "total"]],
            hide_index=True,
            width="stretch",
            column_config={
                key: _("Funder") if key == "funder" else _("Category"),
                "total": _("Total"),
            },
        )


def show_plan(plan: ActionPlan, city_names: dict[int, str], with_budget: bool = True) -> None:
    """Every part of an action plan, read-only (the budget only when the reader may see it)."""
    _ = gettext()
    st.markdown("#### " + _("Concept and objectives"))
    st.text(plan.concept or "—")
    st.markdown("#### " + _("Challenges the network will address"))
    st.text(plan.challenges or "—")
    st.markdown("#### " + _("Calendar"))
    show_activities(plan)
    if with_budget:
        st.markdown("#### " + _("Forecast budget"))
        show_budget(plan.budget, city_names)
    st.markdown("#### " + _("How the collective work runs until the 17th Congress"))
    st.text(plan.collective_work or "—")
