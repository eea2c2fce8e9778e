"""Expressions of interest and theme sheets through the review workflow of SPEC.md §5.

draft → submitted → changes requested ↔ submitted → approved (or withdrawn). Submitting freezes
an immutable revision; after approval a revised sheet starts a new revision while the approved
one stays current until the new one is approved.
"""

from __future__ import annotations

import dataclasses

import pandas as pd

from ovpm import i18n
from ovpm.clock import now_utc, today
from ovpm.domain import N_
from ovpm.domain import submission_rules as rules
from ovpm.domain.congress import Contribution, Evaluation, contribution_errors, evaluation_errors
from ovpm.domain.deliverable_rules import deliverable_errors
from ovpm.domain.deliverables import ConstitutionSheet, PilotDraftReport, PriorityProblemSheet
from ovpm.domain.diagnosis import Assessment
from ovpm.domain.errors import ConflictError, FieldError, NotFound, ValidationError
from ovpm.domain.meetings import Minutes, minutes_errors
from ovpm.domain.missions import FOLLOWS, MissionStatus, request_errors
from ovpm.domain.missions import report_errors as mission_report_errors
from ovpm.domain.models import Role, User
from ovpm.domain.network_rules import plan_errors
from ovpm.domain.networks import ActionPlan, parse_amount
from ovpm.domain.pilot_projects import (
    PROJECT_STATUS_LABELS,
    ProgressReport,
    ProjectDefinition,
    ProjectStatus,
    definition_errors,
    report_errors,
)
from ovpm.domain.submissions import (
    AXIS_LABELS,
    CONGRESS_KINDS,
    KIND_LABELS,
    MISSION_KINDS,
    NETWORK_KINDS,
    PROCESS_KINDS,
    PROJECT_KINDS,
    STATUS_LABELS,
    Axis,
    ExpressionOfInterest,
    Revision,
    Status,
    Submission,
    SubmissionKind,
    ThemeSheet,
    content_of,
)
from ovpm.pdf import DocumentInfo
from ovpm.pdf.collective import assessment_pdf
from ovpm.pdf.congress import contribution_pdf
from ovpm.pdf.meetings import minutes_pdf
from ovpm.pdf.plans import plan_pdf
from ovpm.pdf.projects import definition_pdf, evaluation_pdf, report_pdf
from ovpm.pdf.step_one import expression_pdf, theme_sheet_pdf
from ovpm.pdf.workshops import constitution_pdf, pilot_draft_pdf, priority_problem_pdf
from ovpm.services import assembled, budget, mission_documents, notices
from ovpm.services._common import require, validate
from ovpm.store import audit, cities, meetings, networks, pilot_projects, submissions
from ovpm.store import missions as mission_store
from ovpm.store.db import Database

Content = (
    ThemeSheet
    | ExpressionOfInterest
    | ActionPlan
    | ConstitutionSheet
    | PriorityProblemSheet
    | PilotDraftReport
    | Minutes
    | Assessment
    | ProjectDefinition
    | ProgressReport
    | Evaluation
    | Contribution
)


def _load(cur, actor: User, submission_id: int) -> Submission:
    submission = submissions.get(cur, submission_id)
    require(rules.can_read(actor, submission))
    return submission


def _read(db: Database, actor: User, submission_id: int) -> Submission:
    """A submission for reading only, kept until the next write (a detail screen asks for it
    five times a rerun)."""
    submission = db.kept_read(
        ("submission", submission_id), lambda cur: submissions.get(cur, submission_id)
    )
    require(rules.can_read(actor, submission))
    return submission


def _check_version(submission: Submission, version: int) -> None:
    if submission.version != version:
        raise ConflictError(submission)


def _audit(
    cur, actor: User, submission: Submission, action: str, before: dict | None, after: dict | None
) -> None:
    audit.record(
        cur,
        actor.id,
        actor.username,
        "submission",
        submission.id,
        action,
        before,
        after,
        submission.city_id,
    )


def _summary(submission: Submission) -> dict:
    return {
        "kind": str(submission.kind),
        "status": str(submission.status),
        "revision": submission.revision,
        "approved_revision": submission.approved_revision,
    }


def get_submission(db: Database, actor: User, submission_id: int) -> Submission:
    """A submission the actor may read (owner city, Secretariat, Advisory Group)."""
    return _read(db, actor, submission_id)


