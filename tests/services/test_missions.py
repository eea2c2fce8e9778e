"""Mission4City through the services: eligibility, the request through the review workflow,
the instruction's steps in order, the 1-to-3-day rule, the statuses and who moves them."""

import dataclasses
import io
from datetime import date

import pytest
from PIL import Image

from ovpm.domain.errors import NotFound, PermissionDenied, ValidationError
from ovpm.domain.missions import (
    OBLIGATION_LABELS,
    MissionReport,
    MissionRequest,
    MissionStatus,
    Obligation,
    ObligationState,
    ObligationStatus,
    Programme,
    Step,
    StepRecord,
)
from ovpm.domain.models import Person
from ovpm.services import attachments as attachment_service
from ovpm.services import budget as budget_service
from ovpm.services import library, mission_costs, mission_exports
from ovpm.services import mission_obligations as obligation_service
from ovpm.services import missions as service
from ovpm.services import submissions as submission_service
from ovpm.services import todo as todo_service
from ovpm.store import cities
from tests.services.test_submissions import MINIMAL_PDF
from tests.services.test_workshops import pdf_text

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


def tiny_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), (200, 120, 40)).save(buffer, "PNG")
    return buffer.getvalue()


def published(db, actors, monkeypatch, report: MissionReport | None = None):
    """A mission through its whole life: scheduled, done, photos, report approved, published."""
    secretariat, bordeaux = actors["secretariat"], actors["bordeaux"]
    mission = instructed(db, actors)
    mission = service.move(db, secretariat, mission.id, mission.version, "scheduled")
    monkeypatch.setenv("OVPM_TODAY", "2024-05-08")
    mission = service.move(db, secretariat, mission.id, mission.version, "done")
    media = ObligationState(Obligation.MEDIA, ObligationStatus.DONE, date(2024, 5, 8), "Press")
    obligation_service.save_obligation(db, bordeaux, mission, media, 0, [("quay.png", tiny_png())])
    mission = service.start_report(db, bordeaux, mission.id)
    draft = submission_service.get_submission(db, bordeaux, mission.report_id)
    started = MissionReport.from_dict(draft.content)
    assert started.title == "Flood-proofing the lower town" and len(started.photos) == 1
    report = report or MissionReport(
        started.title,
        started.initial_issue,
        "Protect the quays",
        "Engineers, residents",
        "A method for removable barriers",
        "Site visits and a workshop",
        "Réseau of local actors matters more than walls",
        "A plan for barriers",
        "Removable barriers in listed streets",
        "A second visit in a year",
        started.photos,
    )
    submitted = submission_service.submit(db, bordeaux, draft.id, report, draft.version)
    assert service.get_mission(db, bordeaux, mission.id).status == MissionStatus.REPORT_RECEIVED
    submission_service.approve(db, secretariat, submitted.id, submitted.version)
    mission = service.get_mission(db, secretariat, mission.id)
    return service.move(db, secretariat, mission.id, mission.version, "published")


def test_obligations_are_late_when_not_done_by_their_day(db, actors, monkeypatch):
    secretariat, bordeaux = actors["secretariat"], actors["bordeaux"]
    mission = instructed(db, actors)
    mission = service.move(db, secretariat, mission.id, mission.version, "scheduled")
    items = {s.item: s for s, _v in obligation_service.obligations(db, bordeaux, mission)}
    assert items[Obligation.DOSSIER].due_on == date(2024, 4, 22)  # two weeks before

    def late_items():
        return [s.item for m, s in obligation_service.late(db) if m.id == mission.id]

    assert late_items() == []
    monkeypatch.setenv("OVPM_TODAY", "2024-04-23")
    assert late_items() == [Obligation.DOSSIER]
    dossier = ObligationState(Obligation.DOSSIER, ObligationStatus.DONE, date(2024, 4, 23))
    with pytest.raises(ValidationError) as refused:  # done needs its file
        obligation_service.save_obligation(db, bordeaux, mission, dossier, 0)
    assert refused.value.errors[0].field == "files"
    with pytest.raises(ValidationError):  # a dossier is a PDF, by content
        obligation_service.save_obligation(db, bordeaux, mission, dossier, 0, [("d.pdf", b"no")])
    obligation_service.save_obligation(db, bordeaux, mission, dossier, 0, [("d.pdf", MINIMAL_PDF)])
    assert late_items() == []
    with pytest.raises(PermissionDenied):
        obligation_service.save_obligation(db, actors["bruges"], mission, dossier, 1)


