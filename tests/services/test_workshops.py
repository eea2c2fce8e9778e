"""International workshops: their rules, participants and matching, costs in the budget, the
four deliverables through the review workflow, and the stage they make a network reach."""

import dataclasses
import subprocess
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
from ovpm.domain.submissions import DELIVERABLE_KINDS, Status, SubmissionKind, ThemeSheet
from ovpm.domain.workshops import Participant, WorkshopStatus
from ovpm.services import budget as budget_service
from ovpm.services import progress as progress_service
from ovpm.services import submissions as submission_service
from ovpm.services import workshop_costs as costs
from ovpm.services import workshop_deliverables as deliverables
from ovpm.services import workshop_exports as exports
from ovpm.services import workshops as service
from ovpm.store import contacts as contact_store

WATER = 1  # "Living with water": Bordeaux pilots, Bruges takes part; workshop held (demo)
ANDEAN = 3  # "Living Andean heritage", piloted by Cusco: no workshop yet (demo)


def water_workshop(db, actors):
    """The demo's held workshop of "Living with water" (3 days, 3 funded experts and 1 funded
    Advisory Group member, 3 cost lines)."""
    return service.current_workshop(db, actors["secretariat"], WATER)


def andean_workshop(db, actors, first=date(2024, 6, 4), last=date(2024, 6, 6)):
    """A new workshop of the network that has none, created by the Secretariat."""
    return service.create_workshop(db, actors["secretariat"], ANDEAN, first, last, "", "en")


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
    create = lambda: andean_workshop(db, actors, first, last)  # noqa: E731
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
        db, actors["secretariat"], ANDEAN, date(2024, 4, 9), date(2024, 4, 10), "", "fr"
    )
    assert workshop.place == "Cusco"
    assert workshop.status == WorkshopStatus.PLANNED
    assert len(workshop.programme) == 4  # 2 days x morning, afternoon: day 3 dropped
    assert workshop.programme[0].title == "Accueil et contexte"
    assert workshop.due == date(2024, 6, 9)  # 60 days after the last day


def test_a_network_has_one_workshop_at_a_time_that_is_not_cancelled(db, actors):
    first = water_workshop(db, actors)
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
    workshop = water_workshop(db, actors)
    assert workshop.days == 3
    saved = service.save_workshop(
        db, actors["bordeaux"], dataclasses.replace(workshop, last_day=date(2023, 11, 15))
    )
    assert {slot.day for slot in saved.programme} == {1, 2}


def test_only_the_secretariat_and_the_pilot_city_organise(db, actors):
    for name in ("bruges", "advisory", "cordoba"):
        with pytest.raises(PermissionDenied):
            service.create_workshop(
                db, actors[name], WATER, date(2024, 4, 9), date(2024, 4, 10), "", "en"
            )
    workshop = water_workshop(db, actors)
    with pytest.raises(PermissionDenied):
        service.save_workshop(db, actors["bruges"], dataclasses.replace(workshop, place="Brugge"))


def test_a_stale_edit_is_refused(db, actors):
    from ovpm.domain.errors import ConflictError

    workshop = water_workshop(db, actors)
    service.save_workshop(db, actors["bordeaux"], dataclasses.replace(workshop, place="Quai"))
    with pytest.raises(ConflictError):
        service.save_workshop(db, actors["secretariat"], dataclasses.replace(workshop, place="X"))


# --- participants ----------------------------------------------------------------------------


def test_at_most_three_funded_experts_and_one_funded_advisory_member(db, actors):
    workshop = andean_workshop(db, actors)
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
    workshop = water_workshop(db, actors)
    local = contact_ids(db, "local_expert", actors["bordeaux"].city_id)[0]
    with pytest.raises(ValidationError) as raised:
        service.add_participant(
            db, actors["secretariat"], workshop.id, Participant(local, "international_expert", True)
        )
    assert "belongs to the pilot city" in errors_of(raised)["funded"]
    service.add_participant(db, actors["bordeaux"], workshop.id, Participant(local, "local_expert"))


def test_representatives_come_from_cities_that_asked_to_take_part(db, actors):
    workshop = water_workshop(db, actors)
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
    workshop = water_workshop(db, actors)
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
    workshop = water_workshop(db, actors)
    found = service.candidates(db, actors["secretariat"], workshop.id, "international_expert")
    assert [c.score for c in found] == sorted((c.score for c in found), reverse=True)
    best = found[0]
    assert best.expertise and best.score >= 2  # heritage, resilience fit "flood-ready heritage"
    assert all("fr" in c.languages for c in found if c.languages)
    # funded for another workshop on the same days: flagged, not hidden
    other = andean_workshop(db, actors, date(2023, 11, 15), date(2023, 11, 16))
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
    assert again[best.contact.id].busy_with == "Living Andean heritage"
    with pytest.raises(PermissionDenied):
        service.candidates(db, actors["bordeaux"], workshop.id, "international_expert")


