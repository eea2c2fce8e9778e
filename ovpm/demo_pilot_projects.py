"""The demo's complete path through steps 2 and 3: the network "Heritage and creative economy",
piloted by Suzhou with Évora and Cuenca, met, planned, held its workshop in June 2023 with its
four deliverables done; its pilot project (four indicators, two approved progress reports) is
completed, its evaluation and its contribution to the New Urban Project approved. A second
project, carried by Évora from a promoted seed, has a report overdue on the pinned day. The
General Secretariat fills the forms on behalf of the cities (they have no demo account). Names,
texts and figures are invented."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta

from ovpm import clock
from ovpm.domain.congress import Contribution, Evaluation
from ovpm.domain.deliverables import (
    ConstitutionSheet,
    MemberRole,
    PilotDraftReport,
    PriorityProblemSheet,
    Problem,
    Step,
)
from ovpm.domain.deliverables import Indicator as DraftIndicator
from ovpm.domain.diagnosis import ProjectSeed
from ovpm.domain.indicators import Direction, Indicator
from ovpm.domain.meetings import Meeting, MeetingKind
from ovpm.domain.networks import ActionPlan, Activity, parse_amount
from ovpm.domain.pilot_projects import ProgressReport, ProjectDefinition
from ovpm.domain.submissions import SubmissionKind
from ovpm.domain.times import to_utc
from ovpm.domain.workshops import WorkshopStatus
from ovpm.services import (
    congress,
    diagnosis,
    indicators,
    meetings,
    networks,
    pilot_projects,
    progress_reports,
    submissions,
    workshop_deliverables,
    workshops,
)
from ovpm.store import cities, users
from ovpm.store.db import Database

NETWORK = "Heritage and creative economy"
ZONE = "Asia/Shanghai"
PLAN = ActionPlan(
    concept="Craft workshops, festivals and studios as a living use of historic buildings (demo).",
    challenges="Rents push artisans out of historic centres (demo text).",
    activities=(
        Activity(
            "virtual_meeting", "Preparatory meeting", date(2023, 4, 19), None, "Online", "done"
        ),
        Activity(
            "international_workshop",
            "International workshop in Suzhou",
            date(2023, 6, 12),
            date(2023, 6, 14),
            "Suzhou",
            "done",
        ),
    ),
    collective_work="A monthly call and a shared folder of studio leases (demo text).",
)
DRAFT = PilotDraftReport(
    "Artisans' studios in historic buildings (demo)",
    "Bring crafts back into empty historic buildings at fair rents (demo text).",
    "Twenty studios open; visitors who meet the artisans (demo text).",
    (
        DraftIndicator("Studios open", "studios", "20"),
        DraftIndicator("Empty historic buildings", "buildings", "5"),
    ),
    "Craft guild, heritage office (demo)",
    (Step("First ten studios", date(2023, 12, 31)), Step("Twenty studios", date(2024, 2, 15))),
    "240000",
    "EUR",
)
# indicator → baseline, target, direction, values (day, value)
VALUES = {
    "Studios open": ("0", "20", Direction.HIGHER, (("2023-10-15", "8"), ("2024-01-20", "17"))),
    "Empty historic buildings": (
        "14",
        "5",
        Direction.LOWER,
        (("2023-10-15", "11"), ("2024-01-20", "6")),
    ),
    "Visitors meeting artisans": (
        "0",
        "30000",
        Direction.HIGHER,
        (("2023-10-31", "6500"), ("2024-01-31", "21000")),
    ),
    "Share of studios run by young artisans": (
        "10",
        "40",
        Direction.HIGHER,
        (("2023-10-31", "25"), ("2024-01-31", "35")),
    ),
}


@contextmanager
def _on(year: int, month: int, day: int) -> Iterator[None]:
    with clock.recording_at(datetime(year, month, day, 9)):
        yield


def create_demo_pilot_projects(db: Database, scale: int = 1) -> int:
    """The complete path and the overdue report; returns how many projects. At scale > 1 the
    benchmark's larger database: `scale` times the projects and the measured values."""
    with db.reading() as cur:
        secretariat = users.find(cur, "secretariat")
        city_ids = {name: city_id for city_id, name in cities.names(cur).items()}
    network = _network(db, secretariat, city_ids)
    workshop_id = _workshop(db, secretariat, network.id)
    project = _project(db, secretariat, workshop_id)
    _evaluation_and_contribution(db, secretariat, network.id, project)
    _seed_project(db, secretariat, network, city_ids["Évora"])
    carriers = [city_ids[name] for name in ("Suzhou", "Évora", "Cuenca")]
    extra = [
        _scale_project(db, secretariat, network, carriers[copy % 3], copy)
        for copy in range(2 * (scale - 1))
    ]
    for copy in range(scale - 1):
        _indicators(db, secretariat, project, shift=timedelta(days=copy + 1))
    return 2 + len(extra)


