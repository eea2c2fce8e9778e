"""The minutes of a meeting (SPEC.md §4.9): a submission of kind 'minutes' of the host city, so
they follow the one review workflow — draft → circulated to the attendees for remarks
(submitted) → approved by the Secretariat (or changes requested), frozen revisions, differences,
PDF with the DRAFT mark until approved. Writing them also records attendance and makes the
action items the minutes name, in one unit of work: one action writes the minutes and closes
the meeting.

Who reads them: the host city, the Secretariat and the Advisory Group always; the invitees once
they are circulated (and they make remarks, kept as comments of the revision); every reader of
the meeting once approved."""

from __future__ import annotations

import dataclasses

from ovpm.clock import now_utc
from ovpm.domain import meetings as rules
from ovpm.domain.meetings import Attendee, Meeting, MeetingAccess, Minutes
from ovpm.domain.models import User
from ovpm.domain.submissions import Comment, Status, Submission, SubmissionKind
from ovpm.services import notices
from ovpm.services import submissions as submission_service
from ovpm.services._common import require, validate
from ovpm.services.meetings import get_meeting, meeting_title
from ovpm.services.meetings import load_in as load_meeting
from ovpm.store import meetings as store
from ovpm.store import submissions
from ovpm.store.db import Database


def may_read(access: MeetingAccess, minutes: Submission) -> bool:
    """The working copy of the minutes: a draft for its writers (and the Secretariat and the
    Advisory Group), circulated for the invitees too, approved for every reader of the
    meeting. A correction in progress leaves the others the approved revision."""
    if minutes.status == Status.APPROVED:
        return access.read
    if minutes.status in (Status.SUBMITTED, Status.CHANGES_REQUESTED):
        return access.read_circulated_minutes
    return access.read_draft_minutes


def _kept_minutes(db: Database, minutes_id: int) -> Submission:
    """The minutes' submission, kept until the next write (the submission service's key)."""
    return db.kept_read(("submission", minutes_id), lambda cur: submissions.get(cur, minutes_id))


def minutes_of(db: Database, actor: User, meeting_id: int) -> Submission | None:
    """The meeting's minutes (their working copy), when the actor may read it."""
    meeting, access = get_meeting(db, actor, meeting_id)
    if meeting.minutes_id is None:
        return None
    found = _kept_minutes(db, meeting.minutes_id)
    return found if may_read(access, found) else None


def approved_content(db: Database, actor: User, meeting_id: int) -> Minutes | None:
    """The approved revision of the minutes, for every reader of the meeting."""
    meeting, _access = get_meeting(db, actor, meeting_id)
    if meeting.minutes_id is None:
        return None
    found = _kept_minutes(db, meeting.minutes_id)
    if found.approved_revision is None:
        return None
    revisions = db.kept_read(
        ("revisions", found.id), lambda cur: submissions.revisions(cur, found.id)
    )
    approved = next(r for r in revisions if r.number == found.approved_revision)
    return Minutes.from_dict(approved.content)


def write_minutes(
    db: Database,
    actor: User,
    meeting_id: int,
    minutes: Minutes,
    attendance: dict[str, str],
    version: int | None,
) -> Submission:
    """Write (or rewrite while draft or returned) the minutes: attendance, text, decisions and
    action items, in one unit of work. `version`: the minutes' as opened (None: new)."""
    with db.reading() as cur:
        people = store.people_names(cur)
    validate(rules.minutes_errors(minutes, set(people)))
    with db.unit_of_work() as cur:
        meeting, access = load_meeting(cur, actor, meeting_id)
        require(access.edit)
        require(all(meeting.invited(key) for key in attendance))
        store.set_attendance(cur, meeting.id, attendance)
        content = _with_snapshot(meeting, minutes, attendance, people, actor.language)
        if meeting.minutes_id is None:
            require(version is None)
            found = submission_service.insert_draft(
                cur,
                actor,
                str(SubmissionKind.MINUTES),
                meeting.city_id,
                content.to_dict(),
                meeting.network_id,
            )
            store.set_minutes(cur, meeting.id, found.id)
        else:
            found = submission_service.update_draft(
                cur, actor, meeting.minutes_id, content, version
            )
        new_owner = store.write_actions(cur, meeting.id, content.actions, now_utc())
        assigned = [a for a in store.actions(cur, [meeting.id]) if a.number in new_owner]
        notices.assigned(cur, actor, meeting, assigned)
    return found


def _with_snapshot(
    meeting: Meeting,
    minutes: Minutes,
    attendance: dict[str, str],
    people: dict[str, tuple[str, int | None]],
    language: str,
) -> Minutes:
    """The minutes with what the revision must keep as it was: the meeting, who attended,
    the owners' names."""
    return dataclasses.replace(
        minutes,
        actions=tuple(
            dataclasses.replace(a, owner_name=people.get(a.owner, ("", None))[0])
            for a in rules.numbered(minutes.actions)
        ),
        attendees=tuple(
            Attendee(i.name, attendance.get(i.key, str(i.attendance))) for i in meeting.invitees
        ),
        meeting_title=meeting_title(meeting, language),
        meeting_day=meeting.starts_at.date().isoformat(),
    )


def circulate(db: Database, actor: User, meeting_id: int, version: int) -> Submission:
    """Send the minutes to the attendees for their remarks: a frozen revision, submitted to the
    Secretariat's review queue for approval."""
    with db.reading() as cur:
        meeting, access = load_meeting(cur, actor, meeting_id)
        require(access.edit and meeting.minutes_id is not None)
        current = submissions.get(cur, meeting.minutes_id)
    content = Minutes.from_dict(current.content)
    return submission_service.submit(db, actor, current.id, content, version)


def add_remark(db: Database, actor: User, meeting_id: int, body: str) -> None:
    """A remark of an invitee on circulated minutes (kept as a comment of the revision)."""
    body = submission_service.comment_text(body)
    with db.unit_of_work() as cur:
        meeting, access = load_meeting(cur, actor, meeting_id)
        require(access.remark and meeting.minutes_id is not None)
        found = submissions.get(cur, meeting.minutes_id)
        require(found.status == Status.SUBMITTED)
        submission_service.record_comment(cur, actor, found, body)


def remarks(db: Database, actor: User, meeting_id: int) -> list[Comment]:
    """The remarks and comments on the minutes, for those who may read them."""
    found = minutes_of(db, actor, meeting_id)
    if found is None:
        return []
    return db.kept_read(("comments", found.id), lambda cur: submissions.comments(cur, found.id))


def minutes_pdf(db: Database, actor: User, meeting_id: int, language: str) -> bytes:
    """The minutes as the actor may read them — their working copy, or the approved revision
    for the other readers of the meeting — with the DRAFT mark until approved."""
    found = minutes_of(db, actor, meeting_id)
    if found is not None:
        number = found.revision if found.status != Status.DRAFT else None
        return submission_service.render_pdf(
            db, found, found.content, number or None, found.status, language
        )
    approved = approved_content(db, actor, meeting_id)
    require(approved is not None)
    meeting, _access = get_meeting(db, actor, meeting_id)
    found = _kept_minutes(db, meeting.minutes_id)
    return submission_service.render_pdf(
        db, found, approved.to_dict(), found.approved_revision, Status.APPROVED, language
    )
