"""Who is told of what (issue 17 §3): each event of the services turned into the notices the
right people receive — called inside the unit of work of the event, so a rolled-back save tells
nobody. The messages themselves are made and sent by `notifications`."""

from __future__ import annotations

from ovpm.domain import N_
from ovpm.domain.meetings import ActionItem, Meeting
from ovpm.domain.models import Role, User
from ovpm.domain.networks import MemberStatus, Network
from ovpm.domain.notifications import Event, Notice
from ovpm.domain.submissions import KIND_LABELS, Status, Submission, SubmissionKind
from ovpm.services.notifications import Translatable, both, of_city, people, secretariat, tell
from ovpm.store import cities
from ovpm.store import meetings as meeting_store

SUBMISSION_PAGE = "pages/submission.py"
MEETING_PAGE = "pages/meeting.py"
NETWORK_PAGE = "pages/network.py"


def _submission_notice(cur, event: Event, submission: Submission, comment: str = "") -> Notice:
    city = submission.city_name or cities.name_of(cur, submission.city_id) or ""
    what = Translatable(KIND_LABELS[SubmissionKind(submission.kind)])
    return Notice(
        event,
        {"what": what, "city": city, "revision": submission.revision, "comment": comment},
        SUBMISSION_PAGE,
        {"id": submission.id},
    )


def submitted(cur, actor: User, submission: Submission) -> None:
    """A submission waits for review: the Secretariat is told; circulated minutes go to the
    meeting's invitees for their remarks."""
    tell(cur, secretariat(), _submission_notice(cur, Event.SUBMITTED, submission), actor)
    if submission.kind == SubmissionKind.MINUTES:
        meeting = meeting_store.of_minutes(cur, submission.id)
        if meeting is not None:
            notice = Notice(
                Event.MINUTES_CIRCULATED, {"what": meeting.title}, MEETING_PAGE, {"id": meeting.id}
            )
            tell(cur, people(i.key for i in meeting.invitees), notice, actor)


def decided(cur, actor: User, submission: Submission, outcome: Status, comment: str) -> None:
    """Changes requested or approved: the submission's city is told."""
    event = Event.APPROVED if outcome == Status.APPROVED else Event.CHANGES_REQUESTED
    notice = _submission_notice(cur, event, submission, comment)
    tell(cur, of_city(submission.city_id), notice, actor)


def commented(cur, actor: User, submission: Submission, body: str) -> None:
    """Advice of the Advisory Group: the city and the Secretariat are told."""
    if actor.role != Role.ADVISORY:
        return
    notice = _submission_notice(cur, Event.ADVISORY_COMMENT, submission, body)
    tell(cur, both(of_city(submission.city_id), secretariat()), notice, actor)


def membership(cur, actor: User, network: Network, city_id: int, status: MemberStatus) -> None:
    """A request to join goes to the pilot city; its answer to the city that asked."""
    city = cities.name_of(cur, city_id) or ""
    fields = {"city": city, "network": network.name}
    if status == MemberStatus.ASKED:
        notice = Notice(Event.JOIN_REQUEST, fields, NETWORK_PAGE, {"id": network.id})
        tell(cur, of_city(network.pilot_city_id), notice, actor)
    elif status in (MemberStatus.PARTICIPATING, MemberStatus.DECLINED):
        answer = Translatable(
            N_("accepted") if status == MemberStatus.PARTICIPATING else N_("declined")
        )
        notice = Notice(
            Event.JOIN_ANSWER, fields | {"answer": answer}, NETWORK_PAGE, {"id": network.id}
        )
        tell(cur, of_city(city_id), notice, actor)


def assigned(cur, actor: User, meeting: Meeting, actions: list[ActionItem]) -> None:
    """Each new owner of an action item is told."""
    for action in actions:
        notice = Notice(
            Event.ACTION_ASSIGNED,
            {"what": action.what, "meeting": meeting.title, "due": action.due},
            MEETING_PAGE,
            {"id": meeting.id},
        )
        tell(cur, people([action.owner]), notice, actor)