def current_submission(
    db: Database, actor: User, kind: str, city_id: int, network_id: int | None = None
) -> Submission | None:
    """The city's (or, for an action plan, the network's) open submission of a kind, if any."""
    require(rules.can_write_for(actor, city_id) or actor.role == Role.ADVISORY)
    with db.reading() as cur:
        return submissions.open_submission(cur, kind, city_id, network_id)


def start_submission(
    db: Database, actor: User, kind: str, city_id: int, network_id: int | None = None
) -> Submission:
    """The open submission of this kind, created as an empty draft when there is none (an
    action plan belongs to its network and is owned by the pilot city)."""
    require(rules.can_write_for(actor, city_id))
    with db.unit_of_work() as cur:
        if SubmissionKind(kind) in NETWORK_KINDS + CONGRESS_KINDS:
            # an action plan or a workshop deliverable belongs to one network and is owned by
            # its pilot city
            require(
                network_id is not None and networks.get(cur, network_id).pilot_city_id == city_id
            )
        elif SubmissionKind(kind) in PROCESS_KINDS:  # a network's (its pilot city's) or a city's
            require(network_id is None or networks.get(cur, network_id).pilot_city_id == city_id)
        else:
            require(network_id is None)
        existing = submissions.open_submission(cur, kind, city_id, network_id)
        if existing is not None:
            return existing
        return insert_draft(cur, actor, kind, city_id, content_of(kind, {}).to_dict(), network_id)


def insert_draft(
    cur, actor: User, kind: str, city_id: int, content: dict, network_id: int | None = None
) -> Submission:
    """A new draft with its first history step, audited (inside the caller's unit of work,
    after its access check)."""
    created = submissions.insert(cur, kind, city_id, content, now_utc(), network_id)
    submissions.add_event(cur, created.id, 0, "create", actor.username, now_utc())
    _audit(cur, actor, created, "create", None, _summary(created))
    return created


def save_draft(
    db: Database, actor: User, submission_id: int, content: Content, version: int
) -> Submission:
    """Save the working copy explicitly (a draft survives logout and restart)."""
    validate(rules.draft_errors(content))
    with db.unit_of_work() as cur:
        return update_draft(cur, actor, submission_id, content, version)


def update_draft(
    cur, actor: User, submission_id: int, content: Content, version: int
) -> Submission:
    """Save the working copy opened at `version`, audited (inside the caller's unit of work)."""
    before = _load(cur, actor, submission_id)
    require(rules.can_edit(actor, before))
    _check_version(before, version)
    after = submissions.update(
        cur, dataclasses.replace(before, content=content.to_dict()), now_utc()
    )
    _audit(cur, actor, after, "save_draft", before.content, after.content)
    return after


def content_errors(db: Database, submission: Submission, content: Content) -> list[FieldError]:
    """The rules that a submission must meet to be submitted."""
    if submission.kind == SubmissionKind.THEME_SHEET:
        return rules.theme_sheet_errors(content)
    if submission.kind == SubmissionKind.ACTION_PLAN:
        with db.reading() as cur:
            participating = networks.participating_city_ids(cur, submission.network_id)
        return plan_errors(content, participating)
    if submission.kind in NETWORK_KINDS:
        return deliverable_errors(content)
    if submission.kind == SubmissionKind.MINUTES:
        with db.reading() as cur:
            people = set(meetings.people_names(cur))
        return minutes_errors(content, people)
    if submission.kind == SubmissionKind.ASSESSMENT:
        return rules.assessment_errors(content)
    if submission.kind == SubmissionKind.PROJECT_DEFINITION:
        return definition_errors(content)
    if submission.kind == SubmissionKind.PROGRESS_REPORT:
        return report_errors(content)
    if submission.kind in (SubmissionKind.PROJECT_EVALUATION, SubmissionKind.NETWORK_EVALUATION):
        return evaluation_errors(content)
    if submission.kind == SubmissionKind.CONTRIBUTION:
        return contribution_errors(content)
    if submission.kind == SubmissionKind.MISSION_REQUEST:
        with db.reading() as cur:
            good_standing = cities.get(cur, submission.city_id).good_standing
        return request_errors(content, good_standing)
    if submission.kind == SubmissionKind.MISSION_REPORT:
        return mission_report_errors(content)
    return rules.expression_errors(content, today())


