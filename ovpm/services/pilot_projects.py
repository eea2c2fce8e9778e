"""Pilot projects (SPEC.md §4.7): started without retyping from an approved report on a
workshop's initial draft or from a promoted project seed; their definition reviewed before
launch (a submission of the carrying city); their status and report schedule. Access:
ovpm.domain.pilot_projects.project_access, checked here on every path."""

from __future__ import annotations

import dataclasses
from datetime import date

from ovpm.clock import now_utc
from ovpm.domain import N_
from ovpm.domain.deliverables import PilotDraftReport
from ovpm.domain.diagnosis import SeedStatus
from ovpm.domain.errors import FieldError, NotFound
from ovpm.domain.indicators import Indicator
from ovpm.domain.models import Role, User
from ovpm.domain.networks import parse_amount
from ovpm.domain.pilot_projects import (
    Origin,
    Project,
    ProjectAccess,
    ProjectDefinition,
    ProjectStatus,
    ReportSchedule,
    can_move,
    project_access,
    schedule_errors,
)
from ovpm.domain.submissions import Status, Submission, SubmissionKind
from ovpm.services import submissions as submission_service
from ovpm.services._common import require, validate
from ovpm.services.submissions import insert_draft
from ovpm.store import audit, cities, diagnosis, meetings, networks, submissions
from ovpm.store import pilot_projects as store
from ovpm.store.db import Database


def _members(db: Database) -> dict[int, frozenset[int]]:
    """network id → the cities taking part in it (kept until the next write)."""

    return db.kept_read("members_by_network", store.members_by_network)


def access(db: Database, actor: User, project: Project) -> ProjectAccess:
    """What the actor may do with the project."""
    return project_access(actor, project, _members(db).get(project.network_id, frozenset()))


def every_project(db: Database, actor: User, network_id: int | None = None) -> list[Project]:
    """Every project the actor may at least read the summary of (kept until the next write)."""
    found = db.kept_read(("pilot_projects", network_id), lambda cur: store.every(cur, network_id))
    return [p for p in found if access(db, actor, p).summary]


def get_project(db: Database, actor: User, project_id: int) -> Project:
    """A project whose summary the actor may read."""
    project = next((p for p in every_project(db, actor) if p.id == project_id), None)
    if project is None:
        raise NotFound(f"pilot project {project_id}")
    return project


def definition(db: Database, actor: User, project: Project) -> ProjectDefinition:
    """The project's definition: its approved revision, else its working copy (every reader of
    the summary reads it: title, objectives and expected results are the public summary)."""
    require(access(db, actor, project).summary)

    def read(cur) -> dict:
        submission = submissions.get(cur, project.definition_id)
        for revision in submissions.revisions(cur, submission.id):
            if revision.number == submission.approved_revision:
                return revision.content
        return submission.content

    return ProjectDefinition.from_dict(db.kept_read(("definition", project.definition_id), read))


def _audit(cur, actor: User, project_id: int, action: str, before, after, city_id: int) -> None:
    audit.record(
        cur, actor.id, actor.username, "pilot_project", project_id, action, before, after, city_id
    )


def _create(
    cur,
    actor: User,
    network_id: int,
    city_id: int,
    content: ProjectDefinition,
    draft_indicators: tuple = (),
) -> int:
    """The project, its definition as a draft of the carrying city, and its first indicators."""
    draft = insert_draft(
        cur, actor, SubmissionKind.PROJECT_DEFINITION, city_id, content.to_dict(), network_id
    )
    project_id = store.insert(
        cur,
        Project(
            0,
            network_id,
            city_id,
            ProjectStatus.PROPOSED,
            content.origin,
            content.origin_id,
            draft.id,
        ),
        now_utc(),
    )
    for item in draft_indicators:
        store.save_indicator(
            cur,
            Indicator(
                None, project_id, item.name, item.unit, None, parse_amount(item.target or None)
            ),
        )
    _audit(cur, actor, project_id, "create", None, content.to_dict(), city_id)
    return project_id


def start_from_pilot_draft(db: Database, actor: User, submission_id: int) -> int:
    """A project from the approved report on the workshop's initial draft: every field of its
    approved revision, its indicators (targets that are numbers), carried by the network's
    pilot city. The pilot city or the Secretariat; once per report."""
    with db.unit_of_work() as cur:
        report = submissions.get(cur, submission_id)
        require(report.kind == SubmissionKind.PILOT_DRAFT and report.network_id is not None)
        network = networks.get(cur, report.network_id)
        require(actor.role == Role.SECRETARIAT or actor.city_id == network.pilot_city_id)
        if report.approved_revision is None:
            validate([FieldError("origin", N_("The report must be approved first."))])
        _refuse_second(cur, Origin.PILOT_DRAFT, report.id)
        content = next(
            r.content
            for r in submissions.revisions(cur, report.id)
            if r.number == report.approved_revision
        )
        approved = PilotDraftReport.from_dict(content)
        return _create(
            cur,
            actor,
            network.id,
            network.pilot_city_id,
            ProjectDefinition.from_pilot_draft(approved, report.id),
            approved.indicators,
        )


