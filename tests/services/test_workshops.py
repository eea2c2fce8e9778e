"""International workshops: their rules, participants and matching, costs in the budget, the
four deliverables through the review workflow, and the stage they make a network reach."""

import dataclasses
from datetime import date

import pytest

from ovpm.domain.deliverables import (
    ConstitutionSheet,
    Indicator,
    MemberRole,
    PilotDraftReport,
    PriorityProblemSheet,
    Problem,
    Step,
)
from ovpm.domain.errors import PermissionDenied, ValidationError
from ovpm.domain.networks import FunderKind
from ovpm.domain.stages import Stage
from ovpm.domain.submissions import Status, SubmissionKind
from ovpm.domain.workshops import Participant, WorkshopStatus
from ovpm.services import budget as budget_service
from ovpm.services import progress as progress_service
from ovpm.services import submissions as submission_service
from ovpm.services import workshops as service
from ovpm.store import contacts as contact_store

WATER = 1  # "Living with water": Bordeaux pilots, Bruges takes part (demo)
MULTICULTURAL = 2  # piloted by Kazan


def new_workshop(db, actors, network_id=WATER, first=date(2024, 4, 9), last=date(2024, 4, 11)):
    for workshop in service.workshops_of(db, actors["secretariat"], network_id):
        if workshop.status != WorkshopStatus.CANCELLED:
            return workshop
    return service.create_workshop(db, actors["secretariat"], network_id, first, last, "", "fr")


def errors_of(raised) -> dict[str, str]:
    return {e.field: e.message for e in raised.value.errors}


def contact_ids(db, kind: str, city_id=None) -> list[int]:
    with db.reading() as cur:
        return [
            c.id
            for c in contact_store.of_kind(cur, kind)
            if city_id is None or c.city_id == city_id
        ]


# --- the workshop ----------------------------------------------------------------------------


@pytest.mark.parametrize("days, accepted", [(1, False), (2, True), (3, True), (4, False)])
def test_a_workshop_lasts_two_or_three_days(db, actors, days, accepted):
    first = date(2024, 6, 3)
    last = date.fromordinal(first.toordinal() + days - 1)
    create = lambda: service.create_workshop(  # noqa: E731
        db, actors["secretariat"], MULTICULTURAL, first, last, "", "en"
    )
    if accepted:
        created = create()
        assert created.days == days
        assert {slot.day for slot in created.programme} == set(range(1, days + 1))
    else:
        with pytest.raises(ValidationError) as raised:
            create()
        assert "last_day" in errors_of(raised)


def test_a_new_workshop_is_in_the_pilot_city_with_source_000s_programme_in_the_users_language(
    db, actors
):
    workshop = service.create_workshop(
        db, actors["bordeaux"], WATER, date(2024, 4, 9), date(2024, 4, 10), "", "fr"
    )
    assert workshop.place == "Bordeaux"
    assert workshop.status == WorkshopStatus.PLANNED
    assert len(workshop.programme) == 4  # 2 days x morning, afternoon: day 3 dropped
    assert workshop.programme[0].title == "Accueil et contexte"
    assert workshop.due == date(2024, 6, 9)  # 60 days after the last day


def test_a_network_has_one_workshop_at_a_time_that_is_not_cancelled(db, actors):
    first = new_workshop(db, actors)
    with pytest.raises(ValidationError) as raised:
        service.create_workshop(
            db, actors["secretariat"], WATER, date(2024, 9, 9), date(2024, 9, 10), "", "en"
        )
    assert "status" in errors_of(raised)
    service.save_workshop(
        db, actors["secretariat"], dataclasses.replace(first, status=WorkshopStatus.CANCELLED)
    )
    again = service.create_workshop(
        db, actors["secretariat"], WATER, date(2024, 9, 9), date(2024, 9, 10), "", "en"
    )
    assert again.id != first.id


