"""The action plan of a network as a PDF: the full version, or the public one with no budget."""

from __future__ import annotations

from collections.abc import Callable

from ovpm.domain.networks import (
    ACTIVITY_STATUS_LABELS,
    ACTIVITY_TYPE_LABELS,
    BUDGET_CATEGORY_LABELS,
    ActionPlan,
    ActivityStatus,
    ActivityType,
    BudgetCategory,
)
from ovpm.pdf import Document, DocumentInfo


def plan_pdf(
    plan: ActionPlan,
    info: DocumentInfo,
    _: Callable[..., str],
    format_day: Callable,
    budget_rows: list[list[str]] | None,
    totals_rows: list[list[str]] | None,
) -> bytes:
    """Concept, challenges, calendar, (budget only when `budget_rows` is given), collective work."""
    pdf = Document(info)
    pdf.title_block()
    pdf.section(_("Concept and objectives"))
    pdf.paragraph(plan.concept)
    pdf.section(_("Challenges the network will address"))
    pdf.paragraph(plan.challenges)
    pdf.section(_("Calendar"))
    rows = [
        [
            format_day(a.starts),
            format_day(a.ends) if a.ends else "",
            _(ACTIVITY_TYPE_LABELS.get(_enum(ActivityType, a.kind), a.kind)),
            a.title,
            a.place,
            _(ACTIVITY_STATUS_LABELS.get(_enum(ActivityStatus, a.status), a.status)),
        ]
        for a in plan.activities
    ]
    pdf.table(
        [_("Start"), _("End"), _("Type"), _("Short title"), _("Place"), _("Status")],
        rows,
        [1.1, 1.1, 1.3, 2.2, 1.3, 1],
    )
    if budget_rows is not None:
        pdf.section(_("Forecast budget"))
        pdf.table(
            [_("Category"), _("Description"), _("Amount"), _("Funder")],
            budget_rows,
            [1.2, 2.6, 1.3, 1.9],
        )
        if totals_rows:
            pdf.table([_("Funder"), _("Expected contribution")], totals_rows, [3, 2])
    pdf.section(_("How the collective work runs until the 17th Congress"))
    pdf.paragraph(plan.collective_work)
    return pdf.to_bytes()


def category_label(_: Callable[..., str], category: str) -> str:
    return _(BUDGET_CATEGORY_LABELS.get(_enum(BudgetCategory, category), category))


def _enum(kind, value):
    try:
        return kind(value)
    except ValueError:
        return value
