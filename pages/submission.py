"""One submission: its revisions, the differences between two, comments, history, the review
decision of the Secretariat, and the PDF."""

import pandas as pd
import streamlit as st

from ovpm import i18n, ui
from ovpm.auth import require_role
from ovpm.domain.errors import NotFound, PermissionDenied
from ovpm.domain.submission_rules import (
    NEXT_STEP,
    can_comment,
    can_edit,
    can_review,
    can_start_revision,
    can_withdraw,
    differences,
    is_owner,
)
from ovpm.domain.submissions import (
    CONGRESS_KINDS,
    KIND_LABELS,
    MISSION_KINDS,
    NETWORK_KINDS,
    PROJECT_KINDS,
    STATUS_LABELS,
    Status,
    SubmissionKind,
    content_of,
)
from ovpm.services import attachments as attachment_service
from ovpm.services import cities as city_service
from ovpm.services import congress as congress_service
from ovpm.services import meetings as meeting_service
from ovpm.services import missions as mission_service
from ovpm.services import pilot_projects as project_service
from ovpm.services import submissions as submission_service
from ovpm.ui.assessment import show_assessment_content
from ovpm.ui.congress import show_content
from ovpm.ui.deliverables import show_deliverable
from ovpm.ui.meetings import show_minutes
from ovpm.ui.mission_followup import show_report_content as show_mission_report
from ovpm.ui.missions import show_request_content
from ovpm.ui.navigation import roles_of
from ovpm.ui.networks import show_plan
from ovpm.ui.pilot_projects import show_definition_content
from ovpm.ui.progress_reports import show_report_content
from ovpm.ui.submissions import show_expression, show_history, show_theme_sheet, status_badge

user = require_role(*roles_of("submission"))
_ = ui.gettext()
lang = ui.language()
db = ui.db()
# Kinds whose content is an evaluation or a contribution (shown with what they take from the data).
EVALUATED_KINDS = (
    SubmissionKind.PROJECT_EVALUATION,
    SubmissionKind.NETWORK_EVALUATION,
    SubmissionKind.CONTRIBUTION,
)
FORM_PAGES = {
    SubmissionKind.EXPRESSION_OF_INTEREST: "pages/expression.py",
    SubmissionKind.THEME_SHEET: "pages/theme_sheet.py",
}

wanted = st.query_params.get("id", "")
try:
    submission = submission_service.get_submission(db, user, int(wanted))
except (ValueError, NotFound, PermissionDenied):
    st.warning(_("This submission does not exist or is not visible to you."))
    st.markdown("[" + _("Back to the submissions") + "](/submissions)")
    st.stop()

st.title(_(KIND_LABELS[submission.kind]) + " — " + ui.literal(submission.subject))
ui.show_flash()
status_badge(submission.status)
st.write(_(NEXT_STEP[submission.status]))
if submission.approved_revision:
    st.caption(_("Current approved revision: {n}", n=submission.approved_revision))
revisions = submission_service.revisions(db, user, submission.id)


