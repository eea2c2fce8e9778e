"""Rules of the step-1 forms, the review workflow's permissions, and field-by-field differences."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from ovpm.domain import N_
from ovpm.domain.budget import ENTRY_KIND_LABELS
from ovpm.domain.congress import Contribution, Evaluation
from ovpm.domain.deliverables import ConstitutionSheet, PilotDraftReport, PriorityProblemSheet
from ovpm.domain.diagnosis import ASSESSMENT_MAX_WORDS, Assessment, AssessmentDecision
from ovpm.domain.errors import FieldError
from ovpm.domain.indicators import DIRECTION_LABELS
from ovpm.domain.meetings import Minutes
from ovpm.domain.missions import MissionReport, MissionRequest
from ovpm.domain.models import (
    CONTACT_KIND_LABELS,
    ROLE_LABELS,
    UNESCO_REGIONS,
    Role,
    User,
)
from ovpm.domain.networks import (
    ACTIVITY_STATUS_LABELS,
    ACTIVITY_TYPE_LABELS,
    BUDGET_CATEGORY_LABELS,
    FUNDER_LABELS,
    MEMBER_STATUS_LABELS,
    NETWORK_STATUS_LABELS,
    ActionPlan,
)
from ovpm.domain.pilot_projects import (
    ORIGIN_LABELS,
    PROJECT_STATUS_LABELS,
    ProgressReport,
    ProjectDefinition,
)
from ovpm.domain.rules import FIELD_LABELS, REQUIRED, TOO_LONG, person_errors
from ovpm.domain.submissions import (
    AXIS_LABELS,
    CONGRESS_KINDS,
    KIND_LABELS,
    MISSION_KINDS,
    NAMED_STAFF,
    PROJECT_KINDS,
    STATUS_LABELS,
    Axis,
    ExpressionOfInterest,
    Person,
    Status,
    Submission,
    SubmissionKind,
    ThemeSheet,
    content_of,
    count_words,
)
from ovpm.domain.workshops import HALF_DAY_LABELS, PARTICIPANT_ROLE_LABELS, WORKSHOP_STATUS_LABELS

CHALLENGES_MAX_WORDS = ACTIONS_MAX_WORDS = EXPRESSION_MAX_WORDS = 500
PRIORITY_MAX_WORDS = 300
THEMES_MIN, THEMES_MAX = 1, 5
THEME_TITLE_MAX = 120
DRAFT_MAX_WORDS = 5000
DRAFT_MAX_ROWS = 200

TOO_MANY_WORDS = N_("has {count} words; the limit is {limit} words.")


def words_errors(field: str, text: str, limit: int, required: bool = True) -> list[FieldError]:
    """Required text of at most `limit` words (the message gives the count and the limit)."""
    if required and not (text or "").strip():
        return [FieldError(field, REQUIRED)]
    words = count_words(text)
    if words > limit:
        return [FieldError(field, TOO_MANY_WORDS, {"count": words, "limit": limit})]
    return []


def theme_sheet_errors(sheet: ThemeSheet) -> list[FieldError]:
    """Everything source 001 asks of a theme sheet before it can be submitted."""
    errors = []
    for role in NAMED_STAFF:
        errors += person_errors(role, getattr(sheet, role), required=True)
    for index, person in enumerate(sheet.others):
        errors += person_errors(f"others.{index}", person, required=False)
    errors += words_errors("challenges", sheet.challenges, CHALLENGES_MAX_WORDS)
    errors += words_errors("actions", sheet.actions, ACTIONS_MAX_WORDS)
    errors += _themes_errors(sheet)
    errors += words_errors("priority_description", sheet.priority_description, PRIORITY_MAX_WORDS)
    return errors


def _themes_errors(sheet: ThemeSheet) -> list[FieldError]:
    count = len(sheet.themes)
    if not THEMES_MIN <= count <= THEMES_MAX:
        return [
            FieldError(
                "themes",
                N_("must count between {min} and {max} themes; there are {count}."),
                {"min": THEMES_MIN, "max": THEMES_MAX, "count": count},
            )
        ]
    errors = []
    for index, theme in enumerate(sheet.themes):
        if not theme.title.strip():
            errors.append(FieldError(f"themes.{index}.title", REQUIRED))
        elif len(theme.title) > THEME_TITLE_MAX:
            errors.append(FieldError(f"themes.{index}.title", TOO_LONG, {"max": THEME_TITLE_MAX}))
        if not theme.description.strip():
            errors.append(FieldError(f"themes.{index}.description", REQUIRED))
        if theme.axis not in {int(a) for a in AXIS_LABELS}:
            errors.append(
                FieldError(f"themes.{index}.axis", N_("must be one of the three strategic axes."))
            )
    if sheet.priority_theme is None:
        errors.append(FieldError("priority", N_("must be one of the identified themes.")))
    return errors


def expression_errors(expression: ExpressionOfInterest, today: date) -> list[FieldError]:
    """An expression of interest needs its date, contact person, text and the signed letter."""
    errors = []
    if expression.letter_date is None:
        errors.append(FieldError("letter_date", REQUIRED))
    elif expression.letter_date > today:
        errors.append(FieldError("letter_date", N_("cannot be in the future.")))
    errors += person_errors("contact", expression.contact, required=True)
    errors += words_errors("text", expression.text, EXPRESSION_MAX_WORDS)
    if expression.letter_id is None:
        errors.append(
            FieldError(
                "letter", N_("is required: upload the letter signed by the mayor, as a PDF file.")
            )
        )
    return errors


def assessment_errors(assessment: Assessment) -> list[FieldError]:
    """What was achieved and the lessons, within their word limit; the decision; how to go on
    unless the process stops."""
    errors = words_errors("achieved", assessment.achieved, ASSESSMENT_MAX_WORDS)
    errors += words_errors("lessons", assessment.lessons, ASSESSMENT_MAX_WORDS)
    if assessment.decision not in set(AssessmentDecision):
        errors.append(FieldError("decision", REQUIRED))
    errors += words_errors(
        "how", assessment.how, ASSESSMENT_MAX_WORDS, assessment.decision != AssessmentDecision.STOP
    )
    return errors


def draft_errors(content) -> list[FieldError]:
    """Bounds that even a draft keeps (the full rules apply on submit)."""
    texts = {
        ThemeSheet: ("challenges", "actions", "priority_description"),
        ExpressionOfInterest: ("text",),
        ConstitutionSheet: ("coordination", "decisions", "meetings"),
        PriorityProblemSheet: ("questions",),
        PilotDraftReport: ("objectives", "expected_results", "partners"),
        Minutes: ("text",),
        Assessment: ("achieved", "lessons", "how"),
        ProjectDefinition: ("objectives", "expected_results", "partners"),
        ProgressReport: ("done", "difficulties", "next_steps"),
        Evaluation: ("lessons", "differently", "recommendations"),
        Contribution: ("introduction", "conclusions"),
        MissionRequest: ("situation", "global_project", "expertise_profiles", "main_skills"),
        MissionReport: ("initial_issue", "actors", "help_obtained", "lessons", "solutions"),
    }.get(type(content), ("concept", "challenges", "collective_work"))
    errors = []
    for key in texts:
        words = count_words(getattr(content, key))
        if words > DRAFT_MAX_WORDS:
            errors.append(
                FieldError(key, TOO_MANY_WORDS, {"count": words, "limit": DRAFT_MAX_WORDS})
            )
    rows = sum(
        len(getattr(content, name, ()))
        for name in (
            "themes",
            "others",
            "activities",
            "budget",
            "members",
            "problems",
            "indicators",
            "timeline",
        )
    )
    if rows > DRAFT_MAX_ROWS:
        errors.append(
            FieldError("rows", N_("may have at most {max} rows."), {"max": DRAFT_MAX_ROWS})
        )
    return errors


# --- the review workflow (SPEC.md §5) --------------------------------------------------------

EDITABLE = (Status.DRAFT, Status.CHANGES_REQUESTED)
OPEN = (Status.DRAFT, Status.SUBMITTED, Status.CHANGES_REQUESTED)

NEXT_STEP = {
    Status.DRAFT: N_("Complete the form and submit it."),
    Status.SUBMITTED: N_("Awaiting review by the General Secretariat."),
    Status.CHANGES_REQUESTED: N_("Make the requested changes and submit again."),
    Status.APPROVED: N_(
        "Approved. A revised version can be started when needed, for instance "
        "after the international workshop."
    ),
    Status.WITHDRAWN: N_("Withdrawn. A new one can be started."),
}


def is_owner(actor: User, submission: Submission) -> bool:
    return actor.role == Role.CITY and actor.city_id == submission.city_id


def can_read(actor: User, submission: Submission) -> bool:
    return actor.role in (Role.SECRETARIAT, Role.ADVISORY) or is_owner(actor, submission)


def can_write_for(actor: User, city_id: int) -> bool:
    """The owning city, or the Secretariat on its behalf."""
    return actor.role == Role.SECRETARIAT or (actor.role == Role.CITY and actor.city_id == city_id)


def can_edit(actor: User, submission: Submission) -> bool:
    return can_write_for(actor, submission.city_id) and submission.status in EDITABLE


def can_review(actor: User, submission: Submission) -> bool:
    return actor.role == Role.SECRETARIAT and submission.status == Status.SUBMITTED


def can_withdraw(actor: User, submission: Submission) -> bool:
    return can_write_for(actor, submission.city_id) and submission.status in OPEN


def can_start_revision(actor: User, submission: Submission) -> bool:
    return can_write_for(actor, submission.city_id) and submission.status == Status.APPROVED


def can_comment(actor: User, submission: Submission) -> bool:
    return actor.role in (Role.SECRETARIAT, Role.ADVISORY)


# --- differences between revisions ----------------------------------------------------------


def flatten(kind: str, content: dict) -> dict[str, str]:
    """Field key → displayable text, in form order (keys as in field errors)."""
    if SubmissionKind(kind) == SubmissionKind.ACTION_PLAN:
        return _flatten_plan(content)
    if SubmissionKind(kind) in DELIVERABLE_FORMS:
        return _flatten_deliverable(kind, content)
    if SubmissionKind(kind) == SubmissionKind.MINUTES:
        return _flatten_minutes(Minutes.from_dict(content))
    if SubmissionKind(kind) in (
        SubmissionKind.ASSESSMENT,
        *PROJECT_KINDS,
        *CONGRESS_KINDS,
        *MISSION_KINDS,
    ):
        return flat_fields(content_of(kind, content).to_dict())
    if SubmissionKind(kind) == SubmissionKind.EXPRESSION_OF_INTEREST:
        eoi = ExpressionOfInterest.from_dict(content)
        return {
            "letter_date": eoi.letter_date.isoformat() if eoi.letter_date else "",
            **_person_fields("contact", eoi.contact),
            "text": eoi.text,
            "letter": eoi.letter_name,
        }
    sheet = ThemeSheet.from_dict(content)
    fields: dict[str, str] = {}
    for role in NAMED_STAFF:
        fields.update(_person_fields(role, getattr(sheet, role)))
    for index, person in enumerate(sheet.others):
        fields.update(_person_fields(f"others.{index}", person))
    fields["challenges"] = sheet.challenges
    fields["actions"] = sheet.actions
    for index, theme in enumerate(sheet.themes):
        fields[f"themes.{index}.title"] = theme.title
        fields[f"themes.{index}.description"] = theme.description
        fields[f"themes.{index}.axis"] = str(theme.axis or "")
    priority = sheet.priority_theme
    fields["priority"] = priority.title if priority else ""
    fields["priority_description"] = sheet.priority_description
    return fields


def _flatten_plan(content: dict) -> dict[str, str]:

    plan = ActionPlan.from_dict(content)
    fields = {"concept": plan.concept, "network_challenges": plan.challenges}
    for index, activity in enumerate(plan.activities):
        for key in ("kind", "title", "starts", "ends", "place", "status"):
            value = getattr(activity, key)
            fields[f"activities.{index}.{key}"] = (
                value.isoformat() if hasattr(value, "isoformat") else str(value or "")
            )
    for index, line in enumerate(plan.budget):
        for key in ("category", "description", "amount", "currency", "funder"):
            fields[f"budget.{index}.{key}"] = str(getattr(line, key) or "")
    fields["collective_work"] = plan.collective_work
    return fields


def _flatten_minutes(minutes: Minutes) -> dict[str, str]:
    fields = {"text": minutes.text}
    fields |= {f"decisions.{i}": text for i, text in enumerate(minutes.decisions)}
    for index, action in enumerate(minutes.actions):
        fields[f"actions.{index}.what"] = action.what
        fields[f"actions.{index}.owner_name"] = action.owner_name
        fields[f"actions.{index}.due"] = action.due
    for index, attendee in enumerate(minutes.attendees):
        fields[f"attendees.{index}.name"] = attendee.name
        fields[f"attendees.{index}.attendance"] = attendee.attendance
    return fields


def _flatten_deliverable(kind: str, content: dict) -> dict[str, str]:
    typed = DELIVERABLE_FORMS[SubmissionKind(kind)].from_dict(content)
    fields = flat_fields(typed.to_dict())
    if isinstance(typed, PriorityProblemSheet):
        chosen = typed.priority_problem
        fields.pop("priority", None)
        fields["priority_problem"] = chosen.title if chosen else ""
    return fields


def _person_fields(prefix: str, person: Person) -> dict[str, str]:
    return {
        f"{prefix}.name": person.name,
        f"{prefix}.title": person.title,
        f"{prefix}.email": person.email,
    }


# Coded values, by their field key (in a row of a table: 'activities[].kind'): shown by their
# name wherever a stored value is read back (differences, a conflict's stored version).
CODED_FIELDS = {
    "activities[].kind": ACTIVITY_TYPE_LABELS,
    "activities[].status": ACTIVITY_STATUS_LABELS,
    "budget[].category": BUDGET_CATEGORY_LABELS,
    "budget[].funder": FUNDER_LABELS,
    # a record's own kind or status (a contact, a submission, a network, a membership, an
    # entry): their codes differ, so one table serves them all
    "kind": {**CONTACT_KIND_LABELS, **KIND_LABELS, **ENTRY_KIND_LABELS},
    "status": {
        **STATUS_LABELS,
        **NETWORK_STATUS_LABELS,
        **MEMBER_STATUS_LABELS,
        **WORKSHOP_STATUS_LABELS,
        **PROJECT_STATUS_LABELS,
    },
    "origin": ORIGIN_LABELS,
    "direction": DIRECTION_LABELS,
    "role": {**ROLE_LABELS, **PARTICIPANT_ROLE_LABELS},
    "programme[].half": HALF_DAY_LABELS,
    "region": UNESCO_REGIONS,
    "category": BUDGET_CATEGORY_LABELS,
    "funder": FUNDER_LABELS,
}
DATE_FIELDS = frozenset(
    {
        "starts",
        "ends",
        "letter_date",
        "by",
        "first_day",
        "last_day",
        "period_start",
        "period_end",
        "measured_on",
    }
)
DELIVERABLE_FORMS = {
    SubmissionKind.CONSTITUTION_SHEET: ConstitutionSheet,
    SubmissionKind.PRIORITY_PROBLEM: PriorityProblemSheet,
    SubmissionKind.PILOT_DRAFT: PilotDraftReport,
}


def value_label_parts(field: str, value: str) -> list[tuple[str, dict]] | None:
    """A coded value of a field as translatable label parts (axis '2' → 'Axis 2', its name;
    'international_workshop' → 'International workshop'), or None when the value is what the
    user typed and is shown as it is."""
    names = field.split(".")
    if names[-1] == "axis" and value.isdigit() and int(value) in {int(a) for a in Axis}:
        return [(N_("Axis {n}"), {"n": int(value)}), (AXIS_LABELS[Axis(int(value))], {})]
    in_row = len(names) >= 3 and names[-2].isdigit()
    labels = CODED_FIELDS.get(f"{names[-3]}[].{names[-1]}" if in_row else field, {})
    if value in labels:
        return [(labels[value], {})]
    if isinstance(value, str) and value in ("True", "False"):
        return [(N_("Yes") if value == "True" else N_("No"), {})]
    return None


def flat_fields(data: object, prefix: str = "") -> dict[str, str]:
    """A stored dict (an audit entry's before or after, a content) as field key → text, nested
    keys joined like field errors ('themes.0.axis')."""
    if isinstance(data, dict):
        fields: dict[str, str] = {}
        for key, value in data.items():
            fields.update(flat_fields(value, f"{prefix}.{key}" if prefix else str(key)))
        return fields
    if isinstance(data, list | tuple) and any(isinstance(item, dict | list) for item in data):
        fields = {}
        for index, item in enumerate(data):
            fields.update(flat_fields(item, f"{prefix}.{index}"))
        return fields
    if isinstance(data, list | tuple):
        return {prefix: ", ".join(str(item) for item in data)}
    return {prefix: "" if data is None else str(data)}


def record_fields(record: object) -> dict[str, str]:
    """A stored record as field key → stored text, in form order (a submission by the fields of
    its form, another record by its labelled fields), for showing it field by field."""
    if isinstance(record, Submission):
        return flatten(record.kind, record.content)
    fields = {}
    for key, value in asdict(record).items():
        if key not in FIELD_LABELS or value in (None, "", [], ()):
            continue
        if isinstance(value, list | tuple):
            value = ", ".join(str(item) for item in value)
        fields[key] = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return fields


def differences(kind: str, older: dict, newer: dict) -> list[tuple[str, str, str]]:
    """(field key, older text, newer text) for every field that differs, in form order."""
    before, after = flatten(kind, older), flatten(kind, newer)
    keys = list(after) + [k for k in before if k not in after]
    return [
        (key, before.get(key, ""), after.get(key, ""))
        for key in keys
        if before.get(key, "") != after.get(key, "")
    ]
