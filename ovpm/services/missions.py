"""Mission4City (SPEC.md §4.8): requests of member cities in good standing, their instruction
by the Secretariat in four steps (a)–(d), scheduling, the mission and its report. The request
and the report are submissions of the review workflow; the mission follows them."""

from __future__ import annotations

import dataclasses

from ovpm.clock import now_utc, today
from ovpm.domain import N_
from ovpm.domain.errors import FieldError, NotFound
from ovpm.domain.matching import Candidate, Need, rank
from ovpm.domain.missions import (
    MOVES,
    Mission,
    MissionReport,
    MissionRequest,
    MissionStatus,
    Programme,
    Step,
    StepRecord,
    programme_errors,
    schedule_errors,
    step_errors,
)
from ovpm.domain.models import ContactKind, Role, User
from ovpm.domain.submissions import AXIS_LABELS, Axis, Status, SubmissionKind, content_of
from ovpm.services import submissions as submission_service
from ovpm.services._common import require, validate
from ovpm.services.submissions import insert_draft
from ovpm.store import audit, cities, contacts, submissions
from ovpm.store import missions as store
from ovpm.store.db import Database

EXPERT_KINDS = (ContactKind.INTERNATIONAL_EXPERT, ContactKind.LOCAL_EXPERT)


def reads(actor: User, mission: Mission) -> bool:
    """The Secretariat, the Advisory Group and the requesting city read a mission (SPEC.md §1:
    the city's submissions); other cities read only its published report, in the library."""
    return actor.role in (Role.SECRETARIAT, Role.ADVISORY) or (
        actor.role == Role.CITY and actor.city_id == mission.city_id
    )


def writes(actor: User, mission: Mission) -> bool:
    """The requesting city and the Secretariat write the city's part (request, obligations,
    report)."""
    return actor.role == Role.SECRETARIAT or (
        actor.role == Role.CITY and actor.city_id == mission.city_id
    )


def all_missions(db: Database) -> list[Mission]:
    """Every mission, kept until the next write: for services that filter by reader."""
    return db.kept_read(("missions",), store.every)


def every_mission(db: Database, actor: User) -> list[Mission]:
    """The missions the actor reads, newest first (kept until the next write)."""
    return [m for m in all_missions(db) if reads(actor, m)]


def get_mission(db: Database, actor: User, mission_id: int) -> Mission:
    """A mission the actor reads, or NotFound (another city's too: no hint that it exists)."""
    mission = next((m for m in all_missions(db) if m.id == mission_id), None)
    if mission is None or not reads(actor, mission):
        raise NotFound(f"mission {mission_id}")
    return mission


def eligible(db: Database, city_id: int) -> bool:
    """Whether the city is a member in good standing (source 002)."""
    with db.reading() as cur:
        return cities.get(cur, city_id).good_standing


def start_request(db: Database, actor: User, city_id: int) -> Mission:
    """A new request in draft (the city or the Secretariat on its behalf). A city not in good
    standing may prepare it; submitting it is refused."""
    require(actor.role == Role.SECRETARIAT or actor.city_id == city_id)
    with db.unit_of_work() as cur:
        request = insert_draft(
            cur,
            actor,
            str(SubmissionKind.MISSION_REQUEST),
            city_id,
            content_of(SubmissionKind.MISSION_REQUEST, {}).to_dict(),
        )
        mission_id = store.insert(cur, city_id, request.id, now_utc())
        _audit(cur, actor, mission_id, city_id, "create", None, {"request": request.id})
        return store.get(cur, mission_id)


def _audit(cur, actor: User, mission_id: int, city_id: int, action: str, before, after) -> None:
    audit.record(
        cur, actor.id, actor.username, "mission", mission_id, action, before, after, city_id
    )


def _summary(mission: Mission) -> dict:
    return {"status": str(mission.status), "programme": mission.programme.to_dict()}


def moves(actor: User, mission: Mission) -> tuple[MissionStatus, ...]:
    """The statuses the actor may move the mission to now (the Secretariat's moves; the city
    withdraws)."""
    found: tuple[MissionStatus, ...] = ()
    if actor.role == Role.SECRETARIAT:
        found = MOVES.get(mission.status, ())
        if mission.status == MissionStatus.SCHEDULED and today() < mission.programme.first_day:
            found = tuple(s for s in found if s != MissionStatus.DONE)  # not before its first day
    if writes(actor, mission) and mission.withdrawable(today()):
        found += (MissionStatus.WITHDRAWN,)
    return found