def owner_actions() -> None:
    row = st.container(horizontal=True)
    if can_edit(user, submission) and row.button(_("Edit"), type="primary"):
        if submission.kind == SubmissionKind.ACTION_PLAN:
            st.switch_page(
                "pages/action_plan.py", query_params={"network": str(submission.network_id)}
            )
        if submission.kind == SubmissionKind.ASSESSMENT:
            st.session_state["collective_view"] = _("Assessment")
            query = {"network": str(submission.network_id)} if submission.network_id else {}
            st.switch_page("pages/collective.py", query_params=query)
        if submission.kind == SubmissionKind.MINUTES:
            st.switch_page(
                "pages/meeting.py",
                query_params={"id": str(meeting_service.meeting_of_minutes(db, user, submission))},
            )
        if submission.kind in PROJECT_KINDS:
            project_id = project_service.project_of(db, user, submission)
            st.switch_page("pages/pilot_project.py", query_params={"id": str(project_id)})
        if submission.kind in CONGRESS_KINDS:
            st.switch_page(
                "pages/contribution.py", query_params={"network": str(submission.network_id)}
            )
        if submission.kind in MISSION_KINDS:
            st.switch_page(
                "pages/mission.py",
                query_params={"id": str(mission_service.mission_of(db, user, submission))},
            )
        if submission.kind in NETWORK_KINDS:
            st.switch_page(
                "pages/deliverable.py",
                query_params={"network": str(submission.network_id), "kind": submission.kind},
            )
        st.switch_page(FORM_PAGES[submission.kind], query_params={"city": str(submission.city_id)})
    if can_start_revision(user, submission) and row.button(_("Start a revised version")):
        ui.run_action(
            lambda: submission_service.start_revision(db, user, submission.id, submission.version),
            _("A new revision was started; the approved one stays current until it is replaced."),
        )
    if can_withdraw(user, submission):
        with row.popover(_("Withdraw")):
            st.write(
                _("Withdraw this submission? It stays readable, and a new one can be started.")
            )
            if st.button(_("Withdraw"), key="confirm_withdraw", type="primary"):
                ui.run_action(
                    lambda: submission_service.withdraw(
                        db, user, submission.id, submission.version
                    ),
                    _("Withdrawn."),
                )


def review_actions() -> None:
    with st.container(border=True):
        st.markdown("#### " + _("Review revision {n}", n=submission.revision))
        comment = st.text_area(
            _("Comment to the city (required to request changes)"), key="review_comment"
        )
        row = st.container(horizontal=True)
        if row.button(_("Approve"), type="primary", icon=":material/check:"):
            ui.run_action(
                lambda: submission_service.approve(
                    db, user, submission.id, submission.version, comment
                ),
                _("Approved."),
            )
        if row.button(_("Request changes"), icon=":material/undo:"):
            ui.run_action(
                lambda: submission_service.request_changes(
                    db, user, submission.id, submission.version, comment
                ),
                _("Changes requested."),
            )


if can_review(user, submission):
    review_actions()
owner_actions()


def revision_label(number: int | None) -> str:
    if number is None:
        return _("Working copy (not submitted)")
    outcome = next(r.outcome for r in revisions if r.number == number)
    return _("Revision {n}", n=number) + " · " + _(STATUS_LABELS[outcome])


choices = [r.number for r in revisions]
if submission.status in (Status.DRAFT, Status.CHANGES_REQUESTED) and (
    is_owner(user, submission) or can_edit(user, submission)
):
    choices.append(None)
tab_read, tab_diff, tab_comments, tab_history = st.tabs(
    [_("Content"), _("Differences"), _("Comments"), _("History")],
    key="submission_view",
    on_change="rerun",  # only the open tab is built
)