def submit(
    db: Database, actor: User, submission_id: int, content: Content, version: int
) -> Submission:
    """Check every rule and freeze the content as the next immutable revision.

    When a rule is broken, what was typed is saved as the draft before the refusal, so nothing
    is lost even if the user leaves."""
    with db.reading() as cur:
        current = _load(cur, actor, submission_id)
    errors = content_errors(db, current, content)
    if errors:
        raise ValidationError(errors, saved=save_draft(db, actor, submission_id, content, version))
    with db.unit_of_work() as cur:
        before = _load(cur, actor, submission_id)
        require(rules.can_edit(actor, before))
        _check_version(before, version)
        number = before.revision + 1
        now = now_utc()
        content = assembled.frozen(cur, before, content)
        submissions.add_revision(cur, before.id, number, content.to_dict(), actor.username, now)
        after = submissions.update(
            cur,
            dataclasses.replace(
                before, content=content.to_dict(), status=Status.SUBMITTED, revision=number
            ),
            now,
        )
        submissions.add_event(cur, before.id, number, "submit", actor.username, now)
        _follow_mission(cur, before, "submit", now)
        _audit(cur, actor, after, "submit", _summary(before), _summary(after))
        notices.submitted(cur, actor, after)
    return after


def _decide(
    db: Database, actor: User, submission_id: int, version: int, outcome: Status, comment: str
) -> Submission:
    with db.unit_of_work() as cur:
        before = _load(cur, actor, submission_id)
        _check_version(before, version)
        require(rules.can_review(actor, before))
        now = now_utc()
        approved = before.revision if outcome == Status.APPROVED else before.approved_revision
        submissions.decide_revision(
            cur, before.id, before.revision, str(outcome), actor.username, now, comment
        )
        after = submissions.update(
            cur, dataclasses.replace(before, status=outcome, approved_revision=approved), now
        )
        submissions.add_event(
            cur, before.id, before.revision, str(outcome), actor.username, now, comment
        )
        if outcome == Status.APPROVED and before.kind == SubmissionKind.ACTION_PLAN:
            _follow_plan_budget(cur, actor, before)
        if outcome == Status.APPROVED and before.kind == SubmissionKind.PROJECT_DEFINITION:
            pilot_projects.approve_definition(cur, before.id)
        _follow_mission(cur, before, str(outcome), now)
        _audit(
            cur,
            actor,
            after,
            str(outcome),
            _summary(before),
            _summary(after) | {"comment": comment},
        )
        notices.decided(cur, actor, after, outcome, comment)
    return after


def _follow_plan_budget(cur, actor: User, plan: Submission) -> None:
    """An approved action plan's budget lines become the lines tracked for its network."""
    content = next(
        r.content for r in submissions.revisions(cur, plan.id) if r.number == plan.revision
    )
    budget.follow_approved_plan(
        cur, actor, plan.network_id, plan.city_id, ActionPlan.from_dict(content)
    )


def request_changes(
    db: Database, actor: User, submission_id: int, version: int, comment: str
) -> Submission:
    """Return a submitted revision to the city; the comment saying what to change is required."""
    if not (comment or "").strip():
        validate([FieldError("comment", N_("is required: say what should change."))])
    return _decide(db, actor, submission_id, version, Status.CHANGES_REQUESTED, comment.strip())


def approve(
    db: Database, actor: User, submission_id: int, version: int, comment: str = ""
) -> Submission:
    """Approve the submitted revision; it becomes the current one."""
    return _decide(db, actor, submission_id, version, Status.APPROVED, (comment or "").strip())


def _move(
    db: Database,
    actor: User,
    submission_id: int,
    version: int,
    allowed,
    status: Status,
    action: str,
) -> Submission:
    """Change the status of a submission opened at `version` when the rule `allowed` holds."""
    with db.unit_of_work() as cur:
        before = _load(cur, actor, submission_id)
        _check_version(before, version)
        require(allowed(actor, before))
        now = now_utc()
        after = submissions.update(cur, dataclasses.replace(before, status=status), now)
        submissions.add_event(cur, before.id, before.revision, action, actor.username, now)
        _follow_mission(cur, before, action, now)
        _audit(cur, actor, after, action, _summary(before), _summary(after))
    return after


def _follow_mission(cur, submission: Submission, event: str, now) -> None:
    """A Mission4City request or report moves its mission with it (same unit of work)."""
    status = FOLLOWS.get((str(submission.kind), event))
    if status is None:
        return
    mission = mission_store.of_submission(cur, submission.id)
    if mission is not None and mission.status not in (
        MissionStatus.DECLINED,
        MissionStatus.WITHDRAWN,
    ):
        mission_store.set_status(cur, mission.id, status, now)


