"""Meetings of a network or of a city's own process: planning and its rules, the preparatory
meeting as a meeting of the model (migrated with its data), minutes through the review workflow
(written, circulated, approved, frozen, corrected), action items carried to the next meeting of
the group until done, and who may read or change what on every path."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest

from ovpm import i18n
from ovpm.domain.errors import ConflictError, PermissionDenied, ValidationError
from ovpm.domain.meetings import (
    ActionStatus,
    Attendance,
    Invitee,
    Meeting,
    MeetingKind,
    Minutes,
    PlannedAction,
    person_key,
)
from ovpm.domain.submission_rules import differences
from ovpm.domain.submissions import Status, SubmissionKind
from ovpm.services import meetings as service
from ovpm.services import minutes as minutes_service
from ovpm.services import submissions as submission_service
from ovpm.store import audit
from ovpm.store.db import Database, apply_migrations, migration_files
from tests.services.test_networks import pdf_text

WATER = 1  # "Living with water": Bordeaux pilots, Bruges and Cusco take part (demo)
BORDEAUX, BRUGES = 3, 4


def preparatory_meeting(db, actor, network_id: int, starts: datetime, minutes: int = 60):
    """Plan a network's preparatory meeting (the pilot city hosts it, in Québec's zone)."""
    return plan(db, actor, network_id, kind=MeetingKind.PREPARATORY, starts=starts, minutes=minutes)


def plan(
    db,
    actor,
    network_id: int | None = WATER,
    city_id: int = BORDEAUX,
    kind: MeetingKind = MeetingKind.STEERING_COMMITTEE,
    starts: datetime = datetime(2024, 3, 12, 9),
    minutes: int = 90,
    invitees: tuple[str, ...] = (),
    group: str = "",
):
    return service.save_meeting(
        db,
        actor,
        Meeting(
            None,
            network_id,
            city_id,
            kind,
            "",
            starts,
            minutes,
            "America/Toronto",
            invitees=tuple(Invitee(key) for key in invitees),
            group=group,
        ),
    )


def user_key(actor) -> str:
    return person_key(user_id=actor.id)


def write(
    db, actor, meeting, actions=(), decisions=("Map the flood zones together",), version=None
):
    content = Minutes(
        text="We met and agreed.",
        decisions=tuple(decisions),
        actions=tuple(PlannedAction(what, owner, due) for what, owner, due in actions),
    )
    present = {i.key: str(Attendance.PRESENT) for i in meeting.invitees}
    return minutes_service.write_minutes(db, actor, meeting.id, content, present, version)


# --- planning --------------------------------------------------------------------------------


def test_the_demo_preparatory_meeting_is_a_meeting_of_the_model(db, actors):
    [meeting] = service.readable_meetings(db, actors["secretariat"], network_id=WATER)[:1]
    assert meeting.kind == MeetingKind.PREPARATORY and meeting.duration_minutes == 55
    assert meeting.city_id == BORDEAUX and meeting.time_zone == "America/Toronto"
    assert {i.key for i in meeting.invitees} == {"contact:1", "contact:2", "contact:3"}
    assert "Brainstorm" in meeting.notes


def test_a_preparatory_meeting_is_migrated_with_its_data(tmp_path):
    database = Database(tmp_path / "old.duckdb")
    with database.unit_of_work() as cur:
        cur.execute(
            "CREATE TABLE schema_migrations (number INTEGER PRIMARY KEY, name VARCHAR, "
            "applied_at TIMESTAMP)"
        )
        for number, name, sql in migration_files():
            if number < 8:
                cur.execute(sql)
                cur.execute("INSERT INTO schema_migrations VALUES (?, ?, now())", [number, name])
        cur.execute(
            "INSERT INTO networks (id, name, theme, axis, pilot_city_id, status, created_at) "
            "VALUES (4, 'N', 'T', 1, 9, 'forming', now())"
        )
        cur.execute(
            "INSERT INTO preparatory_meetings VALUES (2, 4, '2024-01-10 15:00', 45, "
            "'https://x.example.org', [5, 6], 'Ideas', 3)"
        )
    assert apply_migrations(database)[0] == "0008_meetings.sql"
    with database.reading() as cur:
        row = cur.execute(
            "SELECT network_id, city_id, kind, starts_at, duration_minutes, time_zone, link, "
            "notes, version FROM meetings"
        ).fetchone()
        people = cur.execute("SELECT person FROM meeting_invitees ORDER BY person").fetchall()
    database.close()
    assert row == (
        4,
        9,
        "preparatory_meeting",
        datetime(2024, 1, 10, 15),
        45,
        "America/Toronto",
        "https://x.example.org",
        "Ideas",
        3,
    )
    assert people == [("contact:5",), ("contact:6",)]


def test_a_preparatory_meeting_lasts_at_most_an_hour_others_longer(db, actors):
    secretariat = actors["secretariat"]
    with pytest.raises(ValidationError) as refused:
        preparatory_meeting(db, secretariat, WATER, datetime(2024, 3, 5, 14), 75)
    assert i18n.field_error_text(refused.value.errors[0], "es").startswith("Duración (minutos)")
    assert plan(db, secretariat, minutes=180).duration_minutes == 180
    with pytest.raises(ValidationError) as refused:
        plan(db, secretariat, minutes=0)
    assert refused.value.errors[0].field == "duration"


def test_only_the_host_city_or_the_secretariat_plans(db, actors):
    with pytest.raises(PermissionDenied):
        plan(db, actors["bruges"])  # Bordeaux pilots the network
    with pytest.raises(PermissionDenied):
        plan(db, actors["bruges"], network_id=None, city_id=BORDEAUX)
    own = plan(db, actors["bruges"], network_id=None, city_id=BRUGES)
    assert own.city_id == BRUGES and own.network_id is None
    meeting = plan(db, actors["bordeaux"])
    assert meeting.city_id == BORDEAUX
    with pytest.raises(PermissionDenied):
        service.save_meeting(db, actors["bruges"], dataclasses.replace(meeting, title="Mine"))
    changed = service.save_meeting(db, actors["bordeaux"], dataclasses.replace(meeting, title="SC"))
    with pytest.raises(ConflictError):  # the second save of the same version is refused
        service.save_meeting(db, actors["secretariat"], dataclasses.replace(meeting, title="X"))
    assert changed.title == "SC"


def test_who_reads_a_meeting_and_its_invitation(db, actors):
    network_meeting = plan(db, actors["bordeaux"], invitees=(user_key(actors["cordoba"]),))
    process = plan(db, actors["bordeaux"], network_id=None)
    readers = {"secretariat", "advisory", "bordeaux", "bruges", "cordoba"}
    for name, actor in actors.items():
        if name in readers:
            service.get_meeting(db, actor, network_meeting.id)
            assert b"BEGIN:VEVENT" in service.calendar_ics(db, actor, network_meeting.id, "fr")
        else:
            with pytest.raises(PermissionDenied):
                service.get_meeting(db, actor, network_meeting.id)
            with pytest.raises(PermissionDenied):
                service.calendar_ics(db, actor, network_meeting.id, "fr")
        in_list = network_meeting.id in [m.id for m in service.readable_meetings(db, actor)]
        assert in_list == (name in readers)
        process_readers = {"secretariat", "advisory", "bordeaux"}
        assert service.get_meeting(db, actor, process.id) if name in process_readers else True
        if name not in process_readers:
            with pytest.raises(PermissionDenied):
                service.get_meeting(db, actor, process.id)
    _meeting, access = service.get_meeting(db, actors["bruges"], network_meeting.id)
    assert access.read and not access.edit and not access.invited


# --- minutes ---------------------------------------------------------------------------------


def test_minutes_are_written_circulated_approved_and_frozen(db, actors):
    bordeaux, bruges, cordoba = actors["bordeaux"], actors["bruges"], actors["cordoba"]
    meeting = plan(db, bordeaux, invitees=(user_key(cordoba), "contact:1"))
    owner = user_key(bruges)
    minutes = write(db, bordeaux, meeting, [("Share the flood map", owner, "2024-03-20")])
    assert minutes.kind == SubmissionKind.MINUTES and minutes.status == Status.DRAFT
    meeting, _access = service.get_meeting(db, bordeaux, meeting.id)
    assert meeting.minutes_id == minutes.id
    assert {i.attendance for i in meeting.invitees} == {Attendance.PRESENT}
    [action] = service.meeting_actions(db, bordeaux, meeting.id)
    assert (action.what, action.owner_name, action.due) == (
        "Share the flood map",
        "Officer of Bruges (demo)",
        date(2024, 3, 20),
    )
    # a draft is for its writers, the Secretariat and the Advisory Group
    assert minutes_service.minutes_of(db, cordoba, meeting.id) is None
    assert minutes_service.minutes_of(db, actors["advisory"], meeting.id) is not None
    circulated = minutes_service.circulate(db, bordeaux, meeting.id, minutes.version)
    assert circulated.status == Status.SUBMITTED and circulated.revision == 1
    # the invitees read circulated minutes and make remarks; a member not invited does not
    assert minutes_service.minutes_of(db, cordoba, meeting.id).id == minutes.id
    minutes_service.add_remark(db, cordoba, meeting.id, "Add the date of the next meeting.")
    assert [r.body for r in minutes_service.remarks(db, bordeaux, meeting.id)] == [
        "Add the date of the next meeting."
    ]
    assert minutes_service.minutes_of(db, bruges, meeting.id) is None
    with pytest.raises(PermissionDenied):
        minutes_service.add_remark(db, bruges, meeting.id, "Me too")
    with pytest.raises(PermissionDenied):  # frozen while circulated
        write(db, bordeaux, meeting, version=circulated.version)
    approved = submission_service.approve(db, actors["secretariat"], minutes.id, circulated.version)
    assert approved.status == Status.APPROVED
    assert minutes_service.minutes_of(db, bruges, meeting.id).approved_revision == 1
    # a correction is a new revision; the others keep reading the approved one meanwhile
    draft = submission_service.start_revision(db, bordeaux, minutes.id, approved.version)
    corrected = write(
        db, bordeaux, meeting, decisions=("Map the flood zones by June",), version=draft.version
    )
    assert minutes_service.minutes_of(db, bruges, meeting.id) is None
    assert minutes_service.approved_content(db, bruges, meeting.id).decisions == (
        "Map the flood zones together",
    )
    changed = differences(SubmissionKind.MINUTES, approved.content, corrected.content)
    assert ("decisions.0", "Map the flood zones together", "Map the flood zones by June") in [
        (field, old, new) for field, old, new in changed
    ]


def test_bad_minutes_are_refused_naming_the_field_and_nothing_is_saved(db, actors):
    bordeaux = actors["bordeaux"]
    meeting = plan(db, bordeaux)
    with pytest.raises(ValidationError) as refused:
        write(db, bordeaux, meeting, [("Call the insurers", "", ""), ("", "contact:99999", "x")])
    fields = {e.field for e in refused.value.errors}
    assert fields == {"actions.0.owner", "actions.1.what", "actions.1.owner", "actions.1.due"}
    text = i18n.field_error_text(refused.value.errors[0], "fr")
    assert text.startswith("Action 1 › Responsable")
    with pytest.raises(PermissionDenied):  # attendance of someone not invited: rolled back
        minutes_service.write_minutes(
            db, bordeaux, meeting.id, Minutes(text="x"), {"contact:5": "present"}, None
        )
    assert service.get_meeting(db, bordeaux, meeting.id)[0].minutes_id is None
    with pytest.raises(PermissionDenied):  # only the host city and the Secretariat write them
        write(db, actors["bruges"], meeting)


def test_the_minutes_pdf_lists_attendees_decisions_and_actions_with_the_draft_mark(db, actors):
    bordeaux = actors["bordeaux"]
    meeting = plan(db, bordeaux, invitees=(user_key(actors["bruges"]),))
    minutes = write(db, bordeaux, meeting, [("Share the map", user_key(actors["bruges"]), "")])
    draft = pdf_text(minutes_service.minutes_pdf(db, bordeaux, meeting.id, "fr"))
    assert "BROUILLON" in draft.replace("\n", "") and "Officer of Bruges (demo)" in draft
    assert "Map the flood zones together" in draft and "Share the map" in draft
    with pytest.raises(PermissionDenied):  # a member reads approved minutes only
        minutes_service.minutes_pdf(db, actors["cordoba"], meeting.id, "fr")
    circulated = minutes_service.circulate(db, bordeaux, meeting.id, minutes.version)
    submission_service.approve(db, actors["secretariat"], minutes.id, circulated.version)
    approved = pdf_text(minutes_service.minutes_pdf(db, actors["bruges"], meeting.id, "es"))
    assert "BORRADOR" not in approved.replace("\n", "") and "Acta" in approved


# --- actions ---------------------------------------------------------------------------------


def test_open_actions_head_the_next_meeting_of_the_group_until_done(db, actors):
    bordeaux, bruges = actors["bordeaux"], actors["bruges"]
    first = plan(db, bordeaux, None, starts=datetime(2024, 3, 5, 9))  # Bordeaux's own process
    second = plan(db, bordeaux, None, starts=datetime(2024, 4, 5, 9))
    other_kind = plan(
        db, bordeaux, None, kind=MeetingKind.WORKING_GROUP, starts=datetime(2024, 4, 6)
    )
    other_group = plan(db, bordeaux, None, starts=datetime(2024, 4, 7), group="Residents")
    write(db, bordeaux, first, [("Call the insurers", user_key(bruges), "2024-03-10")])
    [carried] = service.carried_actions(db, bordeaux, second)
    assert carried.what == "Call the insurers"
    assert service.carried_actions(db, bordeaux, other_kind) == []
    assert service.carried_actions(db, bordeaux, other_group) == []
    assert service.carried_actions(db, bordeaux, first) == []
    service.update_action(db, bruges, carried.id, carried.version, "done", "Sent on 9 March")
    assert service.carried_actions(db, bordeaux, second) == []


def test_an_action_taken_out_of_the_minutes_leaves_the_others_their_number_and_status(db, actors):
    bordeaux, bruges = actors["bordeaux"], actors["bruges"]
    meeting = plan(db, bordeaux, None)
    owner = user_key(bruges)
    first = write(db, bordeaux, meeting, [("One", owner, ""), ("Two", owner, "")])
    one, two = service.meeting_actions(db, bordeaux, meeting.id)
    service.update_action(db, bruges, two.id, two.version, "in_progress", "")
    kept = Minutes.from_dict(first.content).actions[1:]  # "One" taken out
    minutes_service.write_minutes(
        db,
        bordeaux,
        meeting.id,
        Minutes(actions=kept + (PlannedAction("Three", owner),)),
        {},
        first.version,
    )
    after = service.meeting_actions(db, bordeaux, meeting.id)
    assert [(a.number, a.what, a.status) for a in after] == [
        (2, "Two", ActionStatus.IN_PROGRESS),
        (3, "Three", ActionStatus.OPEN),
    ]


def test_an_action_is_updated_by_its_owner_the_host_city_and_the_secretariat(db, actors):
    bordeaux, bruges = actors["bordeaux"], actors["bruges"]
    meeting = plan(db, bordeaux, network_id=None)  # Bordeaux's own process: Bruges reads nothing
    write(db, bordeaux, meeting, [("Send the photos", user_key(bruges), "2024-02-20")])
    [action] = service.meeting_actions(db, bordeaux, meeting.id)
    # the owner, of another city, now reads the meeting to do its part
    assert service.get_meeting(db, bruges, meeting.id)[0].id == meeting.id
    assert action.overdue(date(2024, 3, 1))
    with pytest.raises(PermissionDenied):
        service.update_action(db, actors["cordoba"], action.id, action.version, "done", "")
    with pytest.raises(PermissionDenied):
        service.update_action(db, actors["advisory"], action.id, action.version, "done", "")
    with pytest.raises(ValidationError):
        service.update_action(db, bruges, action.id, action.version, "finished", "")
    started = service.update_action(db, bruges, action.id, action.version, "in_progress", "Half")
    with pytest.raises(ConflictError):
        service.update_action(db, bordeaux, action.id, action.version, "dropped", "")
    done = service.update_action(db, bordeaux, action.id, started.version, "done", "Received")
    assert done.status == ActionStatus.DONE and not done.overdue(date(2024, 3, 1))
    with db.reading() as cur:
        trail = audit.search(cur, None, "action_item", None, None, None, 10)
    assert len(trail) >= 2


def test_the_sources_warnings_follow_the_data_and_the_access_rules(db, actors):
    bordeaux = actors["bordeaux"]
    bruges_process = [w.kind for w in service.warnings(db, actors["bruges"])]
    assert bruges_process == ["short_preparation"]  # the demo's participatory workshop
    assert service.warnings(db, bordeaux) == []
    # the network's two steering committees have approved minutes: a launch after them is fine
    plan(db, bordeaux, kind=MeetingKind.LAUNCH_EVENT, starts=datetime(2024, 5, 1))
    assert service.warnings(db, bordeaux, network_id=WATER) == []
    # Bordeaux's own process launches without any committee: warned, never refused
    launch = plan(db, bordeaux, None, kind=MeetingKind.LAUNCH_EVENT, starts=datetime(2024, 5, 2))
    [warning] = service.warnings(db, bordeaux)
    assert (warning.kind, warning.meeting.id, warning.params["count"]) == (
        "few_steering_committees",
        launch.id,
        0,
    )
    assert "short_preparation" in [w.kind for w in service.warnings(db, actors["secretariat"])]
    assert service.warnings(db, actors["cordoba"]) == []
