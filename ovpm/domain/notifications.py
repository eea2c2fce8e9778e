"""E-mail notifications (issue 17 §3–4): the events a user may be told about, what each message
says (translatable, with its fields), and when a failed message is tried again."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from ovpm.domain import N_


class Event(StrEnum):
    SUBMITTED = "submitted"
    CHANGES_REQUESTED = "changes_requested"
    APPROVED = "approved"
    ADVISORY_COMMENT = "advisory_comment"
    JOIN_REQUEST = "join_request"
    JOIN_ANSWER = "join_answer"
    ACTION_ASSIGNED = "action_assigned"
    MINUTES_CIRCULATED = "minutes_circulated"
    DEADLINE_SOON = "deadline_soon"
    DEADLINE_PASSED = "deadline_passed"


EVENT_LABELS = {
    Event.SUBMITTED: N_("A submission is submitted for review"),
    Event.CHANGES_REQUESTED: N_("Changes are requested on a submission of my city"),
    Event.APPROVED: N_("A submission of my city is approved"),
    Event.ADVISORY_COMMENT: N_("The Advisory Group comments on a submission"),
    Event.JOIN_REQUEST: N_("A city asks to join a network my city pilots"),
    Event.JOIN_ANSWER: N_("My city's request to join a network is answered"),
    Event.ACTION_ASSIGNED: N_("An action item is assigned to me"),
    Event.MINUTES_CIRCULATED: N_("Minutes are circulated for my remarks"),
    Event.DEADLINE_SOON: N_("A deadline is 7 days away"),
    Event.DEADLINE_PASSED: N_("A deadline has passed"),
}

_EVERYONE = (
    Event.ACTION_ASSIGNED,
    Event.MINUTES_CIRCULATED,
    Event.DEADLINE_SOON,
    Event.DEADLINE_PASSED,
)
# The events a role can be told about: the choices its members see.
EVENTS_BY_ROLE = {
    "secretariat": (Event.SUBMITTED, Event.ADVISORY_COMMENT) + _EVERYONE,
    "city": (
        Event.CHANGES_REQUESTED,
        Event.APPROVED,
        Event.ADVISORY_COMMENT,
        Event.JOIN_REQUEST,
        Event.JOIN_ANSWER,
    )
    + _EVERYONE,
    "advisory": _EVERYONE,
}

SUBJECTS = {
    Event.SUBMITTED: N_("Submitted for review: {what} — {city}"),
    Event.CHANGES_REQUESTED: N_("Changes requested: {what}"),
    Event.APPROVED: N_("Approved: {what}"),
    Event.ADVISORY_COMMENT: N_("Advice from the Advisory Group: {what}"),
    Event.JOIN_REQUEST: N_("{city} asks to join {network}"),
    Event.JOIN_ANSWER: N_("Your request to join {network}: {answer}"),
    Event.ACTION_ASSIGNED: N_("Action assigned to you: {what}"),
    Event.MINUTES_CIRCULATED: N_("Minutes for your remarks: {what}"),
    Event.DEADLINE_SOON: N_("Due in 7 days: {what}"),
    Event.DEADLINE_PASSED: N_("Overdue: {what}"),
}

BODIES = {
    Event.SUBMITTED: N_("{city} has submitted {what} (revision {revision}). It waits for review."),
    Event.CHANGES_REQUESTED: N_("The Secretariat asks for changes to {what}:\n\n{comment}"),
    Event.APPROVED: N_("The Secretariat has approved {what}."),
    Event.ADVISORY_COMMENT: N_("The Advisory Group has commented on {what}:\n\n{comment}"),
    Event.JOIN_REQUEST: N_("{city} asks to join the network {network}. Accept or decline it."),
    Event.JOIN_ANSWER: N_("The request of {city} to join the network {network}: {answer}."),
    Event.ACTION_ASSIGNED: N_(
        "You are the owner of an action decided at {meeting}: {what} (due {due})."
    ),
    Event.MINUTES_CIRCULATED: N_(
        "The minutes of {what} are circulated to the attendees for remarks."
    ),
    Event.DEADLINE_SOON: N_("{kind}: {what} is due on {due}."),
    Event.DEADLINE_PASSED: N_("{kind}: {what} was due on {due}."),
}

# Minutes after which a failed message is tried again; after the last, it is failed for good.
RETRY_MINUTES = (1, 5, 15, 60, 240)


class OutboxStatus(StrEnum):
    QUEUED = "queued"
    HELD = "held"  # waits for the user's daily digest
    SENT = "sent"
    DIGESTED = "digested"  # went out inside a digest
    FAILED = "failed"


OUTBOX_STATUS_LABELS = {
    OutboxStatus.QUEUED: N_("Waiting to be sent"),
    OutboxStatus.HELD: N_("Held for the daily digest"),
    OutboxStatus.SENT: N_("Sent"),
    OutboxStatus.DIGESTED: N_("Sent in a digest"),
    OutboxStatus.FAILED: N_("Failed"),
}


@dataclass(frozen=True)
class Preferences:
    digest: bool = False
    muted: frozenset[str] = frozenset()

    def wants(self, event: Event) -> bool:
        return str(event) not in self.muted


@dataclass(frozen=True)
class Notice:
    """One event to tell someone about: its fields fill the subject and the body; `page` and
    `params` make the link to the screen where the thing is done."""

    event: Event
    fields: dict[str, object]
    page: str
    params: dict[str, object] = field(default_factory=dict)
    once_key: str | None = None  # reminders: the item and its day


@dataclass(frozen=True)
class Audience:
    """Who a notice is for: accounts of roles, of cities, given accounts, and the accounts
    whose e-mail is that of given address-book contacts."""

    roles: tuple[str, ...] = ()
    city_ids: tuple[int, ...] = ()
    user_ids: tuple[int, ...] = ()
    contact_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Outgoing:
    """A message made for one recipient, ready for the outbox."""

    user_id: int
    email: str
    event: str
    subject: str
    body: str
    status: OutboxStatus
    once_key: str | None = None


def next_attempt(attempts: int, now: datetime) -> datetime | None:
    """When to try again after `attempts` failures; None when the message has failed for good."""
    if attempts > len(RETRY_MINUTES):
        return None
    return now + timedelta(minutes=RETRY_MINUTES[attempts - 1])