def withdraw(db: Database, actor: User, submission_id: int, version: int) -> Submission:
    """Withdraw an open submission (the owning city or the Secretariat)."""
    return _move(
        db, actor, submission_id, version, rules.can_withdraw, Status.WITHDRAWN, "withdraw"
    )


def start_revision(db: Database, actor: User, submission_id: int, version: int) -> Submission:
    """After approval: a new draft from the approved content; the approved one stays current."""
    return _move(
        db, actor, submission_id, version, rules.can_start_revision, Status.DRAFT, "start_revision"
    )


def revisions(db: Database, actor: User, submission_id: int) -> list[Revision]:
    """Every frozen revision of a submission the actor may read (kept until the next write,
    like `_read`; treat it as read-only)."""
    _read(db, actor, submission_id)
    return db.kept_read(
        ("revisions", submission_id), lambda cur: submissions.revisions(cur, submission_id)
    )


def revision_content(
    db: Database, actor: User, submission_id: int, number: int | None
) -> tuple[Submission, dict, int | None]:
    """(submission, content, revision number) of a revision, or of the working copy (None)."""
    submission = _read(db, actor, submission_id)
    if number is None:
        return submission, submission.content, None
    for revision in revisions(db, actor, submission_id):
        if revision.number == number:
            return submission, revision.content, number
    raise NotFound(f"revision {number}")


def history(db: Database, actor: User, submission_id: int) -> pd.DataFrame:
    """The review steps of a submission, oldest first (kept until the next write)."""
    _read(db, actor, submission_id)
    return db.kept_read(
        ("submission_events", submission_id), lambda cur: submissions.events(cur, submission_id)
    )


def comment_text(body: str) -> str:
    """A comment as it is kept: required, at most 5,000 characters."""
    body = (body or "").strip()
    if not body:
        validate([FieldError("comment", N_("is required."))])
    if len(body) > 5000:
        validate([FieldError("comment", N_("must be at most {max} characters."), {"max": 5000})])
    return body


def record_comment(cur, actor: User, submission: Submission, body: str) -> None:
    """Keep a checked comment on the submission's current revision, audited (inside the
    caller's unit of work, after its access check)."""
    submissions.add_comment(
        cur, submission.id, submission.revision, actor.username, str(actor.role), body, now_utc()
    )
    _audit(cur, actor, submission, "comment", None, {"comment": body})
    notices.commented(cur, actor, submission, body)


def add_comment(db: Database, actor: User, submission_id: int, body: str) -> None:
    """Advice from the Advisory Group or the Secretariat; the city reads it."""
    body = comment_text(body)
    with db.unit_of_work() as cur:
        submission = _load(cur, actor, submission_id)
        require(rules.can_comment(actor, submission))
        record_comment(cur, actor, submission, body)


def comments(db: Database, actor: User, submission_id: int):
    """Comments on a submission the actor may read."""
    _read(db, actor, submission_id)
    with db.reading() as cur:
        return submissions.comments(cur, submission_id)


def listing(
    db: Database,
    actor: User,
    kinds: list[str] | None = None,
    statuses: list[str] | None = None,
    city_ids: list[int] | None = None,
) -> pd.DataFrame:
    """Submissions the actor may read: a city its own, the Secretariat and Advisory Group all."""
    own_city = actor.city_id if actor.role == Role.CITY else None
    if actor.role == Role.CITY:
        city_ids = None
    with db.reading() as cur:
        return submissions.listing(cur, own_city, kinds, statuses, city_ids)


def approved_themes(db: Database, actor: User) -> pd.DataFrame:
    """The public summary of approved theme sheets: city, region, priority theme and its axis,
    and every identified theme. Readable by every member city (SPEC.md §1)."""
    rows = []
    with db.reading() as cur:
        sheets = submissions.approved_theme_sheets(cur)
    for city_id, city, region, content in sheets:
        sheet = ThemeSheet.from_dict(content)
        for index, theme in enumerate(sheet.themes):
            rows.append(
                {
                    "city_id": city_id,
                    "city": city,
                    "region": region,
                    "title": theme.title,
                    "axis": theme.axis,
                    "priority": index == sheet.priority,
                }
            )
    return pd.DataFrame(rows, columns=["city_id", "city", "region", "title", "axis", "priority"])


def deliverable_pdf(content: Content, info: DocumentInfo, language: str) -> bytes:
    """A workshop deliverable's PDF in `language`."""
    _ = i18n.translator(language)
    if isinstance(content, ConstitutionSheet):
        return constitution_pdf(content, info, _)
    if isinstance(content, PriorityProblemSheet):
        return priority_problem_pdf(content, info, _)
    return pilot_draft_pdf(
        content,
        info,
        _,
        lambda d: i18n.format_day(d, language, "medium"),
        lambda amount, currency: i18n.format_money(parse_amount(amount) or 0, currency, language),
    )


