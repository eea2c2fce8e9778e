"""Mission4City through the services: eligibility, the request through the review workflow,
the instruction's steps in order, the 1-to-3-day rule, the statuses and who moves them."""

import dataclasses
from datetime import date

import pytest

from ovpm.domain.errors import PermissionDenied, ValidationError
from ovpm.domain.missions import MissionRequest, MissionStatus, Programme, Step, StepRecord
from ovpm.domain.models import Person
from ovpm.services import attachments as attachment_service
from ovpm.services import missions as service
from ovpm.services import submissions as submission_service
from ovpm.store import cities
from tests.services.test_submissions import MINIMAL_PDF

TODAY = date(2024, 3, 1)


def filled_request(db, actor, city_id) -> MissionRequest:
    letter = attachment_service.store_pdf(db, actor, city_id, "letter", "mayor.pdf", MINIMAL_PDF)
    return MissionRequest(
        "Flood-proofing the lower town",
        Person("Ana Demo", "Heritage officer", "ana.demo@example.org"),
        "The river floods the lower town every spring (demo).",
        "Management plan of the historic centre (demo).",
        "Hydraulic engineer with heritage experience",
        "Flood barriers in listed streets",
        ("flood risk", "heritage quays"),
        2,
        date(2024, 5, 1),
        date(2024, 6, 30),
        letter.id,
        letter.original_name,
    )


def submitted_mission(db, actors, name="bordeaux"):
    city = actors[name]
    mission = service.start_request(db, city, city.city_id)
    request = submission_service.get_submission(db, city, mission.request_id)
    typed = filled_request(db, city, city.city_id)
    submission_service.submit(db, city, request.id, typed, request.version)
    return service.get_mission(db, city, mission.id)


def instructed(db, actors):
    """A submitted request with the instruction started and steps (a)–(d) recorded."""
    secretariat = actors["secretariat"]
    mission = submitted_mission(db, actors)
    mission = service.move(db, secretariat, mission.id, mission.version, "in_instruction")
    day = TODAY
    for step in (Step.CONTACT, Step.ADVICE):
        service.record_step(db, secretariat, mission.id, StepRecord(step, day, "Done (test)."))
    found = service.candidates(db, secretariat, mission)
    service.record_step(
        db,
        secretariat,
        mission.id,
        StepRecord(Step.EXPERTS, day, "Consulted."),
        (found[0].contact.id,),
    )
    programme = Programme(
        date(2024, 5, 6), date(2024, 5, 7), ("Visits", "Workshop"), "Room", "Shared"
    )
    service.record_step(
        db, secretariat, mission.id, StepRecord(Step.PROGRAMME, day, "Agreed."), programme=programme
    )
    return service.get_mission(db, secretariat, mission.id)


@pytest.fixture(autouse=True)
def pinned_day(monkeypatch):
    monkeypatch.setenv("OVPM_TODAY", TODAY.isoformat())


def test_the_request_follows_the_review_workflow_and_moves_the_mission(db, actors):
    mission = submitted_mission(db, actors)
    assert mission.status == MissionStatus.SUBMITTED
    secretariat = actors["secretariat"]
    request = submission_service.get_submission(db, secretariat, mission.request_id)
    submission_service.request_changes(db, secretariat, request.id, request.version, "Dates?")
    assert service.get_mission(db, secretariat, mission.id).status == MissionStatus.DRAFT


def test_a_city_not_in_good_standing_cannot_submit_whatever_the_path(db, actors):
    bruges = actors["bruges"]
    with db.unit_of_work() as cur:
        city = cities.get(cur, bruges.city_id)
        cities.update(cur, dataclasses.replace(city, good_standing=False))
    assert not service.eligible(db, bruges.city_id)
    mission = service.start_request(db, bruges, bruges.city_id)
    request = submission_service.get_submission(db, bruges, mission.request_id)
    typed = filled_request(db, bruges, bruges.city_id)
    with pytest.raises(ValidationError) as refused:
        submission_service.submit(db, bruges, request.id, typed, request.version)
    assert [e.field for e in refused.value.errors] == ["city"]
    assert service.get_mission(db, bruges, mission.id).status == MissionStatus.DRAFT


def test_steps_in_order_and_scheduling_only_after_all_four(db, actors):
    secretariat = actors["secretariat"]
    mission = submitted_mission(db, actors)
    mission = service.move(db, secretariat, mission.id, mission.version, "in_instruction")
    assert mission.status == MissionStatus.IN_INSTRUCTION
    with pytest.raises(ValidationError) as refused:
        service.record_step(db, secretariat, mission.id, StepRecord(Step.ADVICE, TODAY, "x"))
    assert refused.value.errors[0].field == "step"
    with pytest.raises(ValidationError):
        service.move(db, secretariat, mission.id, mission.version, "scheduled")
    with pytest.raises(PermissionDenied):
        service.record_step(
            db, actors["bordeaux"], mission.id, StepRecord(Step.CONTACT, TODAY, "x")
        )


@pytest.mark.parametrize("last", [date(2024, 5, 9), date(2024, 5, 5)])
def test_a_mission_lasts_one_to_three_days(db, actors, last):
    secretariat = actors["secretariat"]
    mission = submitted_mission(db, actors)
    mission = service.move(db, secretariat, mission.id, mission.version, "in_instruction")
    for step in (Step.CONTACT, Step.ADVICE):
        service.record_step(db, secretariat, mission.id, StepRecord(step, TODAY, "ok"))
    found = service.candidates(db, secretariat, mission)
    service.record_step(
        db, secretariat, mission.id, StepRecord(Step.EXPERTS, TODAY, "ok"), (found[0].contact.id,)
    )
    programme = Programme(date(2024, 5, 6), last, ("a",) * 4, "Room", "Shared")
    with pytest.raises(ValidationError) as refused:
        service.record_step(
            db,
            secretariat,
            mission.id,
            StepRecord(Step.PROGRAMME, TODAY, "ok"),
            programme=programme,
        )
    assert refused.value.errors[0].field == "last_day"


def test_scheduled_then_done_from_its_first_day(db, actors, monkeypatch):
    secretariat, bordeaux = actors["secretariat"], actors["bordeaux"]
    mission = instructed(db, actors)
    mission = service.move(db, secretariat, mission.id, mission.version, "scheduled")
    assert mission.status == MissionStatus.SCHEDULED
    with pytest.raises(ValidationError):  # before its first day
        service.move(db, secretariat, mission.id, mission.version, "done")
    assert MissionStatus.WITHDRAWN in service.moves(bordeaux, mission)
    monkeypatch.setenv("OVPM_TODAY", "2024-05-07")
    mission = service.move(db, secretariat, mission.id, mission.version, "done")
    assert MissionStatus.WITHDRAWN not in service.moves(bordeaux, mission)


def test_declining_needs_a_reason_the_city_reads(db, actors):
    secretariat = actors["secretariat"]
    mission = submitted_mission(db, actors)
    with pytest.raises(ValidationError):
        service.move(db, secretariat, mission.id, mission.version, "declined", " ")
    mission = service.move(
        db, secretariat, mission.id, mission.version, "declined", "Out of scope."
    )
    seen = service.get_mission(db, actors["bordeaux"], mission.id)
    assert (seen.status, seen.decline_reason) == (MissionStatus.DECLINED, "Out of scope.")
    request = submission_service.get_submission(db, secretariat, mission.request_id)
    assert request.status == "withdrawn"  # out of the review queue