def test_costs_are_budget_lines_the_requesting_city_reads(db, actors):
    secretariat, bordeaux, bruges = actors["secretariat"], actors["bordeaux"], actors["bruges"]
    mission = instructed(db, actors)
    with pytest.raises(PermissionDenied):
        mission_costs.add_cost(
            db, bordeaux, mission.id, "travel", "x", "10", "EUR", "general_secretariat"
        )
    with pytest.raises(ValidationError):
        mission_costs.add_cost(
            db, secretariat, mission.id, "travel", "x", "-1", "EUR", "general_secretariat"
        )
    mission_costs.add_cost(
        db,
        secretariat,
        mission.id,
        "travel",
        "Expert's flight",
        "950",
        "EUR",
        "general_secretariat",
    )
    mission_costs.add_cost(
        db, secretariat, mission.id, "expertise", "Local engineer", "400", "EUR", "requesting_city"
    )
    assert len(mission_costs.costs(db, bordeaux, mission)) == 2
    assert len(mission_costs.costs(db, actors["advisory"], mission)) == 2
    with pytest.raises(NotFound):
        service.get_mission(db, bruges, mission.id)
    views = budget_service.tables(db, budget_service.report(db, secretariat), "en")
    by_mission = views["by_mission"].set_index("mission")
    assert by_mission.loc["Bordeaux — Flood-proofing the lower town", "planned"] == 1350
    assert "Expert's flight" not in set(
        budget_service.tables(db, budget_service.report(db, bruges), "en")["lines"]["description"]
    )


def test_the_library_finds_a_practice_without_its_accents_and_ranks_it(db, actors, monkeypatch):
    bruges = actors["bruges"]
    hits = library.search(db, bruges, "reseau")  # the demo's practice of Bordeaux, in French
    assert hits and hits[0].practice.title.startswith("Un réseau de chaleur")
    assert "Réseau" in [
        text for text, on in hits[0].passages["title"] + hits[0].passages.get("lessons", ()) if on
    ] or any(on for text, on in hits[0].passages["title"])
    mission = published(db, actors, monkeypatch)
    found = [h.practice.mission_id for h in library.search(db, bruges, "reseau")]
    assert mission.id in found and found[0] != mission.id  # the demo's has the word twice
    assert library.search(db, bruges, "barriers streets")[0].practice.mission_id == mission.id
    assert library.search(db, bruges, "", library.Filters(years=(2021,))) == []
    by_axis = library.search(db, bruges, "", library.Filters(axes=(1,)))
    assert [h.practice.city for h in by_axis] == ["Córdoba"]
    spanish = library.search(db, bruges, "vecinos itinerarios")
    assert spanish[0].practice.city == "Córdoba"


def test_the_better_match_first_and_never_an_unpublished_report(db, actors, monkeypatch):
    first = published(db, actors, monkeypatch)
    second = submitted_mission(db, actors, "cordoba")  # not published: never in the library
    assert all(p.mission_id != second.id for p in library.practices(db, actors["bruges"]))
    with pytest.raises(NotFound):
        library.practice(db, actors["bruges"], second.id)
    received = next(
        m for m in service.every_mission(db, actors["secretariat"]) if m.status == "report_received"
    )
    with pytest.raises(NotFound):  # received, not published
        library.practice(db, actors["quebec"], received.id)
    hits = library.search(db, actors["bruges"], "barriers quays")
    assert hits[0].practice.mission_id == first.id


def test_the_report_pdf_shows_its_photos_and_no_cost(db, actors, monkeypatch):
    mission = published(db, actors, monkeypatch)
    mission_costs.add_cost(
        db,
        actors["secretariat"],
        mission.id,
        "travel",
        "Flight",
        "98765.43",
        "EUR",
        "general_secretariat",
    )
    data = submission_service.submission_pdf(db, actors["bordeaux"], mission.report_id, None, "fr")
    text = pdf_text(data)
    assert "Rapport de mission" in text and "98765" not in text and "98 765" not in text
    assert b"/Subtype /Image" in data