def _network(db: Database, secretariat, city_ids: dict):
    frame = submissions.listing(db, secretariat, kinds=["theme_sheet"])
    theme_sheet = int(frame[frame["city"] == "Suzhou"].iloc[0]["id"])
    with _on(2023, 3, 20):
        network = networks.create_network(db, secretariat, theme_sheet, NETWORK)
        for city in ("Évora", "Cuenca"):
            networks.invite(db, secretariat, network.id, city_ids[city])
            networks.decide(db, secretariat, network.id, city_ids[city], True)
    with _on(2023, 4, 5):
        meetings.save_meeting(
            db,
            secretariat,
            Meeting(
                None,
                network.id,
                network.pilot_city_id,
                MeetingKind.PREPARATORY,
                "",
                to_utc(date(2023, 4, 19), time(15), ZONE),
                60,
                ZONE,
                link="https://meet.example.org/creative-economy",
                notes="Brainstorm: studios, rents, festivals (demo notes).",
            ),
        )
    with _on(2023, 4, 25):
        draft = networks.start_plan(db, secretariat, network.id)
        sent = submissions.submit(db, secretariat, draft.id, PLAN, draft.version)
    with _on(2023, 5, 2):
        submissions.approve(db, secretariat, sent.id, sent.version, "Approved (demo).")
    return network


def _approved(db: Database, secretariat, submission, content, day: date):
    with _on(day.year, day.month, day.day):
        sent = submissions.submit(db, secretariat, submission.id, content, submission.version)
        return submissions.approve(db, secretariat, sent.id, sent.version, "Approved (demo).")


def _workshop(db: Database, secretariat, network_id: int) -> int:
    with _on(2023, 5, 15):
        workshop = workshops.create_workshop(
            db, secretariat, network_id, date(2023, 6, 12), date(2023, 6, 14), "", "en"
        )
    with _on(2023, 6, 15):
        workshop = workshops.get_workshop(db, secretariat, workshop.id)
        workshop = workshops.save_workshop(
            db, secretariat, dataclasses.replace(workshop, status=WorkshopStatus.HELD)
        )
        workshop_deliverables.mark_theme_sheet_not_needed(
            db,
            secretariat,
            workshop.id,
            workshop.version,
            "The priority theme stayed as approved (demo).",
        )
    contents = {
        "constitution_sheet": ConstitutionSheet(
            (MemberRole("Suzhou", "Pilot city"), MemberRole("Évora", "Member")),
            "Suzhou's heritage office coordinates (demo).",
            "Consensus at the monthly call (demo).",
            "Monthly online, yearly in person (demo).",
        ),
        "priority_problem": PriorityProblemSheet(
            (Problem("Empty historic buildings", "Upper floors stay empty (demo)."),),
            0,
            "How can crafts pay fair rents in historic buildings? (demo)",
        ),
        "pilot_draft": DRAFT,
    }
    for kind, content in contents.items():
        with _on(2023, 6, 26):
            started = workshop_deliverables.start_deliverable(db, secretariat, workshop.id, kind)
        _approved(db, secretariat, started, content, date(2023, 7, 3))
    return workshop.id


def _project(db: Database, secretariat, workshop_id: int):
    report = next(
        d
        for d in workshop_deliverables.deliverables(db, secretariat, workshop_id)
        if d.kind == SubmissionKind.PILOT_DRAFT
    )
    with _on(2023, 7, 10):
        project_id = pilot_projects.start_from_pilot_draft(db, secretariat, report.submission_id)
        project = pilot_projects.get_project(db, secretariat, project_id)
        definition = submissions.get_submission(db, secretariat, project.definition_id)
    _approved(
        db,
        secretariat,
        definition,
        ProjectDefinition.from_dict(definition.content),
        date(2023, 7, 20),
    )
    with _on(2023, 8, 1):
        project = pilot_projects.get_project(db, secretariat, project_id)
        project = pilot_projects.move(db, secretariat, project.id, project.version, "launched")
        project = pilot_projects.set_schedule(db, secretariat, project.id, project.version, 3, ())
        _indicators(db, secretariat, project)
    for due, end, done in (
        (date(2023, 11, 1), date(2023, 10, 31), "Eight studios opened in two buildings (demo)."),
        (date(2024, 2, 1), date(2024, 1, 31), "Seventeen studios; a crafts weekend (demo)."),
    ):
        with _on(due.year, due.month, due.day):
            if due.month == 11:
                project = pilot_projects.get_project(db, secretariat, project_id)
                pilot_projects.move(db, secretariat, project.id, project.version, "under_way")
            started = progress_reports.start_report(db, secretariat, project_id, due)
        start = ProgressReport.from_dict(started.content).period_start
        typed = ProgressReport(start, end, done, "Leases take long to sign (demo).", "Next studios")
        _approved(db, secretariat, started, typed, due.replace(day=8))
    with _on(2024, 2, 15):
        project = pilot_projects.get_project(db, secretariat, project_id)
        return pilot_projects.move(db, secretariat, project.id, project.version, "completed")


