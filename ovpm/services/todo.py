""" "What I have to do" (issue 14 §4): each user's own list, built from what exists — the action
items, the submissions, the progress model's deadlines, the requests to join, the meetings —
each item pointing to the screen where it is done. It replaces nothing; it gathers.

- a city user: the unfinished action items they or their city own; their city's submissions in
  draft or returned for changes; the deadlines of their city and of the networks it pilots, late
  or due within 30 days; requests to join their networks to decide (pilot city); the meetings
  of the coming week they may read; the progress reports of the pilot projects it carries,
  overdue or due within 30 days; the obligations of its Mission4City requests, likewise.
- the Secretariat: the review queue (minutes to approve apart), late deadlines across the
  programme, overdue action items and Mission4City obligations.
- the Advisory Group: submitted submissions they have not commented on yet, and their meetings
  of the coming two weeks."""

from __future__ import annotations

from datetime import timedelta

import pandas as pd

from ovpm.clock import now_utc, today
from ovpm.domain.meetings import MEETING_KIND_LABELS, Meeting
from ovpm.domain.missions import OBLIGATION_LABELS, ObligationStatus
from ovpm.domain.models import Role, User
from ovpm.domain.networks import MemberStatus
from ovpm.domain.pilot_projects import ReportState
from ovpm.domain.stages import DUE_HORIZON_DAYS, STAGE_LABELS, Deadline, Stage
from ovpm.domain.submissions import KIND_LABELS, Status, SubmissionKind
from ovpm.domain.todo import TodoItem, TodoKind, ordered
from ovpm.services import (
    meetings,
    mission_obligations,
    missions,
    networks,
    pilot_projects,
    progress,
    progress_reports,
    submissions,
)
from ovpm.store import submissions as submission_store
from ovpm.store.db import Database

MEETING_PAGE = "pages/meeting.py"
SUBMISSION_PAGE = "pages/submission.py"
CITY_STAGE_PAGES = {
    Stage.EXPRESSION: "pages/expression.py",
    Stage.PRIORITY_THEME: "pages/theme_sheet.py",
}


def my_list(db: Database, actor: User) -> list[TodoItem]:
    """The actor's list, overdue first, then by due date (kept until the next write or the
    next day; read-only)."""
    return db.derived(("todo", actor.id, today()), lambda: _built(db, actor))


def _built(db: Database, actor: User) -> list[TodoItem]:
    if actor.role == Role.SECRETARIAT:
        items = (
            _review_queue(db, actor)
            + _late(db, actor)
            + _actions(db, actor, overdue=True)
            + _mission_obligations(db, actor, overdue=True)
        )
    elif actor.role == Role.ADVISORY:
        items = _to_comment(db, actor) + _meetings_soon(db, actor, days=14, invited_only=True)
    else:
        deadlines = _deadlines_of_my_city(db, actor)
        dated = {(d.detail, d.subject) for d in deadlines}
        items = (
            _actions(db, actor)
            # a deliverable with its due date is already there
            + [i for i in _to_finish(db, actor) if (i.detail, i.subject) not in dated]
            + deadlines
            + _reports_due(db, actor)
            + _mission_obligations(db, actor)
            + _join_requests(db, actor)
            + _meetings_soon(db, actor, days=7)
        )
    return ordered(items, today())


def _actions(db: Database, actor: User, overdue: bool = False) -> list[TodoItem]:
    on = today()
    return [
        TodoItem(
            TodoKind.ACTION,
            action.what,
            action.due,
            MEETING_PAGE,
            {"id": str(meeting.id)},
        )
        for action, meeting in meetings.actions_for(db, actor)
        if not overdue or action.overdue(on)
    ]


def _submission_items(db: Database, actor: User, statuses: list[Status], kind_of) -> list:
    """Items of the submissions in these statuses the actor reads (`kind_of(row)`: the item's
    kind, None to leave the row out), about their network or their city."""
    frame = submissions.listing(db, actor, statuses=[str(s) for s in statuses])
    names = networks.overview(db, actor).set_index("id")["name"].to_dict()
    items = []
    for row in frame.itertuples():
        kind = kind_of(row)
        if kind is None:
            continue
        network = None if pd.isna(row.network_id) else names.get(int(row.network_id))
        items.append(
            TodoItem(
                kind,
                network or row.city,
                None,
                SUBMISSION_PAGE,
                {"id": str(int(row.id))},
                KIND_LABELS[SubmissionKind(row.kind)],
            )
        )
    return items


def _to_finish(db: Database, actor: User) -> list[TodoItem]:
    return _submission_items(
        db,
        actor,
        [Status.DRAFT, Status.CHANGES_REQUESTED],
        lambda row: TodoKind.SUBMISSION_TO_FINISH,
    )


def _review_queue(db: Database, actor: User) -> list[TodoItem]:
    return _submission_items(
        db,
        actor,
        [Status.SUBMITTED],
        lambda row: (
            TodoKind.MINUTES_TO_APPROVE
            if row.kind == SubmissionKind.MINUTES
            else TodoKind.TO_REVIEW
        ),
    )