def submission_pdf(
    db: Database, actor: User, submission_id: int, number: int | None, language: str
) -> bytes:
    """The PDF of a revision (None: the working copy) in the reader's language, with a DRAFT
    mark unless that revision was approved."""
    submission, content, number = revision_content(db, actor, submission_id, number)
    if number is None:
        status = submission.status
    else:
        status = next(r.outcome for r in revisions(db, actor, submission_id) if r.number == number)
    return render_pdf(db, submission, content, number, status, language)


def pdf_labels(language: str):
    """The translated names a Congress document shows: an axis, a project status, a share."""
    _ = i18n.translator(language)

    def axis_label(axis) -> str:
        if axis not in {int(a) for a in Axis}:
            return ""
        return _("Axis {n}", n=axis) + " — " + _(AXIS_LABELS[Axis(axis)])

    def status_label(code: str) -> str:
        return _(PROJECT_STATUS_LABELS[ProjectStatus(code)]) if code else ""

    def percent(share: str) -> str:
        return i18n.format_percent(float(share), language)

    return axis_label, status_label, percent


def render_pdf(
    db: Database,
    submission: Submission,
    content: dict,
    number: int | None,
    status: Status,
    language: str,
) -> bytes:
    """The PDF of some content of a submission, for a reader whose access was checked."""
    _ = i18n.translator(language)
    revision_text = (
        _("Revision {n}", n=number) if number is not None else _("Working copy (not submitted)")
    )
    info = DocumentInfo(
        organisation=_("Organization of World Heritage Cities"),
        programme=_("Quebec Roadmap") + " · " + _("17th World Congress"),
        title=_(KIND_LABELS[submission.kind]) + " — " + submission.subject,
        subtitle=revision_text,
        status_line=_("Status: {status}", status=_(STATUS_LABELS[status])),
        draft_mark=None if status == Status.APPROVED else _("DRAFT"),
        page_label=_("Page {page} of {pages}"),
        footer_left=i18n.format_day(today(), language),
    )
    typed = content_of(submission.kind, content)
    if submission.kind in MISSION_KINDS:
        info = dataclasses.replace(info, programme=_("Mission4City"))
        return mission_documents.mission_pdf(db, typed, info, language, pdf_labels(language)[0])
    day = lambda d: i18n.format_day(d, language, "medium")  # noqa: E731
    if submission.kind in PROJECT_KINDS + CONGRESS_KINDS and number is None:
        with db.reading() as cur:  # a working copy shows what it would take from the data now
            typed = assembled.frozen(cur, submission, typed)
    if submission.kind == SubmissionKind.PROJECT_DEFINITION:
        return definition_pdf(typed, info, _, day)
    if submission.kind == SubmissionKind.PROGRESS_REPORT:
        return report_pdf(typed, info, _, day)
    if submission.kind in (SubmissionKind.PROJECT_EVALUATION, SubmissionKind.NETWORK_EVALUATION):
        return evaluation_pdf(typed, info, _, pdf_labels(language)[2])
    if submission.kind == SubmissionKind.CONTRIBUTION:
        return contribution_pdf(typed, typed.assembled, info, _, pdf_labels(language))
    if submission.kind == SubmissionKind.MINUTES:
        return minutes_pdf(typed, info, _, lambda day: i18n.format_iso_day(day, language))
    if submission.kind == SubmissionKind.ASSESSMENT:
        return assessment_pdf(typed, info, _)
    if submission.kind == SubmissionKind.THEME_SHEET:
        return theme_sheet_pdf(typed, info, _)
    if submission.kind in NETWORK_KINDS and submission.kind != SubmissionKind.ACTION_PLAN:
        return deliverable_pdf(typed, info, language)
    if submission.kind == SubmissionKind.ACTION_PLAN:
        # Those who read a plan submission (pilot city, Secretariat, Advisory Group) read it all.
        with db.reading() as cur:
            names = cities.names(cur)
        return plan_pdf(
            typed,
            info,
            _,
            lambda d: i18n.format_day(d, language, "medium"),
            lambda amount, currency: i18n.format_money(amount, currency, language),
            names,
        )
    return expression_pdf(typed, info, i18n.format_day(typed.letter_date, language), _)
