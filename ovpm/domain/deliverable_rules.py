"""What each workshop deliverable must hold before it is submitted (source 000)."""

from __future__ import annotations

from ovpm.domain import N_
from ovpm.domain.deliverables import ConstitutionSheet, PilotDraftReport, PriorityProblemSheet
from ovpm.domain.errors import FieldError
from ovpm.domain.networks import CURRENCIES, parse_amount
from ovpm.domain.rules import REQUIRED, TOO_LONG
from ovpm.domain.submission_rules import words_errors

TEXT_MAX_WORDS = 500
LINE_MAX = 200
PROBLEMS_MAX = 10
INDICATORS_MAX = 10
STEPS_MAX = 20


def _line_errors(field: str, value: str, required: bool = True) -> list[FieldError]:
    if required and not value.strip():
        return [FieldError(field, REQUIRED)]
    if len(value) > LINE_MAX:
        return [FieldError(field, TOO_LONG, {"max": LINE_MAX})]
    return []


def _count_errors(field: str, rows: tuple, minimum: int, maximum: int) -> list[FieldError]:
    if not minimum <= len(rows) <= maximum:
        return [
            FieldError(
                field,
                N_("must count between {min} and {max} rows; there are {count}."),
                {"min": minimum, "max": maximum, "count": len(rows)},
            )
        ]
    return []


def constitution_errors(sheet: ConstitutionSheet) -> list[FieldError]:
    """Members and their roles, the pilot city's coordination, how decisions are taken and how
    often the network meets."""
    errors = _count_errors("members", sheet.members, 1, 50)
    for index, member in enumerate(sheet.members):
        errors += _line_errors(f"members.{index}.city", member.city)
        errors += _line_errors(f"members.{index}.role", member.role)
    errors += words_errors("coordination", sheet.coordination, TEXT_MAX_WORDS)
    errors += words_errors("decisions", sheet.decisions, TEXT_MAX_WORDS)
    errors += words_errors("meetings", sheet.meetings, TEXT_MAX_WORDS)
    return errors


def priority_problem_errors(sheet: PriorityProblemSheet) -> list[FieldError]:
    """The common problems (title and description), the priority one among them, the
    questions the network must answer."""
    errors = _count_errors("problems", sheet.problems, 1, PROBLEMS_MAX)
    for index, problem in enumerate(sheet.problems):
        errors += _line_errors(f"problems.{index}.title", problem.title)
        errors += words_errors(f"problems.{index}.description", problem.description, 300)
    if sheet.problems and sheet.priority_problem is None:
        errors.append(FieldError("priority_problem", N_("must be one of the problems listed.")))
    errors += words_errors("questions", sheet.questions, TEXT_MAX_WORDS)
    return errors


def pilot_draft_errors(report: PilotDraftReport) -> list[FieldError]:
    """Title, objectives, expected results, at least one indicator with its unit and target,
    partners, a rough timeline and a cost estimate in a known currency."""
    errors = _line_errors("project_title", report.project_title)
    errors += words_errors("objectives", report.objectives, TEXT_MAX_WORDS)
    errors += words_errors("expected_results", report.expected_results, TEXT_MAX_WORDS)
    errors += _count_errors("indicators", report.indicators, 1, INDICATORS_MAX)
    for index, indicator in enumerate(report.indicators):
        for key in ("name", "unit", "target"):
            errors += _line_errors(f"indicators.{index}.{key}", getattr(indicator, key))
    errors += words_errors("partners", report.partners, TEXT_MAX_WORDS)
    errors += _count_errors("timeline", report.timeline, 1, STEPS_MAX)
    for index, step in enumerate(report.timeline):
        errors += _line_errors(f"timeline.{index}.what", step.what)
        if step.by is None:
            errors.append(FieldError(f"timeline.{index}.by", REQUIRED))
    amount = parse_amount(report.cost_estimate)
    if not report.cost_estimate.strip():
        errors.append(FieldError("cost_estimate", REQUIRED))
    elif amount is None or amount < 0:
        errors.append(FieldError("cost_estimate", N_("must be an amount of zero or more.")))
    if report.currency not in CURRENCIES:
        errors.append(
            FieldError(
                "currency", N_("must be one of {values}."), {"values": ", ".join(CURRENCIES)}
            )
        )
    return errors


def deliverable_errors(content) -> list[FieldError]:
    """The rules of a deliverable's form, by its type."""
    if isinstance(content, ConstitutionSheet):
        return constitution_errors(content)
    if isinstance(content, PriorityProblemSheet):
        return priority_problem_errors(content)
    return pilot_draft_errors(content)