def move(
    db: Database, actor: User, mission_id: int, version: int, wanted: str, reason: str = ""
) -> Mission:
    """Move the mission when the move makes sense and its rule holds: scheduling needs steps
    (a)–(d); declining needs the reason the city reads; the mission is done from its first day;
    publishing needs the approved report. Starting the instruction accepts the request."""
    wanted_status = MissionStatus(wanted)
    with db.reading() as cur:
        mission = store.get(cur, mission_id)
    require(reads(actor, mission))
    allowed = moves(actor, mission)
    if actor.role == Role.SECRETARIAT and mission.status == MissionStatus.SCHEDULED:
        allowed += (MissionStatus.DONE,)  # before the first day, the date rule below says why
    if wanted_status not in allowed:
        validate([FieldError("status", N_("This change of status is not possible."))])
    if wanted_status == MissionStatus.IN_INSTRUCTION and mission.status == MissionStatus.SUBMITTED:
        return _accept_request(db, actor, mission, version)
    with db.unit_of_work() as cur:
        before = store.get(cur, mission_id)
        validate(_move_errors(cur, before, wanted_status, reason))
        after = dataclasses.replace(before, status=wanted_status, version=version)
        if wanted_status == MissionStatus.DECLINED:
            after = dataclasses.replace(after, decline_reason=reason.strip())
        if wanted_status == MissionStatus.PUBLISHED:
            after = dataclasses.replace(after, published_on=now_utc().date())  # the one clock
        if wanted_status in (MissionStatus.DECLINED, MissionStatus.WITHDRAWN):
            _close_request(cur, actor, before, str(wanted_status))
        after = store.update(cur, after, now_utc())
        _audit(
            cur,
            actor,
            mission_id,
            before.city_id,
            str(wanted_status),
            _summary(before),
            _summary(after) | {"reason": after.decline_reason},
        )
        return after


def _move_errors(cur, mission: Mission, wanted: MissionStatus, reason: str) -> list[FieldError]:
    if wanted == MissionStatus.SCHEDULED:
        recorded = {record.step for _id, record in store.steps(cur, mission.id)}
        return schedule_errors(recorded) or programme_errors(mission.programme)
    if wanted == MissionStatus.DECLINED and not reason.strip():
        return [
            FieldError("reason", N_("is required: the city reads why its request is declined."))
        ]
    if wanted == MissionStatus.DONE and today() < mission.programme.first_day:
        return [FieldError("status", N_("A mission is done from its first day on."))]
    if wanted == MissionStatus.PUBLISHED:
        report = submissions.get(cur, mission.report_id)
        if report.approved_revision is None:
            return [FieldError("status", N_("The mission report must be approved first."))]
    return []


def _accept_request(db: Database, actor: User, mission: Mission, version: int) -> Mission:
    """The Secretariat starts the instruction: the request's revision is approved (the
    workflow's step), which moves the mission."""
    request = submission_service.get_submission(db, actor, mission.request_id)
    submission_service.approve(db, actor, request.id, request.version)
    with db.reading() as cur:
        return store.get(cur, mission.id)


def _close_request(cur, actor: User, mission: Mission, action: str) -> None:
    """A declined or withdrawn mission takes its request out of the review queue."""
    request = submissions.get(cur, mission.request_id)
    if request.status in (Status.DRAFT, Status.SUBMITTED, Status.CHANGES_REQUESTED):
        now = now_utc()
        submissions.update(cur, dataclasses.replace(request, status=Status.WITHDRAWN), now)
        submissions.add_event(cur, request.id, request.revision, action, actor.username, now)


# --- instruction -----------------------------------------------------------------------------


def steps(db: Database, actor: User, mission: Mission) -> dict[Step, StepRecord]:
    """The instruction's steps recorded so far (the requesting city reads them too)."""
    require(reads(actor, mission))
    found = db.kept_read(("mission_steps",), lambda cur: store.steps(cur))
    return {record.step: record for mission_id, record in found if mission_id == mission.id}


def experts(db: Database, actor: User, mission: Mission) -> list[tuple[int, str, bool]]:
    """The candidate experts of step (c): (contact id, name, local)."""
    require(reads(actor, mission))
    with db.reading() as cur:
        names = {c.id: c.name for c in contacts.of_kinds(cur, [str(k) for k in EXPERT_KINDS])}
        return [
            (contact_id, names.get(contact_id, ""), local)
            for _m, contact_id, local in store.experts(cur, mission.id)
        ]


