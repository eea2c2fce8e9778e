"""Rules of networks, action plans, preparatory meetings and round tables, and who may do what."""

from __future__ import annotations

from ovpm.domain import N_
from ovpm.domain.errors import FieldError
from ovpm.domain.models import Role, User
from ovpm.domain.networks import (
    ACTIVITY_STATUS_LABELS,
    ACTIVITY_TYPE_LABELS,
    BUDGET_CATEGORY_LABELS,
    CURRENCIES,
    PLAN_FUNDER_LABELS,
    ActionPlan,
    ActivityType,
    BudgetLine,
    FunderKind,
    MemberStatus,
    Network,
    RoundTable,
)
from ovpm.domain.rules import REQUIRED, URL_PATTERN, whole_number_errors
from ovpm.domain.submission_rules import words_errors

PLAN_MAX_WORDS = 1000
ROUND_TABLE_MAX_NUMBER = 999
WORKSHOP_DAYS = (2, 3)


def plan_errors(plan: ActionPlan, participating: set[int]) -> list[FieldError]:
    """Everything an action plan needs before it is submitted."""
    errors = words_errors("concept", plan.concept, PLAN_MAX_WORDS)
    errors += words_errors("network_challenges", plan.challenges, PLAN_MAX_WORDS)
    errors += words_errors("collective_work", plan.collective_work, PLAN_MAX_WORDS)
    if not plan.activities:
        errors.append(FieldError("activities", N_("must list at least one activity.")))
    for index, activity in enumerate(plan.activities):
        errors += _activity_errors(f"activities.{index}", activity)
    for index, line in enumerate(plan.budget):
        errors += budget_line_errors(f"budget.{index}", line, participating)
    return errors


def _activity_errors(field: str, activity) -> list[FieldError]:
    errors = []
    if not activity.title.strip():
        errors.append(FieldError(f"{field}.title", REQUIRED))
    if activity.kind not in {str(k) for k in ACTIVITY_TYPE_LABELS}:
        errors.append(FieldError(f"{field}.kind", N_("must be one of the listed types.")))
    if activity.status not in {str(s) for s in ACTIVITY_STATUS_LABELS}:
        errors.append(FieldError(f"{field}.status", N_("must be one of the listed statuses.")))
    if activity.starts is None:
        errors.append(FieldError(f"{field}.starts", REQUIRED))
    elif activity.ends is not None and activity.ends < activity.starts:
        errors.append(FieldError(f"{field}.ends", N_("cannot be before the start.")))
    elif activity.kind == ActivityType.WORKSHOP:
        days = ((activity.ends or activity.starts) - activity.starts).days + 1
        if not WORKSHOP_DAYS[0] <= days <= WORKSHOP_DAYS[1]:
            errors.append(
                FieldError(
                    f"{field}.ends",
                    N_(
                        "an international workshop lasts {min} or {max} days; this one lasts {days}."
                    ),
                    {"min": WORKSHOP_DAYS[0], "max": WORKSHOP_DAYS[1], "days": days},
                )
            )
    return errors


def budget_line_errors(field: str, line: BudgetLine, participating: set[int]) -> list[FieldError]:
    """A forecast budget line: category, description, exact non-negative amount, funder."""
    errors = []
    if line.category not in {str(c) for c in BUDGET_CATEGORY_LABELS}:
        errors.append(FieldError(f"{field}.category", N_("must be one of the listed categories.")))
    if not line.description.strip():
        errors.append(FieldError(f"{field}.description", REQUIRED))
    value = line.value
    if value is None:
        errors.append(FieldError(f"{field}.amount", N_("must be a number, such as 12345.67.")))
    elif value < 0:
        errors.append(FieldError(f"{field}.amount", N_("cannot be negative.")))
    elif value.as_tuple().exponent < -2:
        errors.append(FieldError(f"{field}.amount", N_("may have at most two decimals.")))
    elif value >= 10**12:
        errors.append(FieldError(f"{field}.amount", N_("is too large.")))
    if line.currency not in CURRENCIES:
        errors.append(FieldError(f"{field}.currency", N_("must be EUR, CAD or USD.")))
    if line.funder not in {str(f) for f in PLAN_FUNDER_LABELS}:
        errors.append(FieldError(f"{field}.funder", N_("must be one of the listed funders.")))
    elif line.funder == FunderKind.PARTICIPANT and line.funder_city_id not in participating:
        errors.append(
            FieldError(
                f"{field}.funder_city", N_("must be one of the network's participating cities.")
            )
        )
    elif line.funder == FunderKind.OTHER and not line.funder_name.strip():
        errors.append(FieldError(f"{field}.funder_name", REQUIRED))
    return errors


def round_table_errors(table: RoundTable) -> list[FieldError]:
    """Number, theme, host, city and time are required; the recording is a web address."""
    errors = whole_number_errors("number", table.number, 1, ROUND_TABLE_MAX_NUMBER)
    for field, value in (("theme", table.theme), ("host_name", table.host_name)):
        if not (value or "").strip():
            errors.append(FieldError(field, REQUIRED))
    if table.host_city_id is None:
        errors.append(FieldError("city", REQUIRED))
    if table.starts_at is None:
        errors.append(FieldError("starts_at", REQUIRED))
    if table.recording_url and not URL_PATTERN.match(table.recording_url.strip()):
        errors.append(
            FieldError("recording_url", N_("must be a web address starting with https://."))
        )
    return errors


# --- who may do what (SPEC.md §1) ------------------------------------------------------------


def is_pilot(actor: User, network: Network) -> bool:
    return actor.role == Role.CITY and actor.city_id == network.pilot_city_id


def can_manage(actor: User) -> bool:
    """Create networks, change their status and Advisory Group members, record round tables."""
    return actor.role == Role.SECRETARIAT


def can_read_full_plan(actor: User, network: Network) -> bool:
    """The full plan, budget included: Secretariat, Advisory Group and the pilot city."""
    return actor.role in (Role.SECRETARIAT, Role.ADVISORY) or is_pilot(actor, network)


def can_decide_membership(actor: User, network: Network) -> bool:
    return actor.role == Role.SECRETARIAT or is_pilot(actor, network)


def can_ask_to_join(actor: User, network: Network, status: MemberStatus | None) -> bool:
    return (
        actor.role == Role.CITY
        and not is_pilot(actor, network)
        and status in (None, MemberStatus.LEFT, MemberStatus.DECLINED)
    )
