"""Demo meetings of "Living with water" (source 003's way of working): two steering committees
with approved minutes, the working group "Quays and residents" with its three meetings (the
first one's minutes circulated, the third one's action plans making the common action plan),
the launch event this week on the pinned day, and actions owned by the demo city users — one
done, some open, some overdue — so that their home lists show something real. Bruges runs a
process of its own with a participatory workshop prepared for less than three months (the
sources' warning shows). People, texts and decisions are invented."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from ovpm import clock
from ovpm.domain.meetings import (
    Attendance,
    IdeaPlan,
    Invitee,
    Meeting,
    MeetingKind,
    Minutes,
    PlannedAction,
    person_key,
)
from ovpm.domain.models import ContactKind
from ovpm.domain.times import to_utc
from ovpm.domain.working_groups import WorkingGroup
from ovpm.services import meetings, minutes, submissions, working_groups
from ovpm.store import contacts, users
from ovpm.store.db import Database
from ovpm.store.progress import network_names

PARIS = "Europe/Paris"
BRUSSELS = "Europe/Brussels"
WORKING_GROUP = "Quays and residents"
IDEAS = (
    IdeaPlan(
        "A shared flood map (demo)",
        "One map of the flood zones of the three cities' quays (demo).",
        "Plan works and closures together (demo).",
        "Technical staff, residents' associations (demo).",
        "Bruges (demo)",
        "Two GIS days a month; sensors' data (demo).",
    ),
    IdeaPlan(
        "Residents' flood wardens (demo)",
        "Volunteers who warn their street when the river rises (demo).",
        "Fewer damages; residents who stay (demo).",
        "Residents of the quays (demo).",
        "Bordeaux (demo)",
        "Training, radios, a small budget (demo).",
    ),
)


def _on(moment: datetime):
    return clock.recording_at(moment)


def create_demo_meetings(db: Database, scale: int = 1) -> int:
    """The demo's meetings (the network's series `scale` times: the benchmark's larger
    databases hold ten times the meetings and actions); returns how many."""
    with db.reading() as cur:
        people = {n: users.find(cur, n) for n in ("secretariat", "advisory", "bordeaux", "bruges")}
        water = next(n for n, name in network_names(cur).items() if name == "Living with water")
        experts = contacts.of_kind(cur, ContactKind.LOCAL_EXPERT)
    bordeaux, bruges = people["bordeaux"], people["bruges"]
    experts = [c for c in experts if c.city_id == bordeaux.city_id]
    user = {name: person_key(user_id=u.id) for name, u in people.items()}
    expert = person_key(contact_id=experts[0].id) if experts else user["bordeaux"]
    count = sum(_water_series(db, people, water, user, expert) for _copy in range(scale))
    with _on(datetime(2024, 1, 15, 9)):
        meetings.save_meeting(
            db,
            bruges,
            Meeting(
                None,
                None,
                bruges.city_id,
                MeetingKind.PARTICIPATORY_WORKSHOP,
                "Living canals: residents' workshop (demo)",
                to_utc(date(2024, 4, 20), time(9, 30), BRUSSELS),
                240,
                BRUSSELS,
                place="Town hall of Bruges (demo)",
                invitees=(Invitee(user["bruges"]),),
                # less than three months of preparation: source 004's warning shows
                preparation_started=date(2024, 2, 12),
            ),
        )
    return count + 1


def _water_series(db: Database, people: dict, water: int, user: dict, expert: str) -> int:
    """Two steering committees with approved minutes, then the working group's three
    meetings; returns how many."""
    bordeaux = people["bordeaux"]
    invitees = (user["bruges"], user["advisory"], user["bordeaux"], expert)
    committees = (
        (
            date(2023, 9, 12),
            (
                ("Send the flood maps of the quays (demo)", user["bruges"], "2023-10-15"),
                ("Draft the residents' survey (demo)", user["bordeaux"], "2024-02-15"),
            ),
        ),
        (
            date(2024, 1, 23),
            (
                ("Collect the insurers' contacts (demo)", user["bruges"], "2024-03-08"),
                ("Book the room for the launch event (demo)", expert, "2024-02-20"),
            ),
        ),
    )
    first = None
    for day, actions in committees:
        meeting = _meeting(db, bordeaux, water, MeetingKind.STEERING_COMMITTEE, day, invitees)
        _approved_minutes(db, people, meeting, actions)
        first = first or meeting
    done = meetings.meeting_actions(db, bordeaux, first.id)[0]
    with _on(datetime(2023, 10, 10, 9)):
        meetings.update_action(db, people["bruges"], done.id, done.version, "done", "Sent (demo).")
    _working_group(db, people, water, user)
    _meeting(
        db,
        bordeaux,
        water,
        MeetingKind.LAUNCH_EVENT,
        date(2024, 3, 5),
        invitees,
        title="Launch of the residents' programme (demo)",
    )
    return len(committees) + 4


def _working_group(db, people: dict, water: int, user: dict) -> None:
    """The group "Quays and residents" and its three meetings: the first one's minutes
    circulated (with an action for Bruges, overdue on the pinned day), the second's and the
    third's approved — the third with the action plans of its ideas kept, which make the
    network's common action plan."""
    bordeaux = people["bordeaux"]
    with _on(datetime(2023, 10, 16, 9)):
        group = working_groups.create_group(
            db,
            bordeaux,
            WorkingGroup(
                None,
                water,
                bordeaux.city_id,
                WORKING_GROUP,
                (user["bruges"], user["advisory"], user["bordeaux"]),
                user["bordeaux"],
                user["bruges"],
            ),
            to_utc(date(2023, 11, 7), time(14), PARIS),
            PARIS,
            90,
        )
    first, second, third = working_groups.group_meetings(db, bordeaux, group)
    owner = user["bruges"]
    _circulated_minutes(db, bordeaux, first, owner)
    _approved_minutes(db, people, second, ())
    _approved_minutes(db, people, third, (), IDEAS)


