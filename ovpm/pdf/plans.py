"""The action plan of a network as a PDF: the full version, or the public one with no budget."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from ovpm.domain.networks import (
    ACTIVITY_STATUS_LABELS,
    ACTIVITY_TYPE_LABELS,
    BUDGET_CATEGORY_LABELS,
    FUNDER_LABELS,
    ActionPlan,
    ActivityStatus,
    ActivityType,
    BudgetCategory,
    BudgetLine,
    FunderKind,
)
from ovpm.pdf import Document, DocumentInfo


def funder_text(_: Callable[..., str], line: BudgetLine, city_names: dict[int, str]) -> str:
    """'Participating city — Bruges', 'Other source — Regional fund', 'General Secretariat'."""
    label = _(FUNDER_LABELS.get(_enum(FunderKind, line.funder), line.funder))
    if line.funder == FunderKind.PARTICIPANT:
        return label + " — " + city_names.get(line.funder_city_id, "?")
    if line.funder == FunderKind.OTHER:
        return label + " — " + line.funder_name
    return label


def plan_pdf(
    plan: ActionPlan,
    info: DocumentInfo,
    _: Callable[..., str],
    format_day: Callable,
    format_money: Callable,
    city_names: dict[int, str] | None,
) -> bytes:
    """Concept, challenges, calendar, the budget with each funder's expected contribution (only
    when `city_names` is given: None is the public version), collective work."""
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
    if city_names is not None:
        _budget(pdf, plan, _, format_money, city_names)
    pdf.section(_("How the collective work runs until the 17th Congress"))
    pdf.paragraph(plan.collective_work)
    return pdf.to_bytes()


def _budget(pdf: Document, plan: ActionPlan, _, format_money, city_names) -> None:
    pdf.section(_("Forecast budget"))
    lines = [
        [
            category_label(_, line.category),
            line.description,
            format_money(line.value or Decimal("0"), line.currency),
            funder_text(_, line, city_names),
        ]
        for line in plan.budget
    ]
    pdf.table(
        [_("Category"), _("Description"), _("Amount"), _("Funder")], lines, [1.2, 2.6, 1.3, 1.9]
    )
    by_funder: dict[tuple[str, str], Decimal] = {}
    for line in plan.budget:
        key = (funder_text(_, line, city_names), line.currency)
        by_funder[key] = by_funder.get(key, Decimal("0")) + (line.value or Decimal("0"))
    if by_funder:
        pdf.table(
            [_("Funder"), _("Expected contribution")],
            [
                [funder, format_money(total, currency)]
                for (funder, currency), total in by_funder.items()
            ],
            [3, 2],
        )


def category_label(_: Callable[..., str], category: str) -> str:
    return _(BUDGET_CATEGORY_LABELS.get(_enum(BudgetCategory, category), category))


def _enum(kind, value):
    try:
        return kind(value)
    except ValueError:
        return value
