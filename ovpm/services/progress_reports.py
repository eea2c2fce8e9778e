"""Progress reports of the pilot projects: the schedule's due dates and where each report
stands (due, overdue, submitted, approved), across the programme and per project. Each report is
a submission of the carrying city reviewed like the others; its indicator values are those of
its period, frozen when it is submitted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from ovpm import i18n
from ovpm.clock import today
from ovpm.domain import N_
from ovpm.domain.errors import FieldError
from ovpm.domain.models import User
from ovpm.domain.pilot_projects import (
    ACTIVE_STATUSES,
    REPORT_STATE_LABELS,
    ProgressReport,
    Project,
    ReportSlot,
    ReportState,
    report_state,
)
from ovpm.domain.stages import Stage
from ovpm.domain.submissions import Status, Submission, SubmissionKind
from ovpm.services._common import require, validate
from ovpm.services.pilot_projects import access, every_project
from ovpm.services.submissions import insert_draft
from ovpm.store import pilot_projects as store
from ovpm.store import submissions
from ovpm.store.db import Database


def _slots_of(project: Project, started: list[tuple], on: date) -> list[ReportSlot]:
    """The project's due dates (its schedule's and those a report was started for), each with
    its report's state."""
    by_due = {row[1]: row for row in started if row[3] != Status.WITHDRAWN}
    due_dates = set(by_due)
    if project.status in ACTIVE_STATUSES:  # a completed or dropped project owes no more
        due_dates |= set(project.schedule.due_dates(project.launched_on, on))
    slots = []
    for due_on in sorted(due_dates):
        row = by_due.get(due_on)
        submitted = row is not None and row[4] > 0
        approved = row is not None and row[5] is not None
        slots.append(
            ReportSlot(
                project.id,
                due_on,
                report_state(due_on, submitted, approved, on),
                row[2] if row else None,
                row[6] if row else None,
            )
        )
    return slots


def every_slot(db: Database, on: date) -> dict[int, list[ReportSlot]]:
    """project id → its report slots, for every project that reports (launched once); kept
    per write and day."""

    def compute() -> dict[int, list[ReportSlot]]:
        with db.reading() as cur:
            projects, started = store.every(cur), store.reports(cur)
        by_project: dict[int, list[tuple]] = {}
        for row in started:
            by_project.setdefault(row[0], []).append(row)
        return {
            p.id: _slots_of(p, by_project.get(p.id, []), on)
            for p in projects
            if p.launched_on is not None and p.status in ACTIVE_STATUSES or by_project.get(p.id)
        }

    return db.derived(("report_slots", on), compute)


def slots(db: Database, actor: User, project: Project) -> list[ReportSlot]:
    """The project's reports due, overdue, submitted and approved (those who read it)."""
    require(access(db, actor, project).read)
    return every_slot(db, today()).get(project.id, [])


def next_due(db: Database, project: Project) -> date | None:
    """The first report of the project still to submit (for the summary lists)."""
    pending = [
        s.due_on
        for s in every_slot(db, today()).get(project.id, [])
        if s.state in (ReportState.DUE, ReportState.OVERDUE)
    ]
    return min(pending) if pending else None


def overdue(db: Database, on: date) -> list[tuple[Project, ReportSlot]]:
    """Every overdue report of the programme, oldest first (no access check: the progress
    model and the lists narrow what each reader sees)."""
    with db.reading() as cur:
        projects = {p.id: p for p in store.every(cur)}
    found = [
        (projects[project_id], slot)
        for project_id, found_slots in every_slot(db, on).items()
        for slot in found_slots
        if slot.state == ReportState.OVERDUE and project_id in projects
    ]
    return sorted(found, key=lambda pair: (pair[1].due_on, pair[0].title))


def start_report(db: Database, actor: User, project_id: int, due_on: date) -> Submission:
    """The report answering a due date, as a draft of the carrying city whose period runs from
    the previous due date (or the launch) to this one; the one already started if any."""
    with db.unit_of_work() as cur:
        project = store.get(cur, project_id)
        require(access(db, actor, project).edit)
        found = _slots_of(project, store.reports(cur, project.id), today())
        slot = next((s for s in found if s.due_on == due_on), None)
        if slot is None or project.launched_on is None:
            validate([FieldError("due", N_("No report is due on this date."))])
        if slot.submission_id is not None:
            return submissions.get(cur, slot.submission_id)
        earlier = [s.due_on for s in found if s.due_on < due_on]
        period = ProgressReport(max(earlier) if earlier else project.launched_on, due_on)
        store.forget_withdrawn_report(cur, project.id, due_on)
        draft = insert_draft(
            cur,
            actor,
            SubmissionKind.PROGRESS_REPORT,
            project.city_id,
            period.to_dict(),
            project.network_id,
        )
        store.insert_report(cur, draft.id, project.id, due_on)
        return draft


@dataclass(frozen=True)
class NetworkReports:
    """What a network's pilot projects bring to the progress model."""

    reached: date | None  # the first report of a launched project approved
    overdue: tuple  # (stage, due on, kind) of each overdue report
    carriers: frozenset[int]  # the cities carrying a project of the network


def network_inputs(db: Database, on: date) -> dict[int, NetworkReports]:
    """network id → its pilot projects' stage day, overdue reports and carrying cities."""
    with db.reading() as cur:
        projects = store.every(cur)
    every = every_slot(db, on)
    found: dict[int, NetworkReports] = {}
    for project in projects:
        current = found.get(project.network_id, NetworkReports(None, (), frozenset()))
        approved = [s.approved_on for s in every.get(project.id, []) if s.approved_on]
        reached = current.reached
        if project.launched_on is not None and approved:
            reached = min(filter(None, (reached, min(approved))))
        late = tuple(
            (Stage.PILOT_PROJECT, s.due_on, str(SubmissionKind.PROGRESS_REPORT))
            for s in every.get(project.id, [])
            if s.state == ReportState.OVERDUE
        )
        found[project.network_id] = NetworkReports(
            reached, current.overdue + late, current.carriers | {project.city_id}
        )
    return found


def reports_frame(
    db: Database, actor: User, language: str, project: Project | None = None
) -> pd.DataFrame:
    """Every report due, overdue, submitted and approved of the projects the actor reads in
    full (one project's when given), by due date."""
    _ = i18n.translator(language)
    chosen = [project] if project else every_project(db, actor)
    every = every_slot(db, today())
    rows = []
    for item in chosen:
        if not access(db, actor, item).read:
            continue
        for slot in every.get(item.id, []):
            rows.append(
                [
                    item.network_name,
                    item.title,
                    item.city_name,
                    slot.due_on,
                    _(REPORT_STATE_LABELS[slot.state]),
                    i18n.format_day(slot.approved_on, language, "medium")
                    if slot.approved_on
                    else "—",
                    slot.submission_id,
                    item.id,
                ]
            )
    rows.sort(key=lambda row: (row[3], row[1]))
    return pd.DataFrame(
        rows,
        columns=[
            _("Network"),
            _("Pilot project"),
            _("City"),
            _("Due on"),
            _("Status"),
            _("Approved on"),
            "submission_id",
            "project_id",
        ],
    )