def _meeting(db, actor, network_id, kind, day, invitees, title="", agenda=(), group="") -> Meeting:
    planned = min(day - timedelta(days=21), clock.today() - timedelta(days=1))
    with _on(datetime.combine(planned, time(8))):
        return meetings.save_meeting(
            db,
            actor,
            Meeting(
                None,
                network_id,
                actor.city_id,
                kind,
                title,
                to_utc(day, time(14), PARIS),
                90,
                PARIS,
                link="https://meet.example.org/living-with-water",
                agenda=agenda,
                invitees=tuple(Invitee(key) for key in invitees),
                group=group,
            ),
        )


def _written(db, actor, meeting: Meeting, actions, text: str, ideas=()):
    content = Minutes(
        ideas=ideas,
        text=text,
        decisions=(
            "The network keeps one shared flood map (demo).",
            "Each city names a contact for the residents (demo).",
        ),
        actions=tuple(PlannedAction(what, owner, due) for what, owner, due in actions),
    )
    present = {i.key: str(Attendance.PRESENT) for i in meeting.invitees}
    return minutes.write_minutes(db, actor, meeting.id, content, present, None)


def _approved_minutes(db, people, meeting: Meeting, actions, ideas=()) -> None:
    held = meeting.starts_at
    with _on(held.replace(hour=20)):
        written = _written(
            db, people["bordeaux"], meeting, actions, "Minutes of the meeting (demo).", ideas
        )
        circulated = minutes.circulate(db, people["bordeaux"], meeting.id, written.version)
    with _on(held.replace(day=min(held.day + 3, 28))):
        submissions.approve(db, people["secretariat"], written.id, circulated.version)


def _circulated_minutes(db, actor, meeting: Meeting, owner: str) -> None:
    with _on(meeting.starts_at.replace(hour=20)):
        action = [("List the quays' residents' associations (demo)", owner, "2024-02-28")]
        written = _written(db, actor, meeting, action, "First meeting of the group (demo).")
        minutes.circulate(db, actor, meeting.id, written.version)