def test_shortening_a_workshop_drops_the_programme_of_its_third_day(db, actors):
    workshop = new_workshop(db, actors)
    assert workshop.days == 3
    saved = service.save_workshop(
        db, actors["bordeaux"], dataclasses.replace(workshop, last_day=date(2024, 4, 10))
    )
    assert {slot.day for slot in saved.programme} == {1, 2}


def test_only_the_secretariat_and_the_pilot_city_organise(db, actors):
    for name in ("bruges", "advisory", "cordoba"):
        with pytest.raises(PermissionDenied):
            service.create_workshop(
                db, actors[name], WATER, date(2024, 4, 9), date(2024, 4, 10), "", "en"
            )
    workshop = new_workshop(db, actors)
    with pytest.raises(PermissionDenied):
        service.save_workshop(db, actors["bruges"], dataclasses.replace(workshop, place="Brugge"))


def test_a_stale_edit_is_refused(db, actors):
    from ovpm.domain.errors import ConflictError

    workshop = new_workshop(db, actors)
    service.save_workshop(db, actors["bordeaux"], dataclasses.replace(workshop, place="Quai"))
    with pytest.raises(ConflictError):
        service.save_workshop(db, actors["secretariat"], dataclasses.replace(workshop, place="X"))


# --- participants ----------------------------------------------------------------------------


def test_at_most_three_funded_experts_and_one_funded_advisory_member(db, actors):
    workshop = new_workshop(db, actors)
    secretariat = actors["secretariat"]
    experts = contact_ids(db, "international_expert")
    for contact_id in experts[:3]:
        service.add_participant(
            db, secretariat, workshop.id, Participant(contact_id, "international_expert", True)
        )
    with pytest.raises(ValidationError) as raised:
        service.add_participant(
            db, secretariat, workshop.id, Participant(experts[3], "international_expert", True)
        )
    assert errors_of(raised) == {
        "funded": "The General Secretariat funds at most {max} international experts."
    }
    # unfunded, a fourth expert is welcome
    service.add_participant(
        db, secretariat, workshop.id, Participant(experts[3], "international_expert", False)
    )
    advisory = contact_ids(db, "advisory_member")[0]
    service.add_participant(
        db, secretariat, workshop.id, Participant(advisory, "advisory_member", True)
    )
    other = contact_ids(db, "international_expert")[4]
    with pytest.raises(ValidationError):
        service.add_participant(
            db, secretariat, workshop.id, Participant(other, "advisory_member", True)
        )
    listed = service.participants(db, secretariat, workshop.id)
    assert sum(p.funded for p in listed) == 4


def test_an_expert_of_the_pilot_city_is_local_never_a_funded_international_expert(db, actors):
    workshop = new_workshop(db, actors)
    local = contact_ids(db, "local_expert", actors["bordeaux"].city_id)[0]
    with pytest.raises(ValidationError) as raised:
        service.add_participant(
            db, actors["secretariat"], workshop.id, Participant(local, "international_expert", True)
        )
    assert "belongs to the pilot city" in errors_of(raised)["funded"]
    service.add_participant(db, actors["bordeaux"], workshop.id, Participant(local, "local_expert"))


def test_representatives_come_from_cities_that_asked_to_take_part(db, actors):
    workshop = new_workshop(db, actors)
    bruges_person = contact_ids(db, "strategic_lead", actors["bruges"].city_id)[0]
    service.add_participant(
        db, actors["bordeaux"], workshop.id, Participant(bruges_person, "city_representative")
    )
    cordoba_person = contact_ids(db, "strategic_lead", actors["cordoba"].city_id)[0]
    with pytest.raises(ValidationError) as raised:
        service.add_participant(
            db, actors["bordeaux"], workshop.id, Participant(cordoba_person, "city_representative")
        )
    assert "role" in errors_of(raised)


def test_only_the_secretariat_funds_or_records_an_agreement(db, actors):
    workshop = new_workshop(db, actors)
    expert = contact_ids(db, "international_expert")[0]
    with pytest.raises(PermissionDenied):
        service.add_participant(
            db, actors["bordeaux"], workshop.id, Participant(expert, "international_expert", True)
        )
    bruges_person = contact_ids(db, "strategic_lead", actors["bruges"].city_id)[0]
    with pytest.raises(PermissionDenied):
        service.add_participant(
            db,
            actors["bordeaux"],
            workshop.id,
            Participant(bruges_person, "city_representative", agreement="Paid by us"),
        )


