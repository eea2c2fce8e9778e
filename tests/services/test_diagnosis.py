"""The shared diagnosis and the project seeds: who adds, edits, merges and decides; the merge;
a seed's statuses and its promotion; the exports on every path of the access rules."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from ovpm.domain.diagnosis import DiagnosisEntry, DiagnosisKind, ProjectSeed, SeedStatus
from ovpm.domain.errors import ConflictError, PermissionDenied, ValidationError
from ovpm.services import diagnosis as service
from tests.services.test_networks import pdf_text

WATER = 1  # Bordeaux pilots; Bruges and Cusco take part (demo)


def water(db, actor):
    return service.process_of(db, actor, WATER, None)


def entry(process, text="Too few guides on the quays", kind=DiagnosisKind.NEED, city=4):
    return DiagnosisEntry(None, process.network_id, process.city_id, kind, text, city, "", ("x",))


def test_the_demo_diagnosis_is_shown_without_its_merged_entry(db, actors):
    found = service.entries(db, actors["advisory"], water(db, actors["advisory"]))
    assert len(found) == 12  # thirteen brought, one merged
    kinds = {k: sum(1 for e in found if e.kind == k) for k in DiagnosisKind}
    assert kinds == {"obstacle": 3, "lever": 3, "need": 3, "resource": 3}
    maps = next(e for e in found if e.text.startswith("Each city keeps"))
    assert set(maps.tags) == {"data"} and maps.brought_by_city == "Bruges"


def test_who_reads_adds_edits_and_merges(db, actors):
    process = water(db, actors["secretariat"])
    rights = {name: service.access(db, actor, process) for name, actor in actors.items()}
    assert {n for n, r in rights.items() if r.read} == {
        "secretariat",
        "advisory",
        "bordeaux",
        "bruges",
    }
    assert {n for n, r in rights.items() if r.take_part} == {"secretariat", "bordeaux", "bruges"}
    assert {n for n, r in rights.items() if r.edit} == {"secretariat", "bordeaux"}
    added = service.add_entry(db, actors["bruges"], entry(process))
    for outsider in ("cordoba", "advisory"):
        with pytest.raises(PermissionDenied):
            service.add_entry(db, actors[outsider], entry(process))
    with pytest.raises(PermissionDenied):
        service.entries(db, actors["cordoba"], process)
    with pytest.raises(PermissionDenied):  # a member adds; the pilot city and Secretariat edit
        service.edit_entry(db, actors["bruges"], added)
    edited = service.edit_entry(
        db, actors["bordeaux"], DiagnosisEntry(**{**added.__dict__, "text": "Too few guides"})
    )
    with pytest.raises(ConflictError):
        service.edit_entry(db, actors["secretariat"], added)  # opened before the edit
    other = service.add_entry(db, actors["bordeaux"], entry(process, "No guides at night", city=3))
    kept = service.merge_entries(db, actors["bordeaux"], edited.id, {other.id: other.version})
    shown = {e.id for e in service.entries(db, actors["bordeaux"], process)}
    assert kept.id in shown and other.id not in shown
    with pytest.raises(ValidationError):
        service.merge_entries(db, actors["bordeaux"], edited.id, {})
    with pytest.raises(ValidationError) as refused:
        service.add_entry(db, actors["bruges"], entry(process, text="  "))
    assert refused.value.errors[0].field == "text"


def test_a_city_process_is_its_citys_alone(db, actors):
    own = service.process_of(db, actors["bruges"], None, actors["bruges"].city_id)
    service.add_entry(db, actors["bruges"], entry(own, "Canal boats crowd the centre", city=4))
    assert service.access(db, actors["bruges"], own).edit
    for outsider in ("bordeaux", "cordoba"):
        with pytest.raises(PermissionDenied):
            service.entries(db, actors[outsider], own)
    assert [p.network_id for p in service.processes(db, actors["cordoba"])] == [None]


def test_seeds_are_proposed_decided_and_promoted_once(db, actors):
    process = water(db, actors["bruges"])
    [promoted, proposed] = service.seeds(db, actors["bruges"], process)
    assert promoted.status == SeedStatus.PROMOTED and "pilot project" in promoted.decision_note
    assert proposed.status == SeedStatus.PROPOSED
    with pytest.raises(ValidationError):  # a promoted seed stays promoted
        service.set_seed_status(db, actors["bordeaux"], promoted.id, promoted.version, "active", "")
    with pytest.raises(PermissionDenied):  # a member proposes, the pilot city decides
        service.set_seed_status(db, actors["bruges"], proposed.id, proposed.version, "active", "")
    active = service.set_seed_status(
        db, actors["bordeaux"], proposed.id, proposed.version, "active", "Go (e2e)"
    )
    assert active.status == SeedStatus.ACTIVE
    new = service.save_seed(
        db,
        actors["bruges"],
        ProjectSeed(
            None,
            WATER,
            process.city_id,
            "Night guides",
            "Visitors at night",
            status=SeedStatus.PROMOTED,  # ignored: a new seed is proposed
        ),
    )
    assert new.status == SeedStatus.PROPOSED
    with pytest.raises(ValidationError) as refused:
        service.save_seed(
            db,
            actors["bruges"],
            ProjectSeed(None, WATER, process.city_id, "", group_people=(), contact_person="user:4"),
        )
    assert {e.field for e in refused.value.errors} == {"seed_title", "contact_person"}
    with pytest.raises(PermissionDenied):  # entries of another process cannot be linked
        service.save_seed(
            db,
            actors["bruges"],
            ProjectSeed(None, WATER, process.city_id, "Linked", diagnosis_ids=(99999,)),
        )


def test_the_exports_hold_the_diagnosis_for_its_readers_only(db, actors):
    process = water(db, actors["bordeaux"])
    csv = service.diagnosis_csv(db, actors["bruges"], process, "fr").decode("utf-8-sig")
    assert csv.count("\n") == 13 and "Apporté par" in csv
    book = load_workbook(io.BytesIO(service.diagnosis_xlsx(db, actors["advisory"], process, "en")))
    assert book.active.max_row == 13
    text = pdf_text(service.diagnosis_and_seeds_pdf(db, actors["bordeaux"], process, "es"))
    assert "Obstáculos" in text and "Flood-ready heritage quays (demo)" in text
    for export in (service.diagnosis_csv, service.diagnosis_xlsx, service.diagnosis_and_seeds_pdf):
        with pytest.raises(PermissionDenied):
            export(db, actors["cordoba"], process, "fr")


def test_the_assessment_is_a_submission_of_the_host_city(db, actors):
    from ovpm.domain.diagnosis import Assessment
    from ovpm.services import submissions

    bordeaux = actors["bordeaux"]
    with pytest.raises(PermissionDenied):  # a member does not keep the network's assessment
        submissions.start_submission(db, actors["bruges"], "assessment", 4, WATER)
    started = submissions.start_submission(db, bordeaux, "assessment", 3, WATER)
    with pytest.raises(ValidationError) as refused:
        submissions.submit(db, bordeaux, started.id, Assessment(decision="continue"), 1)
    assert {e.field for e in refused.value.errors} == {"achieved", "lessons", "how"}
    draft = submissions.get_submission(db, bordeaux, started.id)  # what was typed was kept
    stop = Assessment("Two maps shared", "Meet more often", "stop")
    submitted = submissions.submit(db, bordeaux, started.id, stop, draft.version)
    assert submitted.revision == 1  # stopping needs no "how"
    assert submissions.get_submission(db, actors["advisory"], started.id).network_id == WATER
    with pytest.raises(PermissionDenied):
        submissions.get_submission(db, actors["bruges"], started.id)
    approved = submissions.approve(db, actors["secretariat"], started.id, submitted.version)
    text = pdf_text(submissions.submission_pdf(db, bordeaux, approved.id, 1, "fr"))
    assert "Bilan" in text and "Arrêter" in text
    own = submissions.start_submission(db, actors["bruges"], "assessment", 4, None)
    assert own.network_id is None