def test_who_reads_the_participants(db, actors):
    workshop = water_workshop(db, actors)
    for name in ("secretariat", "advisory", "bordeaux", "bruges"):
        service.participants(db, actors[name], workshop.id)
    with pytest.raises(PermissionDenied):
        service.participants(db, actors["cordoba"], workshop.id)
    # every member city sees that the workshop exists, its dates and programme
    assert service.current_workshop(db, actors["cordoba"], WATER).programme


# --- costs -----------------------------------------------------------------------------------


def test_costs_are_budget_lines_seen_in_the_budget_views_and_the_envelope(db, actors):
    workshop = water_workshop(db, actors)
    secretariat = actors["secretariat"]
    before = budget_service.report(db, secretariat)
    lines_before = len(costs.costs(db, secretariat, workshop.id))
    line = costs.add_cost(
        db,
        secretariat,
        workshop.id,
        "travel",
        "Flights of 3 experts",
        "2400",
        "EUR",
        FunderKind.SECRETARIAT,
    )
    costs.add_cost(
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
        costs.add_cost(
            db, actors["bordeaux"], workshop.id, "travel", "x", "1", "EUR", FunderKind.SECRETARIAT
        )
    with pytest.raises(ValidationError) as raised:
        costs.add_cost(
            db, secretariat, workshop.id, "travel", "", "-3", "EUR", "general_secretariat"
        )
    assert set(errors_of(raised)) == {"description", "amount"}
    after = budget_service.report(db, secretariat)
    assert line.id in {x.id for x in budget_service.readable_lines(db, secretariat)}
    assert after.secretariat[0] - before.secretariat[0] == 2400  # reporting currency EUR
    # the budget rules: the pilot city reads them, a participating city does not
    assert len(costs.costs(db, actors["bordeaux"], workshop.id)) == lines_before + 2
    assert costs.costs(db, actors["bruges"], workshop.id) == []
    assert len(costs.costs(db, actors["advisory"], workshop.id)) == lines_before + 2


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
    secretariat = actors["secretariat"]  # on behalf of Cusco, which has no demo account
    submitted = submission_service.submit(
        db, secretariat, submission.id, content, submission.version
    )
    return submission_service.approve(db, secretariat, submitted.id, submitted.version)


def network_progress(db, actors, network_id):
    overview = progress_service.overview(db, actors["secretariat"])
    return next(n for n in overview.networks if n.id == network_id)


def test_deliverables_go_through_the_review_workflow_and_make_the_stage(db, actors):
    secretariat = actors["secretariat"]
    workshop = andean_workshop(db, actors, date(2023, 12, 5), date(2023, 12, 6))
    held = service.save_workshop(
        db, secretariat, dataclasses.replace(workshop, status=WorkshopStatus.HELD)
    )
    statuses = deliverables.deliverables(db, secretariat, held.id)
    assert [d.status for d in statuses] == ["not_started"] * 4
    contents = {
        SubmissionKind.CONSTITUTION_SHEET: constitution(),
        SubmissionKind.PRIORITY_PROBLEM: priority_problem(),
        SubmissionKind.PILOT_DRAFT: pilot_draft(),
    }
    for kind, content in contents.items():
        draft = deliverables.start_deliverable(db, secretariat, held.id, str(kind))
        with pytest.raises(ValidationError):
            submission_service.submit(db, secretariat, draft.id, type(content)(), draft.version)
        draft = submission_service.get_submission(db, secretariat, draft.id)
        submit_and_approve(db, actors, draft, content)
    assert Stage.WORKSHOP not in network_progress(db, actors, ANDEAN).done
    assert [p[2] for p in network_progress(db, actors, ANDEAN).pending] == ["theme_sheet"]
    # the revised theme sheet: marked not needed (or a new revision approved, below)
    deliverables.mark_theme_sheet_not_needed(
        db, secretariat, held.id, held.version, "The theme stays as it was."
    )
    assert all(d.done for d in deliverables.deliverables(db, secretariat, held.id))
    andean = network_progress(db, actors, ANDEAN)
    assert andean.done[Stage.WORKSHOP] == date(2024, 3, 1)  # the last approval: the pinned day
    assert andean.pending == ()


def test_the_stage_waits_for_the_workshop_to_be_held(db, actors):
    workshop = andean_workshop(db, actors)
    deliverables.mark_theme_sheet_not_needed(
        db, actors["secretariat"], workshop.id, workshop.version, "No"
    )
    andean = network_progress(db, actors, ANDEAN)
    assert Stage.WORKSHOP not in andean.done and andean.pending == ()


def test_a_revised_theme_sheet_is_a_new_revision_of_the_approved_one(db, actors):
    workshop = andean_workshop(db, actors, date(2024, 1, 9), date(2024, 1, 10))
    revision = deliverables.start_deliverable(db, actors["secretariat"], workshop.id, "theme_sheet")
    assert revision.status == Status.DRAFT and revision.approved_revision == 1
    assert (
        deliverables.deliverables(db, actors["secretariat"], workshop.id)[0].status == Status.DRAFT
    )
    approved = submit_and_approve(db, actors, revision, ThemeSheet.from_dict(revision.content))
    first = deliverables.deliverables(db, actors["secretariat"], workshop.id)[0]
    assert approved.approved_revision == 2 and first.done


def test_the_demo_tells_the_story_of_a_held_workshop(db, actors):
    statuses = deliverables.deliverables(db, actors["secretariat"], water_workshop(db, actors).id)
    assert [(d.kind, d.status) for d in statuses] == [
        ("theme_sheet", "approved"),
        ("constitution_sheet", "approved"),
        ("priority_problem", "draft"),
        ("pilot_draft", "changes_requested"),
    ]
    late = [
        d
        for d in progress_service.overview(db, actors["secretariat"]).late
        if d.what in DELIVERABLE_KINDS
    ]
    assert {(d.progress.id, d.what, d.target) for d in late} == {
        (WATER, "priority_problem", date(2024, 1, 15)),
        (WATER, "pilot_draft", date(2024, 1, 15)),
    }
    planned = service.current_workshop(db, actors["secretariat"], 2)
    assert (
        planned.status == "planned"
        and len(service.participants(db, actors["advisory"], planned.id)) == 2
    )
    assert service.current_workshop(db, actors["secretariat"], ANDEAN) is None


def test_overdue_deliverables_are_late_items_of_the_overview(db, actors):
    workshop = andean_workshop(db, actors, date(2023, 11, 6), date(2023, 11, 8))
    service.save_workshop(
        db, actors["secretariat"], dataclasses.replace(workshop, status=WorkshopStatus.HELD)
    )
    overview = progress_service.overview(db, actors["secretariat"])
    late = [d for d in overview.late if d.progress.id == ANDEAN and d.progress.kind == "network"]
    assert {d.what for d in late if d.what} == {
        "theme_sheet",
        "constitution_sheet",
        "priority_problem",
        "pilot_draft",
    }
    assert {d.target for d in late if d.what} == {date(2024, 1, 7)}


# --- exports and the access matrix -----------------------------------------------------------

AMOUNTS = ("4200", "4 200", "4\u202f200", "4,200", "1650", "1 650", "2300", "2 300")


def pdf_text(data: bytes) -> str:
    text = subprocess.run(
        ["pdftotext", "-raw", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode("utf-8")
    return text.replace("\u202f", " ").replace("\xa0", " ")


def test_a_participating_or_other_citys_programme_holds_no_amount(db, actors):
    workshop = water_workshop(db, actors)
    full = pdf_text(exports.programme_pdf(db, actors["secretariat"], workshop.id, "fr"))
    assert "4 200,00" in full and "Mateo" in full  # costs and participants for the organisers
    for name in ("bruges", "cordoba"):
        text = pdf_text(exports.programme_pdf(db, actors[name], workshop.id, "es"))
        assert "Welcome and context" in text or "Bienvenida" in text or "Día 1" in text
        assert not any(amount in text for amount in AMOUNTS), name
    assert "Mateo" in pdf_text(exports.programme_pdf(db, actors["bruges"], workshop.id, "en"))
    assert "Mateo" not in pdf_text(exports.programme_pdf(db, actors["cordoba"], workshop.id, "en"))


EXPORTS = {
    "programme": lambda db, actor, w: exports.programme_pdf(db, actor, w, "en"),
    "calendar": lambda db, actor, w: exports.calendar_ics(db, actor, w, "en"),
    "participants_csv": lambda db, actor, w: exports.participants_csv(db, actor, w, "en"),
    "participants_vcard": lambda db, actor, w: exports.participants_vcard(db, actor, w),
    "approved_constitution": lambda db, actor, w: exports.approved_deliverable_pdf(
        db, actor, w, "constitution_sheet", "en"
    ),
    "costs": lambda db, actor, w: costs.costs(db, actor, w) or None,
}
# role × export: allowed (True) or refused (False); None for costs means "nothing readable"
ACCESS = {
    "secretariat": dict.fromkeys(EXPORTS, True),
    "advisory": dict.fromkeys(EXPORTS, True),
    "bordeaux": dict.fromkeys(EXPORTS, True),  # the pilot city
    "bruges": {**dict.fromkeys(EXPORTS, True), "costs": False},  # participating
    "cordoba": {  # another member city: that it exists, its dates and programme
        "programme": True,
        "calendar": True,
        "participants_csv": False,
        "participants_vcard": False,
        "approved_constitution": False,
        "costs": False,
    },
}


@pytest.mark.parametrize("name", list(ACCESS))
def test_the_access_matrix_of_workshop_data_and_exports(db, actors, name):
    workshop = water_workshop(db, actors)
    for export, allowed in ACCESS[name].items():
        try:
            result = EXPORTS[export](db, actors[name], workshop.id)
        except PermissionDenied:
            result = None
        assert (result is not None) == allowed, (name, export)


def test_a_participating_city_reads_an_approved_deliverable_but_not_the_submission(db, actors):
    workshop = water_workshop(db, actors)
    submission, content = exports.approved_deliverable(
        db, actors["bruges"], workshop.id, "constitution_sheet"
    )
    assert content["coordination"].startswith("Bordeaux runs")
    with pytest.raises(PermissionDenied):
        submission_service.get_submission(db, actors["bruges"], submission.id)
    # not approved yet: nothing to read
    assert (
        exports.approved_deliverable(db, actors["bruges"], workshop.id, "priority_problem") is None
    )


def test_the_calendar_has_one_event_per_day_in_the_workshop_citys_time_zone(db, actors):
    text = exports.calendar_ics(db, actors["cordoba"], water_workshop(db, actors).id, "fr").decode()
    assert text.count("BEGIN:VEVENT") == 3
    # Bordeaux in November (UTC+1): 9:00 local is 8:00 UTC
    assert "DTSTART:20231114T080000Z" in text and "Jour 3" in text


def test_the_participants_export_as_csv_and_vcard(db, actors):
    workshop = water_workshop(db, actors)
    csv = exports.participants_csv(db, actors["bordeaux"], workshop.id, "fr").decode("utf-8-sig")
    assert csv.splitlines()[0].startswith("Nom,Ville,Courriel,Rôle")
    assert len(csv.splitlines()) == 1 + 4
    vcard = exports.participants_vcard(db, actors["bordeaux"], workshop.id).decode()
    assert vcard.count("BEGIN:VCARD") == 4


def test_the_plans_calendar_shows_the_linked_workshop(db, actors):
    from ovpm.services import networks as network_service

    plan = network_service.plan_view(db, actors["cordoba"], WATER).plan
    linked = next(a for a in plan.activities if a.title == "International workshop in Bordeaux")
    assert (linked.starts, linked.ends, linked.status) == (
        date(2023, 11, 14),
        date(2023, 11, 16),
        "done",
    )


def test_the_secretariat_sets_the_deliverables_due_date(db, actors):
    workshop = water_workshop(db, actors)
    later = dataclasses.replace(workshop, deliverables_due=date(2024, 4, 30))
    with pytest.raises(PermissionDenied):
        service.save_workshop(db, actors["bordeaux"], later)
    saved = service.save_workshop(db, actors["secretariat"], later)
    assert saved.due == date(2024, 4, 30)
    late = [
        d
        for d in progress_service.overview(db, actors["secretariat"]).late
        if d.what in DELIVERABLE_KINDS
    ]
    assert late == []  # no longer overdue on the pinned day


def test_lengthening_a_workshop_adds_an_empty_programme_for_its_new_day(db, actors):
    workshop = andean_workshop(db, actors, date(2024, 6, 4), date(2024, 6, 5))
    saved = service.save_workshop(
        db, actors["secretariat"], dataclasses.replace(workshop, last_day=date(2024, 6, 6))
    )
    assert [(s.day, s.half, s.title) for s in saved.programme][-2:] == [
        (3, "morning", ""),
        (3, "afternoon", ""),
    ]
    assert saved.programme[:4] == workshop.programme