def test_matching_ranks_by_expertise_and_languages_with_reasons_and_flags_conflicts(db, actors):
    workshop = new_workshop(db, actors)
    found = service.candidates(db, actors["secretariat"], workshop.id, "international_expert")
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)
    best = found[0]
    assert best.expertise and best.score >= 2  # heritage, resilience fit "flood-ready heritage"
    assert all("fr" in c.languages for c in found if c.languages)
    # funded for another workshop on the same days: flagged, not hidden
    other = service.create_workshop(
        db, actors["secretariat"], MULTICULTURAL, date(2024, 4, 10), date(2024, 4, 11), "", "en"
    )
    service.add_participant(
        db,
        actors["secretariat"],
        other.id,
        Participant(best.contact.id, "international_expert", True),
    )
    again = {
        c.contact.id: c
        for c in service.candidates(db, actors["secretariat"], workshop.id, "international_expert")
    }
    assert again[best.contact.id].busy_with == "Multicultural neighbourhoods"
    with pytest.raises(PermissionDenied):
        service.candidates(db, actors["bordeaux"], workshop.id, "international_expert")


def test_who_reads_the_participants(db, actors):
    workshop = new_workshop(db, actors)
    for name in ("secretariat", "advisory", "bordeaux", "bruges"):
        service.participants(db, actors[name], workshop.id)
    with pytest.raises(PermissionDenied):
        service.participants(db, actors["cordoba"], workshop.id)
    # every member city sees that the workshop exists, its dates and programme
    assert service.current_workshop(db, actors["cordoba"], WATER).programme


# --- costs -----------------------------------------------------------------------------------


def test_costs_are_budget_lines_seen_in_the_budget_views_and_the_envelope(db, actors):
    workshop = new_workshop(db, actors)
    secretariat = actors["secretariat"]
    before = budget_service.report(db, secretariat)
    line = service.add_cost(
        db,
        secretariat,
        workshop.id,
        "travel",
        "Flights of 3 experts",
        "2400",
        "EUR",
        FunderKind.SECRETARIAT,
    )
    service.add_cost(
        db,
        actors["bordeaux"],
        workshop.id,
        "venue_meals",
        "Room and lunches",
        "900",
        "EUR",
        FunderKind.PILOT,
    )
    with pytest.raises(PermissionDenied):
        service.add_cost(
            db, actors["bordeaux"], workshop.id, "travel", "x", "1", "EUR", FunderKind.SECRETARIAT
        )
    with pytest.raises(ValidationError) as raised:
        service.add_cost(
            db, secretariat, workshop.id, "travel", "", "-3", "EUR", "general_secretariat"
        )
    assert set(errors_of(raised)) == {"description", "amount"}
    after = budget_service.report(db, secretariat)
    assert line.id in {x.id for x in budget_service.readable_lines(db, secretariat)}
    assert after.secretariat[0] - before.secretariat[0] == 2400  # reporting currency EUR
    # the budget rules: the pilot city reads them, a participating city does not
    assert len(service.costs(db, actors["bordeaux"], workshop.id)) == 2
    assert service.costs(db, actors["bruges"], workshop.id) == []
    assert len(service.costs(db, actors["advisory"], workshop.id)) == 2


# --- deliverables and the stage --------------------------------------------------------------


def constitution():
    return ConstitutionSheet(
        (MemberRole("Bordeaux", "pilot"), MemberRole("Bruges", "member")),
        "Bordeaux coordinates.",
        "By consensus.",
        "Every two months.",
    )


def priority_problem():
    return PriorityProblemSheet(
        (Problem("Floods", "Quays flood every winter."), Problem("Tourism", "Too many.")),
        0,
        "How to keep the quays open?",
    )