def _to_comment(db: Database, actor: User) -> list[TodoItem]:
    with db.reading() as cur:
        commented = submission_store.commented_by(cur, actor.username)
    return _submission_items(
        db,
        actor,
        [Status.SUBMITTED],
        lambda row: None if int(row.id) in commented else TodoKind.TO_COMMENT,
    )


def _deadline_item(deadline: Deadline) -> TodoItem:
    item = deadline.progress
    if deadline.what == SubmissionKind.PROGRESS_REPORT:
        page, params = "pages/pilot_projects.py", {}
        detail = KIND_LABELS[SubmissionKind.PROGRESS_REPORT]
    elif item.kind == "network" and deadline.what:
        page, params = "pages/deliverable.py", {"network": str(item.id), "kind": deadline.what}
        detail = KIND_LABELS[SubmissionKind(deadline.what)]
    elif item.kind == "network":
        page, params, detail = (
            "pages/network.py",
            {"id": str(item.id)},
            STAGE_LABELS[deadline.stage],
        )
    else:
        page, params = CITY_STAGE_PAGES.get(deadline.stage, "pages/overview.py"), {}
        detail = STAGE_LABELS[deadline.stage]
    return TodoItem(TodoKind.DEADLINE, item.name, deadline.target, page, params, detail)


def _late(db: Database, actor: User) -> list[TodoItem]:
    return [_deadline_item(d) for d in progress.overview(db, actor).late]


def _deadlines_of_my_city(db: Database, actor: User) -> list[TodoItem]:
    current = progress.overview(db, actor)
    piloted = _piloted(db, actor)
    return [
        _deadline_item(d)
        for d in current.late + current.due
        if d.what != SubmissionKind.PROGRESS_REPORT  # the carrying city's own items say it
        and (
            (d.progress.kind == "city" and d.progress.id == actor.city_id)
            or (d.progress.kind == "network" and d.progress.id in piloted)
        )
    ]


def _reports_due(db: Database, actor: User) -> list[TodoItem]:
    """The progress reports of the projects the city carries, overdue or due within 30 days."""
    on = today()
    horizon = on + timedelta(days=DUE_HORIZON_DAYS)
    items = []
    for project in pilot_projects.every_project(db, actor):
        if project.city_id != actor.city_id:
            continue
        for slot in progress_reports.slots(db, actor, project):
            if slot.state in (ReportState.DUE, ReportState.OVERDUE) and slot.due_on <= horizon:
                items.append(
                    TodoItem(
                        TodoKind.DEADLINE,
                        project.title,
                        slot.due_on,
                        "pages/pilot_project.py",
                        {"id": str(project.id)},
                        KIND_LABELS[SubmissionKind.PROGRESS_REPORT],
                    )
                )
    return items


def _mission_obligations(db: Database, actor: User, overdue: bool = False) -> list[TodoItem]:
    """The Mission4City obligations of the missions the actor reads, not done and overdue (or,
    for the requesting city, due within 30 days)."""
    on = today()
    horizon = on if overdue else on + timedelta(days=DUE_HORIZON_DAYS)
    items = []
    for mission in missions.every_mission(db, actor):
        if mission.status not in mission_obligations.FOLLOWED:
            continue
        for state, _version in mission_obligations.states(db, mission):
            due = state.due_on
            if state.status == ObligationStatus.DONE or due is None or due > horizon:
                continue
            if overdue and due >= on:
                continue
            items.append(
                TodoItem(
                    TodoKind.DEADLINE,
                    mission.title,
                    due,
                    "pages/mission.py",
                    {"id": str(mission.id)},
                    OBLIGATION_LABELS[state.item],
                )
            )
    return items


def _piloted(db: Database, actor: User) -> set[int]:
    return {n for n, relation in networks.networks_of(db, actor).items() if relation == "pilot"}


def _join_requests(db: Database, actor: User) -> list[TodoItem]:
    items = []
    names = networks.overview(db, actor).set_index("id")["name"]
    for network_id in sorted(_piloted(db, actor)):
        for member in networks.members(db, actor, network_id):
            if member.status == MemberStatus.ASKED:
                items.append(
                    TodoItem(
                        TodoKind.JOIN_REQUEST,
                        f"{member.city_name} → {names.get(network_id, '')}",
                        None,
                        "pages/network.py",
                        {"id": str(network_id)},
                    )
                )
    return items


def _meetings_soon(
    db: Database, actor: User, days: int, invited_only: bool = False
) -> list[TodoItem]:
    now = now_utc()
    horizon = now + timedelta(days=days)
    mine = f"user:{actor.id}"
    return [
        TodoItem(
            TodoKind.MEETING,
            _meeting_subject(m),
            m.starts_at.date(),
            MEETING_PAGE,
            {"id": str(m.id)},
            MEETING_KIND_LABELS[m.kind],
        )
        for m in meetings.readable_meetings(db, actor)
        if now <= m.starts_at <= horizon and (not invited_only or m.invited(mine))
    ]


def _meeting_subject(meeting: Meeting) -> str:
    return " · ".join(p for p in (meeting.title, meeting.network_name or meeting.city_name) if p)