def test_the_overview_panel_the_pipeline_exports_and_the_lists_of_what_to_do(db, actors):
    secretariat, advisory, bruges = actors["secretariat"], actors["advisory"], actors["bruges"]
    panel = mission_exports.panel(db, advisory)
    assert panel.by_status[MissionStatus.PUBLISHED] == 2  # the demo's two practices
    assert [(m.city_name, item) for m, item, _day in panel.late] == [("Évora", Obligation.MEDIA)]
    assert mission_exports.panel(db, bruges).late == []  # only its own missions
    frame = mission_exports.pipeline_frame(db, secretariat, "en")
    assert frame.iloc[0]["days_waiting"] >= frame.iloc[1]["days_waiting"]  # oldest waiting first
    assert set(mission_exports.pipeline_frame(db, bruges, "en")["city"]) == {"Bruges"}
    for reader in (secretariat, advisory):
        assert "Valparaíso" in mission_exports.pipeline_csv(db, reader, "fr").decode("utf-8-sig")
        assert mission_exports.pipeline_xlsx(db, reader, "fr").startswith(b"PK")
    with pytest.raises(PermissionDenied):
        mission_exports.pipeline_csv(db, bruges, "fr")
    scheduled = next(
        m for m in service.every_mission(db, secretariat) if m.status == MissionStatus.SCHEDULED
    )
    calendar = mission_exports.mission_ics(db, secretariat, scheduled.id, "fr").decode()
    assert calendar.count("BEGIN:VEVENT") == 3 and "DTSTART:20240415T1300" in calendar  # Québec
    with pytest.raises(NotFound):
        mission_exports.mission_ics(db, bruges, scheduled.id, "fr")
    todo = {(i.subject, i.detail) for i in todo_service.my_list(db, secretariat)}
    assert ("Traffic in the walled town (demo)", OBLIGATION_LABELS[Obligation.MEDIA]) in todo
    quebec = {(i.subject, i.detail) for i in todo_service.my_list(db, actors["quebec"])}
    assert (
        "Flood-proofing the lower town (demo)",
        OBLIGATION_LABELS[Obligation.DOSSIER],
    ) not in quebec


def test_the_briefing_pack_has_a_mission4city_page(db, actors):
    from ovpm.services import progress as progress_service

    data = progress_service.briefing_pdf(
        db, actors["advisory"], progress_service.Scope(), date(2024, 1, 18), "en"
    )
    text = pdf_text(data)
    assert "Mission4City" in text and "Traffic in the walled town" in text
    assert "Missions this year" in text


READERS = ("secretariat", "advisory", "bordeaux", "bruges")


def test_access_matrix_of_a_mission_and_its_exports(db, actors, monkeypatch):
    """role × request, report, obligations, costs, library, exports: the requesting city, the
    Secretariat and the Advisory Group read the mission; another city reads only the published
    practice; the Secretariat alone instructs; the requesting city and the Secretariat write."""
    mission = published(db, actors, monkeypatch)  # requested by Bordeaux
    mission_costs.add_cost(
        db,
        actors["secretariat"],
        mission.id,
        "travel",
        "Flight",
        "10",
        "EUR",
        "general_secretariat",
    )
    expected = {"secretariat": True, "advisory": True, "bordeaux": True, "bruges": False}
    for name in READERS:
        actor, allowed = actors[name], expected[name]
        for read in (
            lambda a: service.get_mission(db, a, mission.id),
            lambda a: submission_service.get_submission(db, a, mission.request_id),
            lambda a: submission_service.submission_pdf(db, a, mission.report_id, None, "en"),
            lambda a: mission_exports.mission_ics(db, a, mission.id, "en"),
            lambda a: attachment_service.read_attachment(
                db,
                a,
                MissionRequest.from_dict(
                    submission_service.get_submission(
                        db, actors["secretariat"], mission.request_id
                    ).content
                ).letter_id,
            ),
        ):
            if allowed:
                read(actor)
            else:
                with pytest.raises((NotFound, PermissionDenied)):
                    read(actor)
        seen = service.get_mission(db, actors["secretariat"], mission.id)
        if allowed:
            assert len(obligation_service.obligations(db, actor, seen)) == 4
            assert len(mission_costs.costs(db, actor, seen)) == 1
        else:
            with pytest.raises(PermissionDenied):
                mission_costs.costs(db, actor, seen)
        # the library: every reader, the published practice, its PDF and photo, no cost
        practice = library.practice(db, actor, mission.id)
        photo = practice.report.photos[0]
        assert library.photo(db, actor, mission.id, photo).startswith(b"\x89PNG")
        text = pdf_text(library.practice_pdf(db, actor, mission.id, "en"))
        assert "Flight" not in text and "10.00" not in text
    for name in ("advisory", "bordeaux", "bruges"):
        with pytest.raises(PermissionDenied):
            service.record_step(db, actors[name], mission.id, StepRecord(Step.CONTACT, TODAY, "x"))
        with pytest.raises(PermissionDenied):
            mission_costs.add_cost(
                db, actors[name], mission.id, "travel", "x", "1", "EUR", "other_source"
            )
    for name in ("advisory", "bruges"):
        with pytest.raises(PermissionDenied):
            service.start_request(db, actors[name], actors["bordeaux"].city_id)


def test_a_marked_title_is_shown_whole(db, actors):
    hits = library.search(db, actors["bruges"], "reseau")
    title = "".join(text for text, _on in hits[0].passages["title"])
    assert title == hits[0].practice.title  # not an excerpt cut before its last word
