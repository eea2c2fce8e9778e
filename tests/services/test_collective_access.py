"""Who reads what of the collective work, as a matrix: role × meeting, minutes (circulated and
approved), diagnosis, seeds, common action plan × their exports (SPEC.md §1, issue 14 §10).

"Living with water": Bordeaux pilots, Bruges takes part and is invited to the working group,
the Advisory Group member is invited too; Córdoba and Québec take no part."""

from __future__ import annotations

import pytest

from ovpm.domain.errors import PermissionDenied
from ovpm.services import diagnosis, meetings, minutes, working_groups

WATER = 1
FIRST_COMMITTEE = 2  # approved minutes (demo)
FIRST_GROUP_MEETING = 4  # circulated minutes (demo)
TAKING_PART = {"secretariat", "advisory", "bordeaux", "bruges"}


def allowed(reading, db, actor) -> bool:
    try:
        result = reading(db, actor)
    except PermissionDenied:
        return False
    return result is not None and result != []


def matrix(db, actors, reading) -> set[str]:
    return {name for name, actor in actors.items() if allowed(reading, db, actor)}


PATHS = {
    "meeting": lambda db, a: meetings.get_meeting(db, a, FIRST_GROUP_MEETING),
    "meeting ICS": lambda db, a: meetings.calendar_ics(db, a, FIRST_GROUP_MEETING, "fr"),
    "network calendar's meetings": lambda db, a: meetings.readable_meetings(db, a, WATER),
    "circulated minutes": lambda db, a: minutes.minutes_of(db, a, FIRST_GROUP_MEETING),
    "circulated minutes PDF": lambda db, a: minutes.minutes_pdf(db, a, FIRST_GROUP_MEETING, "fr"),
    "approved minutes": lambda db, a: minutes.approved_content(db, a, FIRST_COMMITTEE),
    "approved minutes PDF": lambda db, a: minutes.minutes_pdf(db, a, FIRST_COMMITTEE, "es"),
    "action items": lambda db, a: meetings.meeting_actions(db, a, FIRST_COMMITTEE),
    "diagnosis": lambda db, a: diagnosis.entries(db, a, _water(db, a)),
    "diagnosis CSV": lambda db, a: diagnosis.diagnosis_csv(db, a, _water(db, a), "fr"),
    "diagnosis PDF": lambda db, a: diagnosis.diagnosis_and_seeds_pdf(db, a, _water(db, a), "en"),
    "seeds": lambda db, a: diagnosis.seeds(db, a, _water(db, a)),
    "working groups": lambda db, a: working_groups.groups(db, a, _water(db, a)),
    "common action plan PDF": lambda db, a: working_groups.common_plan_pdf(
        db, a, _water(db, a), "fr"
    ),
}
EXPECTED = {name: TAKING_PART for name in PATHS}
# a person of Québec's address book is invited to the preparatory meeting: Québec reads that one
EXPECTED["network calendar's meetings"] = TAKING_PART | {"quebec"}


def _water(db, actor):
    return diagnosis.process_of(db, actor, WATER, None)


@pytest.mark.parametrize("path", list(PATHS))
def test_only_those_taking_part_read_the_networks_collective_work(db, actors, path):
    assert matrix(db, actors, PATHS[path]) == EXPECTED[path]


def test_an_invited_citys_officers_read_that_meeting_only(db, actors):
    readable = meetings.readable_meetings(db, actors["quebec"], WATER)
    assert [m.kind for m in readable] == ["preparatory_meeting"]


def test_draft_minutes_are_for_their_writers_and_the_secretariat_and_advisory_group(db, actors):
    from datetime import datetime

    from ovpm.domain.meetings import Invitee, Meeting, MeetingKind, Minutes

    meeting = meetings.save_meeting(
        db,
        actors["bordeaux"],
        Meeting(
            None,
            WATER,
            3,
            MeetingKind.OTHER,
            "Draft",
            datetime(2024, 2, 27, 9),
            60,
            "Europe/Paris",
            invitees=(Invitee("user:5"),),  # Córdoba's officer, invited
        ),
    )
    minutes.write_minutes(db, actors["bordeaux"], meeting.id, Minutes(text="x"), {}, None)
    readers = matrix(db, actors, lambda d, a: minutes.minutes_of(d, a, meeting.id))
    assert readers == {"secretariat", "advisory", "bordeaux"}
    # the invitee reads the meeting (and will read the minutes once circulated)
    assert matrix(db, actors, lambda d, a: meetings.get_meeting(d, a, meeting.id)) == {
        *TAKING_PART,
        "cordoba",
    }
