"""Demo international workshops: "Living with water" held in Bordeaux in November 2023 with two
deliverables approved (the constitution sheet and the revised theme sheet), the report on the
pilot project's draft returned for changes and the priority problem sheet a draft (overdue on
the pinned day); "Multicultural neighbourhoods" planned in Kazan in May 2024 with its programme and matched
experts; "Living Andean heritage" has none. Names, people and amounts are invented."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

from ovpm import clock
from ovpm.domain.deliverables import (
    ConstitutionSheet,
    Indicator,
    MemberRole,
    PilotDraftReport,
    PriorityProblemSheet,
    Problem,
    Step,
)
from ovpm.domain.models import ContactKind
from ovpm.domain.networks import FunderKind
from ovpm.domain.submissions import content_of
from ovpm.domain.workshops import Participant, ParticipantRole, WorkshopStatus
from ovpm.services import submissions, workshop_costs, workshop_deliverables, workshops
from ovpm.store import contacts, users
from ovpm.store.db import Database
from ovpm.store.progress import network_names


def _on(year: int, month: int, day: int):
    return clock.recording_at(datetime(year, month, day, 15))


def _network_id(db: Database, name: str) -> int:
    with db.reading() as cur:
        return next(n for n, label in network_names(cur).items() if label == name)


def _people(db: Database) -> dict:
    with db.reading() as cur:
        return {n: users.find(cur, n) for n in ("secretariat", "bordeaux")}


CONSTITUTION = ConstitutionSheet(
    (
        MemberRole("Bordeaux", "Pilot city: coordinates the network (demo)"),
        MemberRole("Bruges", "Member: leads the work on residents (demo)"),
        MemberRole("Cusco", "Member: shares its flood maps (demo)"),
    ),
    "Bordeaux runs the secretariat of the network and calls its meetings (demo text).",
    "Decisions by consensus of the member cities; the pilot city arbitrates (demo text).",
    "An online meeting every two months and one meeting in person a year (demo text).",
)
PRIORITY_PROBLEM = PriorityProblemSheet(
    (
        Problem("Flooded quays", "Heritage quays flood several times each winter (demo)."),
        Problem("Residents leaving", "Insurance costs push residents away (demo)."),
        Problem("Scattered data", "Each city keeps its own flood maps (demo)."),
    ),
    0,
    "How can heritage quays stay open and alive when the river rises? (demo)",
)
PILOT_DRAFT = PilotDraftReport(
    "Flood-ready heritage quays (demo)",
    "Protect the quays while keeping them open to residents (demo text).",
    "Fewer days of closure; a shared flood map (demo text).",
    (Indicator("Days of closure of the quays", "days/year", "10"),),
    "Port authority, river agency (demo)",
    (Step("Shared flood map", date(2024, 9, 30)), Step("First works", date(2025, 3, 31))),
    "185000",
    "EUR",
)


def _contact_ids(db: Database, kind: str) -> list[int]:
    with db.reading() as cur:
        return [c.id for c in contacts.of_kind(cur, kind)]


def _held_workshop(db: Database, people: dict) -> None:
    secretariat, bordeaux = people["secretariat"], people["bordeaux"]
    water = _network_id(db, "Living with water")
    with _on(2023, 9, 20):
        workshop = workshops.create_workshop(
            db, secretariat, water, date(2023, 11, 14), date(2023, 11, 16), "", "en"
        )
        workshop = workshops.save_workshop(
            db,
            bordeaux,
            dataclasses.replace(
                workshop,
                activity_key="International workshop in Bordeaux",
                provides_room=True,
                provides_meals=True,
                provides_other="Boat trip along the quays (demo)",
            ),
        )
        matched = workshops.candidates(
            db, secretariat, workshop.id, ParticipantRole.INTERNATIONAL_EXPERT
        )
        for candidate in matched[:3]:
            workshops.add_participant(
                db,
                secretariat,
                workshop.id,
                Participant(candidate.contact.id, ParticipantRole.INTERNATIONAL_EXPERT, True),
            )
        advisor = _contact_ids(db, ContactKind.ADVISORY_MEMBER)[0]
        workshops.add_participant(
            db,
            secretariat,
            workshop.id,
            Participant(advisor, ParticipantRole.ADVISORY_MEMBER, True),
        )
        workshop_costs.add_cost(
            db,
            secretariat,
            workshop.id,
            "travel",
            "Flights of the experts (demo)",
            "4200.00",
            "EUR",
            FunderKind.SECRETARIAT,
        )
        workshop_costs.add_cost(
            db,
            secretariat,
            workshop.id,
            "accommodation",
            "Hotel, 3 nights (demo)",
            "1650.00",
            "EUR",
            FunderKind.SECRETARIAT,
        )
        workshop_costs.add_cost(
            db,
            bordeaux,
            workshop.id,
            "venue_meals",
            "Room and lunches (demo)",
            "2300.00",
            "EUR",
            FunderKind.PILOT,
        )
    with _on(2023, 11, 17):
        workshop = workshops.get_workshop(db, secretariat, workshop.id)
        workshops.save_workshop(
            db, secretariat, dataclasses.replace(workshop, status=WorkshopStatus.HELD)
        )
    _deliverables(db, people, workshop.id)


def _deliverables(db: Database, people: dict, workshop_id: int) -> None:
    """The constitution sheet and the revised theme sheet approved, the report on the pilot
    project's draft returned for changes, the priority problem sheet a draft without its
    questions yet."""
    secretariat, bordeaux = people["secretariat"], people["bordeaux"]
    with _on(2023, 12, 4):
        constitution = workshop_deliverables.start_deliverable(
            db, bordeaux, workshop_id, "constitution_sheet"
        )
        constitution = submissions.submit(
            db, bordeaux, constitution.id, CONSTITUTION, constitution.version
        )
        report = workshop_deliverables.start_deliverable(db, bordeaux, workshop_id, "pilot_draft")
        report = submissions.submit(db, bordeaux, report.id, PILOT_DRAFT, report.version)
        sheet = workshop_deliverables.start_deliverable(db, bordeaux, workshop_id, "theme_sheet")
        sheet = submissions.submit(
            db, bordeaux, sheet.id, content_of(sheet.kind, sheet.content), sheet.version
        )
        problem = workshop_deliverables.start_deliverable(
            db, bordeaux, workshop_id, "priority_problem"
        )
        submissions.save_draft(
            db,
            bordeaux,
            problem.id,
            dataclasses.replace(PRIORITY_PROBLEM, questions=""),
            problem.version,
        )
    with _on(2023, 12, 11):
        for done in (constitution, sheet):
            submissions.approve(db, secretariat, done.id, done.version, "Approved (demo).")
        submissions.request_changes(
            db,
            secretariat,
            report.id,
            report.version,
            "Please give a yearly cost and a second indicator (demo).",
        )


def _planned_workshop(db: Database, people: dict) -> None:
    secretariat = people["secretariat"]
    multicultural = _network_id(db, "Multicultural neighbourhoods")
    with _on(2024, 2, 20):
        workshop = workshops.create_workshop(
            db, secretariat, multicultural, date(2024, 5, 14), date(2024, 5, 16), "", "en"
        )
        matched = workshops.candidates(
            db, secretariat, workshop.id, ParticipantRole.INTERNATIONAL_EXPERT
        )
        for candidate in matched[:2]:
            workshops.add_participant(
                db,
                secretariat,
                workshop.id,
                Participant(candidate.contact.id, ParticipantRole.INTERNATIONAL_EXPERT, True),
            )


def create_demo_workshops(db: Database) -> int:
    """The demo workshops; returns how many."""
    people = _people(db)
    _held_workshop(db, people)
    _planned_workshop(db, people)
    return 2
