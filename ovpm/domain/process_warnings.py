"""Warnings from the sources about the way a network or a city runs its collective process
(SPEC.md §4.9): they explain themselves and never block a save.

- source 003: at least two steering committees, each with its minutes, before the launch event;
- source 004: at least three months between the start of the preparation and a participatory
  workshop;
- source 003: the final steering committee, where the assessment is made, is held before the
  restitution event (after the working groups), so that the next steps can be announced there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from ovpm.domain import N_
from ovpm.domain.meetings import Meeting, MeetingKind
from ovpm.domain.times import add_months

MIN_STEERING_BEFORE_LAUNCH = 2
PREPARATION_MONTHS = 3


class WarningKind(StrEnum):
    FEW_STEERING_COMMITTEES = "few_steering_committees"
    SHORT_PREPARATION = "short_preparation"
    NO_FINAL_STEERING_COMMITTEE = "no_final_steering_committee"


WARNING_TEXTS = {
    WarningKind.FEW_STEERING_COMMITTEES: N_(
        "{count} steering committee(s) with approved minutes before the launch event of {day}: "
        "source 003 asks for at least two, each with its minutes."
    ),
    WarningKind.SHORT_PREPARATION: N_(
        "The participatory workshop of {day} comes less than three months after its "
        "preparation started ({start}): source 004 asks for at least three months."
    ),
    WarningKind.NO_FINAL_STEERING_COMMITTEE: N_(
        "No steering committee is planned between the working groups and the restitution event "
        "of {day}: source 003 makes the assessment there, so that the next steps can be "
        "announced at the restitution."
    ),
}


@dataclass(frozen=True)
class ProcessWarning:
    kind: WarningKind
    meeting: Meeting  # the launch event, participatory workshop or restitution event concerned
    params: dict = field(default_factory=dict)  # dates as `date`, counts as `int`


def process_warnings(meetings: list[Meeting], approved_minutes: set[int]) -> list[ProcessWarning]:
    """The warnings of every process (a network, or a city's own) among `meetings`;
    `approved_minutes`: the ids of the minutes with an approved revision."""
    processes: dict[tuple, list[Meeting]] = {}
    for meeting in sorted(meetings, key=lambda m: m.starts_at):
        key = (meeting.network_id, None if meeting.network_id else meeting.city_id)
        processes.setdefault(key, []).append(meeting)
    found = []
    for process in processes.values():
        found += _few_steering_committees(process, approved_minutes)
        found += _short_preparation(process)
        found += _no_final_steering_committee(process)
    return found


def _of_kind(process: list[Meeting], kind: MeetingKind) -> list[Meeting]:
    return [m for m in process if m.kind == kind]


def _few_steering_committees(process: list[Meeting], approved: set[int]) -> list[ProcessWarning]:
    found = []
    for launch in _of_kind(process, MeetingKind.LAUNCH_EVENT):
        count = sum(
            1
            for m in _of_kind(process, MeetingKind.STEERING_COMMITTEE)
            if m.starts_at < launch.starts_at and m.minutes_id in approved
        )
        if count < MIN_STEERING_BEFORE_LAUNCH:
            params = {"count": count, "day": launch.starts_at.date()}
            found.append(ProcessWarning(WarningKind.FEW_STEERING_COMMITTEES, launch, params))
    return found


def _short_preparation(process: list[Meeting]) -> list[ProcessWarning]:
    found = []
    for workshop in _of_kind(process, MeetingKind.PARTICIPATORY_WORKSHOP):
        earlier = [m.starts_at.date() for m in process if m.starts_at < workshop.starts_at]
        start = workshop.preparation_started or (min(earlier) if earlier else None)
        day = workshop.starts_at.date()
        if start is not None and day < add_months(start, PREPARATION_MONTHS):
            params = {"day": day, "start": start}
            found.append(ProcessWarning(WarningKind.SHORT_PREPARATION, workshop, params))
    return found


def _no_final_steering_committee(process: list[Meeting]) -> list[ProcessWarning]:
    found = []
    for restitution in _of_kind(process, MeetingKind.RESTITUTION_EVENT):
        before = [m for m in process if m.starts_at < restitution.starts_at]
        groups = [m.starts_at for m in before if m.kind == MeetingKind.WORKING_GROUP]
        launches = [m.starts_at for m in before if m.kind == MeetingKind.LAUNCH_EVENT]
        marks = groups or launches
        after = max(marks) if marks else None
        final = [
            m
            for m in before
            if m.kind == MeetingKind.STEERING_COMMITTEE and (after is None or m.starts_at > after)
        ]
        if not final:
            params = {"day": restitution.starts_at.date()}
            found.append(
                ProcessWarning(WarningKind.NO_FINAL_STEERING_COMMITTEE, restitution, params)
            )
    return found