def start_from_seed(db: Database, actor: User, seed_id: int, city_id: int) -> int:
    """A project from a promoted seed of a network, carried by `city_id` (the pilot city or a
    city taking part). The pilot city or the Secretariat; once per seed."""
    with db.unit_of_work() as cur:
        seed = diagnosis.get_seed(cur, seed_id)
        require(seed.network_id is not None)
        network = networks.get(cur, seed.network_id)
        require(actor.role == Role.SECRETARIAT or actor.city_id == network.pilot_city_id)
        if seed.status != SeedStatus.PROMOTED:
            validate([FieldError("origin", N_("Only a promoted seed becomes a pilot project."))])
        carriers = networks.participating_city_ids(cur, network.id) | {network.pilot_city_id}
        if city_id not in carriers:
            validate([FieldError("city", N_("must be the pilot city or a city taking part."))])
        _refuse_second(cur, Origin.SEED, seed.id)
        people = {key: name for key, (name, _city) in meetings.people_names(cur).items()}
        return _create(cur, actor, network.id, city_id, ProjectDefinition.from_seed(seed, people))


def _refuse_second(cur, origin: Origin, origin_id: int) -> None:
    if store.by_origin(cur, str(origin), origin_id) is not None:
        validate([FieldError("origin", N_("A pilot project was already started from it."))])


def move(db: Database, actor: User, project_id: int, version: int, wanted: str) -> Project:
    """Move the project to another status when the move makes sense (launching records the
    day); the carrying city, the pilot city or the Secretariat."""
    with db.unit_of_work() as cur:
        before = store.get(cur, project_id)
        require(access(db, actor, before).edit)
        wanted_status = ProjectStatus(wanted)
        if not can_move(before.status, wanted_status):
            validate([FieldError("status", N_("This change of status is not possible."))])
        launched = before.launched_on
        if wanted_status == ProjectStatus.LAUNCHED and launched is None:
            launched = now_utc().date()  # the day it is recorded (the demo tells its past)
        after = store.update(
            cur,
            dataclasses.replace(
                before, status=wanted_status, launched_on=launched, version=version
            ),
        )
        _audit(
            cur,
            actor,
            project_id,
            "status",
            {"status": str(before.status)},
            {"status": str(after.status)},
            before.city_id,
        )
    return after


def set_schedule(
    db: Database,
    actor: User,
    project_id: int,
    version: int,
    every_months: int | None,
    dates: tuple[date, ...],
) -> Project:
    """The progress reports' schedule: every N months from the launch, or on given dates (the
    Secretariat)."""
    schedule = ReportSchedule(every_months, tuple(sorted(set(dates))))
    validate(schedule_errors(schedule))
    with db.unit_of_work() as cur:
        before = store.get(cur, project_id)
        require(access(db, actor, before).schedule)
        after = store.update(
            cur,
            dataclasses.replace(
                before,
                report_every_months=schedule.every_months,
                report_dates=schedule.dates,
                version=version,
            ),
        )
        _audit(
            cur,
            actor,
            project_id,
            "schedule",
            {"every_months": before.report_every_months, "report_dates": before.report_dates},
            {"every_months": after.report_every_months, "report_dates": after.report_dates},
            before.city_id,
        )
    return after


def startable_reports(db: Database, actor: User) -> list[tuple[int, str]]:
    """Approved reports on a workshop's initial draft from which the actor may start a project
    and none was started yet: (submission id, network name)."""
    with db.reading() as cur:
        rows = store.unstarted_reports(cur)
    return [
        (ident, name)
        for ident, name, pilot in rows
        if actor.role == Role.SECRETARIAT or actor.city_id == pilot
    ]


def startable_seeds(
    db: Database, actor: User, network_id: int | None = None
) -> list[tuple[int, str, str, dict[int, str]]]:
    """Promoted seeds from which the actor may start a project and none was started yet:
    (seed id, title, network name, the cities that may carry it: id → name)."""
    with db.reading() as cur:
        rows = store.unstarted_seeds(cur)
        names = cities.names(cur)
    members = _members(db)
    found = []
    for seed_id, title, network, network_name, pilot in rows:
        if network_id not in (None, network):
            continue
        if actor.role == Role.SECRETARIAT or actor.city_id == pilot:
            carriers = [pilot, *sorted(members.get(network, ()), key=names.get)]
            found.append((seed_id, title, network_name, {c: names[c] for c in carriers}))
    return found


def definition_status(db: Database, actor: User, project: Project) -> Status:
    """Where the definition stands in the review."""
    require(access(db, actor, project).summary)
    return db.kept_read(
        ("submission", project.definition_id),
        lambda cur: submissions.get(cur, project.definition_id),
    ).status


def project_of(db: Database, actor: User, submission: Submission) -> int | None:
    """The project whose definition, report or evaluation a submission the actor reads is."""
    submission_service.get_submission(db, actor, submission.id)
    with db.reading() as cur:
        return store.of_submission(cur, submission.id)
