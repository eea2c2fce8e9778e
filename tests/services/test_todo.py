""" "What I have to do" for each role, built from the data: each item points to where it is done,
overdue first, then by due date; it follows the data as it changes."""

from __future__ import annotations

from datetime import date

from ovpm.domain.todo import TodoItem, TodoKind, ordered
from ovpm.services import meetings, submissions
from ovpm.services import todo as service

TODAY = date(2024, 3, 1)  # the pinned day


def kinds(items: list[TodoItem]) -> set[TodoKind]:
    return {i.kind for i in items}


def subjects(items: list[TodoItem], kind: TodoKind) -> list[str]:
    return [i.subject for i in items if i.kind == kind]


def test_overdue_first_then_by_due_date_then_undated():
    late = TodoItem(TodoKind.ACTION, "late", date(2024, 2, 1), "p")
    later = TodoItem(TodoKind.ACTION, "later", date(2024, 2, 20), "p")
    soon = TodoItem(TodoKind.MEETING, "soon", date(2024, 3, 5), "p")
    undated = TodoItem(TodoKind.TO_REVIEW, "undated", None, "p")
    assert ordered([undated, soon, later, late], TODAY) == [late, later, soon, undated]


def test_a_city_officer_sees_the_actions_of_their_city_deadlines_and_meetings(db, actors):
    items = service.my_list(db, actors["bruges"])
    assert subjects(items, TodoKind.ACTION) == [
        "List the quays' residents' associations (demo)",  # overdue
        "Collect the insurers' contacts (demo)",  # due on 8 March
    ]
    overdue = [i for i in items if i.overdue(TODAY)]
    assert items[: len(overdue)] == overdue  # overdue first
    assert "Launch of the residents' programme (demo) · Living with water" in subjects(
        items, TodoKind.MEETING
    )
    action = next(i for i in items if i.kind == TodoKind.ACTION)
    assert action.page == "pages/meeting.py" and action.params["id"].isdigit()
    # the Bordeaux officer: the action owned by the Bordeaux expert counts for the city
    bordeaux = subjects(service.my_list(db, actors["bordeaux"]), TodoKind.ACTION)
    assert "Book the room for the launch event (demo)" in bordeaux
    assert "Draft the residents' survey (demo)" in bordeaux
    assert "Collect the insurers' contacts (demo)" not in bordeaux


def test_the_pilot_city_sees_its_deliverables_due_and_its_drafts_once(db, actors):
    items = service.my_list(db, actors["bordeaux"])
    deadlines = [i for i in items if i.kind == TodoKind.DEADLINE]
    assert any(i.detail == "Priority problem sheet" and i.overdue(TODAY) for i in deadlines)
    # a draft already listed with its due date is not listed again as "to complete"
    to_finish = [i.detail for i in items if i.kind == TodoKind.SUBMISSION_TO_FINISH]
    assert "Priority problem sheet" not in to_finish


def test_the_secretariat_sees_the_review_queue_minutes_to_approve_and_what_is_late(db, actors):
    items = service.my_list(db, actors["secretariat"])
    assert {TodoKind.DEADLINE, TodoKind.TO_REVIEW, TodoKind.MINUTES_TO_APPROVE} <= kinds(items)
    assert all(i.overdue(TODAY) for i in items if i.kind in (TodoKind.DEADLINE, TodoKind.ACTION))
    minutes = next(i for i in items if i.kind == TodoKind.MINUTES_TO_APPROVE)
    assert minutes.page == "pages/submission.py"


def test_the_advisory_group_sees_what_awaits_its_advice_until_it_comments(db, actors):
    advisory = actors["advisory"]
    items = service.my_list(db, advisory)
    assert kinds(items) <= {TodoKind.TO_COMMENT, TodoKind.MEETING}
    first = next(i for i in items if i.kind == TodoKind.TO_COMMENT)
    submissions.add_comment(db, advisory, int(first.params["id"]), "Looks sound.")
    after = service.my_list(db, advisory)
    assert first.params not in [i.params for i in after if i.kind == TodoKind.TO_COMMENT]


def test_an_action_done_leaves_the_list(db, actors):
    bruges = actors["bruges"]
    [(action, _meeting), *_rest] = [
        pair for pair in meetings.actions_for(db, bruges) if pair[0].overdue(TODAY)
    ]
    meetings.update_action(db, bruges, action.id, action.version, "done", "Listed.")
    assert action.what not in subjects(service.my_list(db, bruges), TodoKind.ACTION)


def test_another_city_sees_nothing_of_the_network_it_is_not_in(db, actors):
    items = service.my_list(db, actors["cordoba"])
    assert TodoKind.ACTION not in kinds(items) and TodoKind.MEETING not in kinds(items)