def _indicators(db: Database, secretariat, project, shift: timedelta = timedelta(0)) -> None:
    existing = {s.indicator.name: s.indicator for s in indicators.states(db, secretariat, project)}
    for name, (baseline, target, direction, values) in VALUES.items():
        unit = (
            existing[name].unit if name in existing else ("visitors" if "Visitors" in name else "%")
        )
        indicator = Indicator(
            existing[name].id if name in existing else None,
            project.id,
            name,
            unit,
            parse_amount(baseline),
            parse_amount(target),
            direction,
            existing[name].version if name in existing else 1,
        )
        ident = indicators.save_indicator(db, secretariat, project, indicator)
        for day, value in values:
            measured = date.fromisoformat(day) + shift
            with _on(measured.year, measured.month, measured.day):
                indicators.add_measures(
                    db,
                    secretariat,
                    project,
                    [indicators.new_measure(ident, measured, value, "City survey")],
                )


def _evaluation_and_contribution(db: Database, secretariat, network_id: int, project) -> None:
    with _on(2024, 2, 16):
        evaluation = congress.start_project_evaluation(db, secretariat, project.id)
    _approved(
        db,
        secretariat,
        evaluation,
        Evaluation(
            "Fair leases matter more than grants (demo).",
            "Sign the leases before the works (demo).",
            "Keep a share of studios for young artisans (demo).",
        ),
        date(2024, 2, 19),
    )
    with _on(2024, 2, 19):
        network_evaluation = congress.start_network_document(
            db, secretariat, network_id, SubmissionKind.NETWORK_EVALUATION
        )
    _approved(
        db,
        secretariat,
        network_evaluation,
        Evaluation(
            "Crafts bring life back to historic buildings when rents stay fair (demo).",
            "Involve the craft guild from the first meeting (demo).",
            "A New Urban Project that protects productive uses of heritage (demo).",
        ),
        date(2024, 2, 22),
    )
    with _on(2024, 2, 22):
        contribution = congress.start_network_document(
            db, secretariat, network_id, SubmissionKind.CONTRIBUTION
        )
    _approved(
        db,
        secretariat,
        contribution,
        Contribution(
            "Three cities tested studios for artisans in their historic buildings (demo).",
            "Heritage lives when it works: crafts belong in historic centres (demo).",
        ),
        date(2024, 2, 26),
    )


def _seed_project(db: Database, secretariat, network, evora: int) -> None:
    seed = _promoted_seed(
        db,
        secretariat,
        network,
        ("A festival of living crafts (demo)", "Visitors rarely meet the artisans (demo)."),
        "A yearly weekend of open studios (demo).",
        date(2023, 9, 12),
        "Carried by Évora (demo).",
    )
    project = _launched(
        db, secretariat, seed.id, evora, (date(2023, 9, 20), date(2023, 10, 2), date(2023, 10, 16))
    )
    with _on(2023, 10, 16):
        pilot_projects.set_schedule(
            db, secretariat, project.id, project.version, None, (date(2024, 2, 15),)
        )


def _promoted_seed(db: Database, secretariat, network, named, proposal: str, day: date, note: str):
    """A project seed of the network, promoted; `named`: its title and the problem it answers."""
    process = diagnosis.process_of(db, secretariat, network.id, None)
    with _on(day.year, day.month, day.day):
        seed = diagnosis.save_seed(
            db,
            secretariat,
            ProjectSeed(None, network.id, process.city_id, *named, (), proposal),
        )
        diagnosis.set_seed_status(db, secretariat, seed.id, seed.version, "promoted", note)
    return seed


def _launched(db: Database, secretariat, seed_id: int, carrier: int, days: tuple[date, ...]):
    """A project started from a promoted seed, its definition approved, then launched, on the
    three `days`."""
    started, approved, launched = days
    with _on(started.year, started.month, started.day):
        project_id = pilot_projects.start_from_seed(db, secretariat, seed_id, carrier)
        project = pilot_projects.get_project(db, secretariat, project_id)
        definition = submissions.get_submission(db, secretariat, project.definition_id)
    _approved(
        db, secretariat, definition, ProjectDefinition.from_dict(definition.content), approved
    )
    with _on(launched.year, launched.month, launched.day):
        project = pilot_projects.get_project(db, secretariat, project_id)
        return pilot_projects.move(db, secretariat, project.id, project.version, "launched")


def _scale_project(db: Database, secretariat, network, carrier: int, copy: int) -> int:
    """One more launched project of the network with four measured indicators (scale > 1)."""
    seed = _promoted_seed(
        db,
        secretariat,
        network,
        (f"Crafts project {copy + 1} (demo)", "Artisans need room (demo)."),
        "Open studios (demo).",
        date(2023, 9, 1),
        "",
    )
    project = _launched(
        db, secretariat, seed.id, carrier, (date(2023, 9, 1), date(2023, 9, 4), date(2023, 9, 5))
    )
    _indicators(db, secretariat, project)
    return project.id
