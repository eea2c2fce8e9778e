""" "What I have to do": one list per user built from the data, each item pointing to the screen
where it is done; overdue items first, then by due date, undated last."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from ovpm.domain import N_


class TodoKind(StrEnum):
    ACTION = "action"
    SUBMISSION_TO_FINISH = "submission_to_finish"
    DEADLINE = "deadline"
    JOIN_REQUEST = "join_request"
    MEETING = "meeting"
    TO_REVIEW = "to_review"
    MINUTES_TO_APPROVE = "minutes_to_approve"
    TO_COMMENT = "to_comment"


TODO_KIND_LABELS = {
    TodoKind.ACTION: N_("Action to carry out"),
    TodoKind.SUBMISSION_TO_FINISH: N_("To complete and submit"),
    TodoKind.DEADLINE: N_("Deadline"),
    TodoKind.JOIN_REQUEST: N_("Request to join to decide"),
    TodoKind.MEETING: N_("Meeting"),
    TodoKind.TO_REVIEW: N_("To review"),
    TodoKind.MINUTES_TO_APPROVE: N_("Minutes to approve"),
    TodoKind.TO_COMMENT: N_("Awaiting your advice"),
}


@dataclass(frozen=True)
class TodoItem:
    kind: TodoKind
    subject: str  # what it is about, as the data says it (shown literally)
    due: date | None
    page: str  # the screen where it is done
    params: dict[str, str] = field(default_factory=dict)
    detail: str = ""  # a translatable label of a coded value (a kind, a status, a stage)

    def overdue(self, today: date) -> bool:
        return self.due is not None and self.due < today


def ordered(items: list[TodoItem], today: date) -> list[TodoItem]:
    """Overdue first (oldest first), then by due date, undated last; stable otherwise."""
    return sorted(
        items,
        key=lambda i: (
            0 if i.overdue(today) else 1 if i.due is not None else 2,
            i.due or date.max,
        ),
    )
