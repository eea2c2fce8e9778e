"""Mission4City tables and exports: the pipeline of every request by status with its days
waiting and next step (CSV/XLSX for the Secretariat and the Advisory Group), the mission's ICS
(one event per day in the city's time zone), and the overview's Mission4City panel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from ovpm import i18n
from ovpm.clock import now_utc, today
from ovpm.domain import N_
from ovpm.domain.missions import (
    MISSION_STATUS_LABELS,
    OBLIGATION_LABELS,
    Mission,
    MissionStatus,
    Obligation,
)
from ovpm.domain.models import Role, User
from ovpm.domain.times import DAY_ENDS, DAY_STARTS, to_utc
from ovpm.exports import csv_bytes
from ovpm.exports.calendar import Event, ics
from ovpm.exports.spreadsheet import xlsx
from ovpm.services import mission_obligations
from ovpm.services import missions as service
from ovpm.services._common import require
from ovpm.store import cities
from ovpm.store.db import Database

# What comes next, for whom, in each status.
NEXT_STEPS = {
    MissionStatus.DRAFT: N_("The city completes and submits its request."),
    MissionStatus.SUBMITTED: N_("The Secretariat starts the instruction or declines."),
    MissionStatus.IN_INSTRUCTION: N_("The Secretariat records steps (a) to (d), then schedules."),
    MissionStatus.SCHEDULED: N_("The mission takes place; the city keeps its obligations."),
    MissionStatus.DONE: N_("The city writes the mission report."),
    MissionStatus.REPORT_RECEIVED: N_("The Secretariat reviews the report and publishes it."),
    MissionStatus.PUBLISHED: N_("In the library of good practices."),
    MissionStatus.DECLINED: N_("Closed."),
    MissionStatus.WITHDRAWN: N_("Closed."),
}
PIPELINE_COLUMNS = [
    "id",
    "city",
    "title",
    "status",
    "since",
    "days_waiting",
    "first_day",
    "last_day",
    "next_step",
]


def pipeline_frame(db: Database, actor: User, language: str) -> pd.DataFrame:
    """Every request the actor reads with its status, since when, days waiting (open ones),
    dates and next step; oldest waiting first."""
    _ = i18n.translator(language)
    on = today()
    rows = []
    for mission in service.every_mission(db, actor):
        since = mission.status_since.date()
        rows.append(
            {
                "id": mission.id,
                "city": mission.city_name,
                "title": mission.title,
                "status": _(MISSION_STATUS_LABELS[mission.status]),
                "since": since,
                "days_waiting": (on - since).days if mission.status in _WAITING else None,
                "first_day": mission.programme.first_day,
                "last_day": mission.programme.last_day,
                "next_step": _(NEXT_STEPS[mission.status]),
            }
        )
    frame = pd.DataFrame(rows, columns=PIPELINE_COLUMNS)
    return frame.sort_values(["days_waiting", "id"], ascending=[False, False], na_position="last")


_WAITING = (MissionStatus.SUBMITTED, MissionStatus.IN_INSTRUCTION, MissionStatus.REPORT_RECEIVED)


def pipeline_labels(_) -> dict[str, str]:
    return {
        "id": _("No."),
        "city": _("Requesting city"),
        "title": _("Subject of the request"),
        "status": _("Status"),
        "since": _("Since"),
        "days_waiting": _("Days waiting"),
        "first_day": _("First day"),
        "last_day": _("Last day"),
        "next_step": _("Next step"),
    }


def _exported(db: Database, actor: User, language: str) -> pd.DataFrame:
    require(actor.role in (Role.SECRETARIAT, Role.ADVISORY))
    _ = i18n.translator(language)
    return pipeline_frame(db, actor, language).rename(columns=pipeline_labels(_))


def pipeline_csv(db: Database, actor: User, language: str) -> bytes:
    """The pipeline as CSV (the Secretariat and the Advisory Group only)."""
    return csv_bytes(_exported(db, actor, language))


def pipeline_xlsx(db: Database, actor: User, language: str) -> bytes:
    """The pipeline as a workbook (the Secretariat and the Advisory Group only)."""
    _ = i18n.translator(language)
    return xlsx({_("Mission4City"): _exported(db, actor, language)}, set(), _("Total"))


def mission_ics(db: Database, actor: User, mission_id: int, language: str) -> bytes:
    """One event per mission day, 9:00 to 17:30 in the requesting city's time zone."""
    _ = i18n.translator(language)
    mission = service.get_mission(db, actor, mission_id)
    with db.reading() as cur:
        city = cities.get(cur, mission.city_id)
    programme = mission.programme
    events = [
        Event(
            f"mission-{mission.id}-day-{number}@roadmap-hub",
            _("Mission4City") + " — " + city.name + " — " + _("Day {n}", n=number),
            to_utc(day, DAY_STARTS, city.timezone),
            to_utc(day, DAY_ENDS, city.timezone),
            city.name,
            programme.days[number - 1] if number <= len(programme.days) else "",
        )
        for number, day in enumerate(programme.mission_days(), start=1)
    ]
    return ics(events, _("Mission4City") + " — " + city.name, now_utc())


@dataclass(frozen=True)
class Panel:
    """The overview's Mission4City panel."""

    by_status: dict[MissionStatus, int]
    this_year: int  # missions whose first day falls in this year
    late: list[tuple[Mission, Obligation, date]]  # (mission, item, due on), oldest first

    @property
    def reports_overdue(self) -> int:
        return sum(1 for _m, item, _d in self.late if item == Obligation.REPORT)


def panel(db: Database, actor: User) -> Panel:
    """Requests by status, missions this year and late obligations of what the actor reads."""
    on = today()
    mine = service.every_mission(db, actor)
    readable = {m.id for m in mine}
    by_status: dict[MissionStatus, int] = {}
    for mission in mine:
        by_status[mission.status] = by_status.get(mission.status, 0) + 1
    this_year = sum(
        1
        for m in mine
        if m.programme.first_day
        and m.programme.first_day.year == on.year
        and m.status not in (MissionStatus.DECLINED, MissionStatus.WITHDRAWN)
    )
    late = sorted(
        (
            (mission, state.item, state.due_on)
            for mission, state in mission_obligations.late(db, on)
            if mission.id in readable
        ),
        key=lambda found: (found[2], found[0].id),
    )
    return Panel(by_status, this_year, late)


def late_frame(found: Panel, language: str) -> pd.DataFrame:
    """The late obligations as a table: city, request, item, due on, days late."""
    _ = i18n.translator(language)
    on = today()
    return pd.DataFrame(
        [
            {
                "city": mission.city_name,
                "title": mission.title,
                "item": _(OBLIGATION_LABELS[item]),
                "due_on": due,
                "days_late": (on - due).days,
            }
            for mission, item, due in found.late
        ],
        columns=["city", "title", "item", "due_on", "days_late"],
    )


def panel_figures(found: Panel, language: str) -> list[tuple[str, str]]:
    """The panel's figures as (label, value): each status with requests, missions this year,
    reports overdue."""
    _ = i18n.translator(language)
    figures = [
        (_(MISSION_STATUS_LABELS[status]), str(found.by_status[status]))
        for status in MissionStatus
        if found.by_status.get(status)
    ]
    figures.append((_("Missions this year"), str(found.this_year)))
    figures.append((_("Mission reports overdue"), str(found.reports_overdue)))
    return figures