def record_step(
    db: Database,
    actor: User,
    mission_id: int,
    record: StepRecord,
    chosen: tuple[int, ...] = (),
    programme: Programme | None = None,
) -> None:
    """Record a step of the instruction, after the steps before it, with its date and note;
    (c) with its candidate experts (those of the requesting city are local); (d) with the
    programme agreed (1 to 3 days). The Secretariat only, while the request is instructed."""
    require(actor.role == Role.SECRETARIAT)
    with db.unit_of_work() as cur:
        mission = store.get(cur, mission_id)
        if mission.status != MissionStatus.IN_INSTRUCTION:
            validate(
                [FieldError("step", N_("Steps are recorded while the request is in instruction."))]
            )
        recorded = {r.step for _id, r in store.steps(cur, mission_id)}
        errors = step_errors(record.step, recorded, record.note, len(chosen))
        if record.done_on > today():
            errors.append(FieldError("done_on", N_("cannot be in the future.")))
        if record.step == Step.PROGRAMME:
            errors += programme_errors(programme or Programme())
        validate(errors)
        record = dataclasses.replace(record, note=record.note.strip(), recorded_by=actor.username)
        store.save_step(cur, mission_id, record, now_utc())
        after: dict = {
            "step": str(record.step),
            "done_on": record.done_on.isoformat(),
            "note": record.note,
        }
        if record.step == Step.EXPERTS:
            homes = {
                c.id: c.city_id for c in contacts.of_kinds(cur, [str(k) for k in EXPERT_KINDS])
            }
            store.set_experts(
                cur, mission_id, [(c, homes.get(c) == mission.city_id) for c in chosen]
            )
            after["experts"] = list(chosen)
        if record.step == Step.PROGRAMME:
            store.update(cur, dataclasses.replace(mission, programme=programme), now_utc())
            after["programme"] = programme.to_dict()
        _audit(cur, actor, mission_id, mission.city_id, "step", None, after)


def candidates(db: Database, actor: User, mission: Mission) -> list[Candidate]:
    """Experts of the address book ranked for the request (expertise, languages of the city,
    region), with the reason of each rank; those of the requesting city flagged as local. The
    Secretariat's tool (the workshops' matching)."""
    require(actor.role == Role.SECRETARIAT)

    def compute() -> list[Candidate]:
        with db.reading() as cur:
            request = content_of(
                SubmissionKind.MISSION_REQUEST, submissions.get(cur, mission.request_id).content
            )
            city = cities.get(cur, mission.city_id)
            people = contacts.of_kinds(cur, [str(k) for k in EXPERT_KINDS])
            regions = cities.regions(cur)
        axis = (AXIS_LABELS[Axis(request.axis)],) if request.axis in {int(a) for a in Axis} else ()
        need = Need(
            (*request.fields, request.expertise_profiles, request.main_skills, *axis),
            (city.language,),
            city.id,
            city.region,
        )
        return rank(people, need, regions_by_city=regions)

    return db.derived(("mission_candidates", mission.id), compute)


# --- the mission report ----------------------------------------------------------------------


def start_report(db: Database, actor: User, mission_id: int) -> Mission:
    """The mission report in draft, once the mission is done, started from the request (its
    subject and situation) so that nothing is typed twice. The requesting city or the
    Secretariat."""
    with db.unit_of_work() as cur:
        mission = store.get(cur, mission_id)
        require(writes(actor, mission))
        if mission.status != MissionStatus.DONE or mission.report_id is not None:
            validate([FieldError("status", N_("The report is written once the mission is done."))])
        request = MissionRequest.from_dict(submissions.get(cur, mission.request_id).content)
        photos = next(
            (s.files for _id, s, _v in store.obligations(cur, mission_id) if s.item == "media"),
            (),
        )
        draft = MissionReport(
            title=request.title, initial_issue=request.situation, photos=tuple(photos)
        )
        report = insert_draft(
            cur, actor, str(SubmissionKind.MISSION_REPORT), mission.city_id, draft.to_dict()
        )
        after = store.update(cur, dataclasses.replace(mission, report_id=report.id), now_utc())
        _audit(cur, actor, mission_id, mission.city_id, "start_report", None, {"report": report.id})
        return after


def mission_of(db: Database, actor: User, submission) -> int:
    """The mission whose request or report a submission is (its readers only)."""
    with db.reading() as cur:
        mission = store.of_submission(cur, submission.id)
    if mission is None or not reads(actor, mission):
        raise NotFound(f"mission of submission {submission.id}")
    return mission.id
