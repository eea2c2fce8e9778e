"""A workshop deliverable read field by field (user text shown literally)."""

from __future__ import annotations

import streamlit as st

from ovpm import i18n
from ovpm.domain.deliverables import ConstitutionSheet, PilotDraftReport, PriorityProblemSheet
from ovpm.domain.networks import parse_amount
from ovpm.ui import gettext, language, literal
from ovpm.ui.submissions import labelled


def show_deliverable(content) -> None:
    """Every field of a constitution sheet, priority problem sheet or pilot-project draft."""
    if isinstance(content, ConstitutionSheet):
        _show_constitution(content)
    elif isinstance(content, PriorityProblemSheet):
        _show_priority_problem(content)
    elif isinstance(content, PilotDraftReport):
        _show_pilot_draft(content)


def _show_constitution(sheet: ConstitutionSheet) -> None:
    _ = gettext()
    st.markdown("##### " + _("Members and their roles"))
    st.dataframe(
        [{"city": m.city, "role": m.role} for m in sheet.members],
        hide_index=True,
        width="stretch",
        column_config={"city": _("City"), "role": _("Role")},
    )
    labelled(_("Coordination by the pilot city"), sheet.coordination)
    labelled(_("How decisions are taken"), sheet.decisions)
    labelled(_("How often the network meets"), sheet.meetings)


def _show_priority_problem(sheet: PriorityProblemSheet) -> None:
    _ = gettext()
    chosen = sheet.priority_problem
    if chosen is not None:
        st.markdown(
            ":material/star: "
            + _("Priority problem: {title}", title="**" + literal(chosen.title) + "**")
        )
    st.dataframe(
        [
            {"priority": i == sheet.priority, "title": p.title, "description": p.description}
            for i, p in enumerate(sheet.problems)
        ],
        hide_index=True,
        width="stretch",
        column_config={
            "priority": st.column_config.CheckboxColumn(_("Priority problem"), width="small"),
            "title": _("Short title"),
            "description": st.column_config.TextColumn(_("Description"), width="large"),
        },
    )
    labelled(_("Questions the network must answer"), sheet.questions)


def _show_pilot_draft(report: PilotDraftReport) -> None:
    _ = gettext()
    lang = language()
    labelled(_("Project title"), report.project_title)
    labelled(_("Objectives"), report.objectives)
    labelled(_("Expected results"), report.expected_results)
    st.markdown("##### " + _("First indicators"))
    st.dataframe(
        [{"name": i.name, "unit": i.unit, "target": i.target} for i in report.indicators],
        hide_index=True,
        width="stretch",
        column_config={"name": _("Name"), "unit": _("Unit"), "target": _("Target")},
    )
    labelled(_("Partners"), report.partners)
    st.markdown("##### " + _("Rough timeline"))
    st.dataframe(
        [
            {"what": s.what, "by": i18n.format_day(s.by, lang, "medium") if s.by else ""}
            for s in report.timeline
        ],
        hide_index=True,
        width="stretch",
        column_config={"what": _("What"), "by": _("By")},
    )
    amount = parse_amount(report.cost_estimate)
    labelled(
        _("Cost estimate"),
        i18n.format_money(amount, report.currency, lang) if amount is not None else "",
    )
