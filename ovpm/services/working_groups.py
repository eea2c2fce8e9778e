"""Working groups of a network or of a city's process as source 003 runs them, and the common
action plan built from their third meetings' minutes (never retyped).

Access: as the diagnosis — the host city and the Secretariat create and change groups; the
cities taking part and the Advisory Group read them and the common action plan."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

from ovpm import i18n
from ovpm.clock import now_utc, today
from ovpm.domain import working_groups as rules
from ovpm.domain.diagnosis import Process
from ovpm.domain.meetings import Invitee, Meeting, MeetingKind, Minutes, meeting_errors
from ovpm.domain.models import User
from ovpm.domain.submissions import Status
from ovpm.domain.working_groups import GroupPlan, WorkingGroup
from ovpm.pdf import DocumentInfo
from ovpm.pdf.collective import common_plan_pdf as render_common_plan
from ovpm.services import diagnosis, meetings, minutes
from ovpm.services._common import require, snapshot, validate
from ovpm.store import audit
from ovpm.store import meetings as meeting_store
from ovpm.store import working_groups as store
from ovpm.store.db import Database


def groups(db: Database, actor: User, process: Process) -> list[WorkingGroup]:
    """The process's working groups."""
    require(diagnosis.access(db, actor, process).read)
    with db.reading() as cur:
        return store.of_process(cur, process.network_id, process.city_id)


def group_meetings(db: Database, actor: User, group: WorkingGroup) -> list[Meeting]:
    """The group's meetings the actor reads, in their order."""
    found = meetings.readable_meetings(db, actor, network_id=group.network_id)
    mine = [m for m in found if m.working_group_id == group.id]
    return sorted(mine, key=lambda m: m.working_group_meeting or 0)


def create_group(
    db: Database,
    actor: User,
    group: WorkingGroup,
    first_meeting: datetime,
    time_zone: str,
    duration_minutes: int = 120,
) -> WorkingGroup:
    """A working group and its three meetings, four weeks apart from `first_meeting` (UTC),
    with source 003's agendas in the actor's language and the members invited (host city,
    Secretariat). The meetings are then changed like any other."""
    process = Process(group.network_id, group.city_id)
    require(diagnosis.access(db, actor, process).edit)
    validate(rules.working_group_errors(group))
    _ = i18n.translator(actor.language)
    with db.unit_of_work() as cur:
        created = store.save(cur, dataclasses.replace(group, id=None, version=1), now_utc())
        for number, agenda in enumerate(rules.DEFAULT_AGENDAS, start=1):
            meeting = Meeting(
                None,
                group.network_id,
                group.city_id,
                MeetingKind.WORKING_GROUP,
                f"{group.theme} — {number}",
                first_meeting + timedelta(weeks=rules.WEEKS_BETWEEN_MEETINGS * (number - 1)),
                duration_minutes,
                time_zone,
                agenda=tuple(_(item) for item in agenda),
                invitees=tuple(Invitee(key) for key in group.members),
                group=group.theme,
                working_group_id=created.id,
                working_group_meeting=number,
            )
            validate(meeting_errors(meeting))
            meeting_store.save(cur, meeting)
        audit.record(
            cur,
            actor.id,
            actor.username,
            "working_group",
            created.id,
            "create",
            None,
            snapshot(created),
            created.city_id,
        )
    return created


def common_plan(db: Database, actor: User, process: Process) -> list[GroupPlan]:
    """Each group's ideas with their first-level action plans, from its third meeting's
    minutes: the approved revision, else the working copy for those who may read it."""
    plans = []
    for group in groups(db, actor, process):
        third = next(
            (m for m in group_meetings(db, actor, group) if m.working_group_meeting == 3), None
        )
        plans.append(_group_plan(db, actor, group, third))
    return plans


def _group_plan(db: Database, actor: User, group: WorkingGroup, third: Meeting | None):
    if third is None or third.minutes_id is None:
        return GroupPlan(group, (), False)
    approved = minutes.approved_content(db, actor, third.id)
    if approved is not None:
        return GroupPlan(group, approved.ideas, True)
    working = minutes.minutes_of(db, actor, third.id)
    if working is None:
        return GroupPlan(group, (), False)
    return GroupPlan(
        group, Minutes.from_dict(working.content).ideas, working.status == Status.APPROVED
    )


def common_plan_pdf(db: Database, actor: User, process: Process, language: str) -> bytes:
    """The common action plan as PDF, with the DRAFT mark while a group's plan is not approved."""
    _ = i18n.translator(language)
    plans = common_plan(db, actor, process)
    final = bool(plans) and all(p.approved for p in plans)
    info = DocumentInfo(
        organisation=_("Organization of World Heritage Cities"),
        programme=_("Collective work"),
        title=_("Common action plan") + " — " + process.name,
        subtitle=_("Built from the working groups' third meetings"),
        status_line=_("approved") if final else _("not approved yet"),
        draft_mark=None if final else _("DRAFT"),
        page_label=_("Page {page} of {pages}"),
        footer_left=i18n.format_day(today(), language),
    )
    people = meetings.people(db, actor)
    return render_common_plan(plans, people, info, _)