def pilot_draft():
    return PilotDraftReport(
        "Flood-ready quays",
        "Protect the quays.",
        "Fewer closures.",
        (Indicator("Closure days", "days/year", "10"),),
        "Port authority",
        (Step("Study", date(2024, 9, 1)),),
        "120000",
        "EUR",
    )


def submit_and_approve(db, actors, submission, content):
    submitted = submission_service.submit(
        db, actors["bordeaux"], submission.id, content, submission.version
    )
    return submission_service.approve(db, actors["secretariat"], submitted.id, submitted.version)


def test_deliverables_go_through_the_review_workflow_and_make_the_stage(db, actors):
    workshop = new_workshop(db, actors)
    held = service.save_workshop(
        db, actors["secretariat"], dataclasses.replace(workshop, status=WorkshopStatus.HELD)
    )
    statuses = service.deliverables(db, actors["secretariat"], held.id)
    assert [d.status for d in statuses] == ["not_started"] * 4
    contents = {
        SubmissionKind.CONSTITUTION_SHEET: constitution(),
        SubmissionKind.PRIORITY_PROBLEM: priority_problem(),
        SubmissionKind.PILOT_DRAFT: pilot_draft(),
    }
    for kind, content in contents.items():
        draft = service.start_deliverable(db, actors["bordeaux"], held.id, str(kind))
        with pytest.raises(ValidationError):
            submission_service.submit(
                db, actors["bordeaux"], draft.id, type(content)(), draft.version
            )
        draft = submission_service.get_submission(db, actors["bordeaux"], draft.id)
        submit_and_approve(db, actors, draft, content)
    stages = progress_service.network_stages(db, actors["secretariat"])
    assert stages[WATER] != Stage.WORKSHOP  # the revised theme sheet is not done yet
    overview = progress_service.overview(db, actors["secretariat"])
    water = next(n for n in overview.networks if n.id == WATER)
    assert [p[2] for p in water.pending] == ["theme_sheet"]
    # the revised theme sheet: a new revision of the approved one, or marked not needed
    service.mark_theme_sheet_not_needed(
        db, actors["secretariat"], held.id, held.version, "The theme stays as it was."
    )
    statuses = service.deliverables(db, actors["secretariat"], held.id)
    assert all(d.done for d in statuses)
    overview = progress_service.overview(db, actors["secretariat"])
    water = next(n for n in overview.networks if n.id == WATER)
    assert Stage.WORKSHOP in water.done and water.pending == ()


def test_the_stage_waits_for_the_workshop_to_be_held(db, actors):
    workshop = new_workshop(db, actors)
    service.mark_theme_sheet_not_needed(
        db, actors["secretariat"], workshop.id, workshop.version, "No"
    )
    overview = progress_service.overview(db, actors["secretariat"])
    water = next(n for n in overview.networks if n.id == WATER)
    assert Stage.WORKSHOP not in water.done and water.pending == ()


def test_a_revised_theme_sheet_is_a_new_revision_of_the_approved_one(db, actors):
    workshop = new_workshop(db, actors)
    revision = service.start_deliverable(db, actors["bordeaux"], workshop.id, "theme_sheet")
    assert revision.status == Status.DRAFT and revision.approved_revision == 2
    assert service.deliverables(db, actors["bordeaux"], workshop.id)[0].status == Status.DRAFT


def test_overdue_deliverables_are_late_items_of_the_overview(db, actors, monkeypatch):
    workshop = service.create_workshop(
        db, actors["secretariat"], WATER, date(2023, 11, 6), date(2023, 11, 8), "", "en"
    )
    service.save_workshop(
        db, actors["secretariat"], dataclasses.replace(workshop, status=WorkshopStatus.HELD)
    )
    overview = progress_service.overview(db, actors["secretariat"])
    late = [d for d in overview.late if d.progress.kind == "network" and d.what]
    assert {d.what for d in late} == {
        "theme_sheet",
        "constitution_sheet",
        "priority_problem",
        "pilot_draft",
    }
    assert {d.target for d in late} == {date(2024, 1, 7)}
