"""The sources' warnings on a collective process, each with and without its cause."""

from datetime import date, datetime

from ovpm.domain.meetings import Meeting, MeetingKind
from ovpm.domain.process_warnings import WarningKind, process_warnings
from ovpm.domain.times import add_months

NETWORK = 1


def meeting(number: int, kind: MeetingKind, day: date, minutes: int | None = None, **more):
    return Meeting(
        number,
        NETWORK,
        3,
        kind,
        "",
        datetime.combine(day, datetime.min.time()),
        60,
        "Europe/Paris",
        minutes_id=minutes,
        **more,
    )


SC = MeetingKind.STEERING_COMMITTEE


def kinds(meetings, approved=()):
    return [w.kind for w in process_warnings(meetings, set(approved))]


def test_two_steering_committees_with_approved_minutes_before_the_launch():
    launch = meeting(9, MeetingKind.LAUNCH_EVENT, date(2024, 6, 1))
    first = meeting(1, SC, date(2024, 1, 10), minutes=11)
    second = meeting(2, SC, date(2024, 3, 10), minutes=12)
    assert kinds([first, second, launch], {11, 12}) == []
    # the second one's minutes not approved yet: only one counts
    [warning] = process_warnings([first, second, launch], {11})
    assert warning.kind == WarningKind.FEW_STEERING_COMMITTEES
    assert warning.params == {"count": 1, "day": date(2024, 6, 1)}
    # a committee after the launch does not count
    late = meeting(3, SC, date(2024, 7, 1), minutes=13)
    assert kinds([first, late, launch], {11, 13}) == [WarningKind.FEW_STEERING_COMMITTEES]


def test_three_months_of_preparation_before_a_participatory_workshop():
    workshop = meeting(
        5,
        MeetingKind.PARTICIPATORY_WORKSHOP,
        date(2024, 4, 20),
        preparation_started=date(2024, 2, 12),
    )
    assert kinds([workshop]) == [WarningKind.SHORT_PREPARATION]
    ready = meeting(
        5,
        MeetingKind.PARTICIPATORY_WORKSHOP,
        date(2024, 5, 12),
        preparation_started=date(2024, 2, 12),
    )
    assert kinds([ready]) == []
    # without a recorded start, the first meeting of the process starts the preparation
    unrecorded = meeting(6, MeetingKind.PARTICIPATORY_WORKSHOP, date(2024, 4, 20))
    assert kinds([meeting(1, SC, date(2024, 3, 1)), unrecorded]) == [WarningKind.SHORT_PREPARATION]
    assert kinds([meeting(1, SC, date(2023, 12, 1)), unrecorded]) == []
    assert kinds([unrecorded]) == []


def test_the_final_steering_committee_comes_before_the_restitution():
    group = meeting(2, MeetingKind.WORKING_GROUP, date(2024, 5, 1))
    restitution = meeting(9, MeetingKind.RESTITUTION_EVENT, date(2024, 7, 1))
    early = meeting(1, SC, date(2024, 4, 1))
    assert kinds([early, group, restitution]) == [WarningKind.NO_FINAL_STEERING_COMMITTEE]
    final = meeting(3, SC, date(2024, 6, 1))
    assert kinds([early, group, final, restitution]) == []


def test_each_process_is_judged_on_its_own_meetings():
    launch = meeting(9, MeetingKind.LAUNCH_EVENT, date(2024, 6, 1))
    other = [
        Meeting(n, 2, 3, SC, "", datetime(2024, 1, n), 60, "UTC", minutes_id=20 + n) for n in (1, 2)
    ]
    assert kinds(other + [launch], {21, 22}) == [WarningKind.FEW_STEERING_COMMITTEES]


def test_months_are_added_as_on_a_calendar():
    assert add_months(date(2024, 11, 30), 3) == date(2025, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