if tab_read.open:
    with tab_read:
        if not choices:
            st.info(_("Nothing was submitted yet."))
        else:
            number = st.selectbox(
                _("Revision"),
                choices,
                index=len(revisions) - 1 if revisions else 0,
                format_func=revision_label,
                key=f"read_revision_{submission.version}",
            )
            _sub, content, number = submission_service.revision_content(
                db, user, submission.id, number
            )
            st.download_button(
                _("Download as PDF"),
                lambda: submission_service.submission_pdf(db, user, submission.id, number, lang),
                file_name=f"{submission.kind}-{submission.city_name}-{number or 'draft'}.pdf",
                mime="application/pdf",
                icon=":material/picture_as_pdf:",
            )
            typed = content_of(submission.kind, content)
            if submission.kind == SubmissionKind.THEME_SHEET:
                show_theme_sheet(typed)
            elif submission.kind == SubmissionKind.ACTION_PLAN:
                show_plan(typed, city_service.city_names(db, user))
            elif submission.kind in NETWORK_KINDS:
                show_deliverable(typed)
            elif submission.kind == SubmissionKind.MINUTES:
                show_minutes(typed)
            elif submission.kind == SubmissionKind.ASSESSMENT:
                show_assessment_content(typed)
            elif submission.kind == SubmissionKind.PROJECT_DEFINITION:
                show_definition_content(typed)
            elif submission.kind == SubmissionKind.PROGRESS_REPORT:
                show_report_content(typed)
            elif submission.kind == SubmissionKind.MISSION_REQUEST:
                show_request_content(user, typed)
            elif submission.kind == SubmissionKind.MISSION_REPORT:
                show_mission_report(
                    typed,
                    user.id,
                    lambda photo: attachment_service.read_attachment(db, user, photo)[1],
                )
            elif submission.kind in EVALUATED_KINDS:
                show_content(
                    congress_service.shown_content(db, user, submission, content), submission.id
                )
            else:
                show_expression(typed)
                if typed.letter_id is not None:
                    st.download_button(
                        _("Download the signed letter"),
                        lambda: attachment_service.read_attachment(db, user, typed.letter_id)[1],
                        file_name=typed.letter_name or "letter.pdf",
                        mime="application/pdf",
                    )

if tab_diff.open:
    with tab_diff:
        if len(choices) < 2:
            st.info(_("Differences need at least two revisions."))
        else:
            left, right = st.columns(2)
            older = left.selectbox(
                _("From"),
                choices,
                index=len(choices) - 2,
                format_func=revision_label,
                key=f"diff_from_{submission.version}",
            )
            newer = right.selectbox(
                _("To"),
                choices,
                index=len(choices) - 1,
                format_func=revision_label,
                key=f"diff_to_{submission.version}",
            )
            _a, older_content, _n = submission_service.revision_content(
                db, user, submission.id, older
            )
            _b, newer_content, _m = submission_service.revision_content(
                db, user, submission.id, newer
            )
            changed = differences(submission.kind, older_content, newer_content)
            if not changed:
                st.info(_("The two versions are identical."))
            else:
                st.dataframe(
                    pd.DataFrame(
                        [
                            {
                                "field": i18n.field_label(key, lang),
                                "before": i18n.field_value(key, before, lang),
                                "after": i18n.field_value(key, after, lang),
                            }
                            for key, before, after in changed
                        ]
                    ),
                    hide_index=True,
                    width="stretch",
                    column_config={
                        "field": _("Field"),
                        "before": st.column_config.TextColumn(revision_label(older), width="large"),
                        "after": st.column_config.TextColumn(revision_label(newer), width="large"),
                    },
                )

if tab_comments.open:
    with tab_comments:
        for comment in submission_service.comments(db, user, submission.id):
            with st.chat_message(
                "assistant" if comment.author_role == "advisory" else "user",
                avatar=":material/forum:",
            ):
                st.caption(
                    ui.literal(comment.author)
                    + " · "
                    + i18n.format_moment(comment.created_at, lang)
                    + " · "
                    + _("Revision {n}", n=comment.revision)
                )
                st.text(comment.body)
        if can_comment(user, submission):
            with st.form("comment_form", clear_on_submit=True):
                body = st.text_area(_("Your advice"), max_chars=5000)
                if st.form_submit_button(_("Add the comment")):
                    ui.run_action(
                        lambda: submission_service.add_comment(db, user, submission.id, body),
                        _("Comment added."),
                    )

if tab_history.open:
    with tab_history:
        decisions = [r for r in revisions if r.decided_at is not None]
        for revision in decisions:
            st.write(
                _("Revision {n}", n=revision.number)
                + " — "
                + _(STATUS_LABELS[revision.outcome])
                + " · "
                + ui.literal(revision.decided_by or "")
                + " · "
                + i18n.format_moment(revision.decided_at, lang)
            )
            if revision.comment:
                st.text(revision.comment)
        show_history(submission_service.history(db, user, submission.id))
