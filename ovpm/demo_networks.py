"""Demo collaborative networks, their action plans, round tables 4 and 5, a preparatory meeting.

Round table 4 (Bruges, 22 June 2023) and 5 (Bordeaux, 6 July 2023) are real dates from the
source documents, at 10:00 in Québec; everything else (names, themes, amounts) is invented."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, time, timedelta

from ovpm import clock
from ovpm.domain.meetings import Invitee, Meeting, MeetingKind, person_key
from ovpm.domain.networks import ActionPlan, Activity, BudgetLine, RoundTable
from ovpm.domain.times import QUEBEC_ZONE, to_utc
from ovpm.services import meetings, networks, submissions
from ovpm.store import cities, users
from ovpm.store.db import Database

PREPARATORY_MEETING = date(2023, 5, 24)


def _ids(db: Database) -> tuple[dict, dict]:
    with db.reading() as cur:
        city_ids = {name: city_id for city_id, name in cities.names(cur).items()}
        people = {name: users.find(cur, name) for name in ("secretariat", "advisory", "bordeaux")}
    return city_ids, people


def _theme_sheet(db, secretariat, city: str) -> int:
    frame = submissions.listing(db, secretariat, kinds=["theme_sheet"])
    return int(frame[frame["city"] == city].iloc[0]["id"])


def water_plan(city_ids: dict) -> ActionPlan:
    return ActionPlan(
        concept=(
            "Gather the experience of river and port cities, raise the questions under "
            "debate, build a common culture and formulate common orientations for the "
            "New Urban Project (demo text)."
        ),
        challenges="Floods on heritage quays; keeping residents near the water (demo text).",
        activities=(
            Activity(
                "virtual_meeting",
                "Preparatory meeting",
                PREPARATORY_MEETING,
                None,
                "Online",
                "done",
            ),
            Activity(
                "round_table",
                "Round table on living quays",
                date(2024, 2, 7),
                None,
                "Online",
                "done",
            ),
            Activity(
                "international_workshop",
                "International workshop in Bordeaux",
                date(2024, 4, 16),
                date(2024, 4, 18),
                "Bordeaux",
                "confirmed",
            ),
            Activity(
                "study_visit",
                "Study visit of the Bruges canals",
                date(2024, 6, 11),
                date(2024, 6, 12),
                "Bruges",
                "planned",
            ),
        ),
        budget=(
            BudgetLine(
                "interpretation",
                "Interpreters FR/EN/ES for the workshop",
                "6800.00",
                "EUR",
                "pilot_city",
            ),
            BudgetLine(
                "travel", "Three international experts", "5400.00", "EUR", "general_secretariat"
            ),
            BudgetLine("venue_meals", "Room and meals, three days", "3900.50", "EUR", "pilot_city"),
            BudgetLine(
                "translation",
                "Translation of the constitution sheet",
                "1250.00",
                "EUR",
                "participating_city",
                city_ids["Bruges"],
            ),
            BudgetLine(
                "communication",
                "Video of the workshop",
                "2000.00",
                "CAD",
                "other_source",
                None,
                "Regional heritage fund (demo)",
            ),
        ),
        collective_work="A call every month and a shared folder until the Congress (demo text).",
    )


def multicultural_plan(city_ids: dict) -> ActionPlan:
    return ActionPlan(
        concept="Share how neighbourhood councils work across cultures (demo text).",
        challenges="Languages and trust between communities (demo text).",
        activities=(
            Activity(
                "virtual_meeting", "Launch call", date(2024, 3, 19), None, "Online", "planned"
            ),
        ),
        budget=(
            BudgetLine("interpretation", "Interpreters RU/EN", "3000.00", "USD", "pilot_city"),
            BudgetLine(
                "travel", "Two experts for the launch", "4800.00", "USD", "general_secretariat"
            ),
            BudgetLine(
                "materials",
                "Neighbourhood walks and materials",
                "1800.00",
                "EUR",
                "participating_city",
                city_ids["Évora"],
            ),
            BudgetLine(
                "communication", "Booklet in four languages", "2500.00", "CAD", "pilot_city"
            ),
        ),
        collective_work="Quarterly calls (demo text).",
    )


def _on(year: int, month: int, day: int):
    """Record the demo's steps on the day they happen in its story (14:00 UTC)."""
    return clock.recording_at(datetime(year, month, day, 14))


def create_demo_networks(db: Database) -> int:
    """Three networks at different stages; returns how many were created."""
    city_ids, people = _ids(db)
    secretariat, advisory, bordeaux = people["secretariat"], people["advisory"], people["bordeaux"]
    with _on(2023, 4, 20):
        water = networks.create_network(
            db, secretariat, _theme_sheet(db, secretariat, "Bordeaux"), "Living with water"
        )
        for city in ("Bruges", "Cusco"):
            networks.invite(db, secretariat, water.id, city_ids[city])
            networks.decide(db, bordeaux, water.id, city_ids[city], True)
        networks.invite(db, bordeaux, water.id, city_ids["Kazan"])
        networks.set_advisors(db, secretariat, water.id, [advisory.id])
    with _on(2023, 5, 2):
        meetings.save_meeting(
            db,
            bordeaux,
            Meeting(
                None,
                water.id,
                water.pilot_city_id,
                MeetingKind.PREPARATORY,
                "",
                to_utc(PREPARATORY_MEETING, time(10), QUEBEC_ZONE),
                55,
                QUEBEC_ZONE,
                link="https://meet.example.org/living-with-water",
                invitees=tuple(Invitee(person_key(contact_id=n)) for n in (1, 2, 3)),
                notes="Brainstorm: quays, residents, insurance, shared flood maps (demo notes).",
            ),
        )
    for number, city, day, theme in (
        (4, "Bruges", date(2023, 6, 22), "Residents and visitors in historic centres"),
        (5, "Bordeaux", date(2023, 7, 6), "Heritage cities facing climate change"),
    ):
        recorded = day - timedelta(days=14)
        with _on(recorded.year, recorded.month, recorded.day):
            networks.save_round_table(
                db,
                secretariat,
                RoundTable(
                    None,
                    number,
                    theme,
                    f"Host of {city} (demo)",
                    "Alderman for heritage (demo)",
                    city_ids[city],
                    to_utc(day, time(10), QUEBEC_ZONE),
                    f"https://video.example.org/round-table-{number}",
                    f"Synthesis sheet of round table {number} (demo text).",
                    water.id,
                ),
            )
    with _on(2023, 9, 4):
        draft = networks.start_plan(db, bordeaux, water.id)
        sent = submissions.submit(db, bordeaux, draft.id, water_plan(city_ids), draft.version)
    with _on(2023, 9, 15):
        submissions.approve(db, secretariat, sent.id, sent.version, "A clear plan (demo).")

    with _on(2023, 5, 10):
        multicultural = networks.create_network(
            db, secretariat, _theme_sheet(db, secretariat, "Kazan"), "Multicultural neighbourhoods"
        )
        for city in ("Évora", "Suzhou"):
            networks.invite(db, secretariat, multicultural.id, city_ids[city])
            networks.decide(db, secretariat, multicultural.id, city_ids[city], True)
    with _on(2023, 11, 6):
        plan = networks.start_plan(db, secretariat, multicultural.id)
        first = multicultural_plan(city_ids)
        sent = submissions.submit(db, secretariat, plan.id, first, plan.version)
    with _on(2023, 11, 20):
        approved = submissions.approve(db, secretariat, sent.id, sent.version, "Approved (demo).")
    # A revision adding a line waits for review: the tracked lines follow revision 1 meanwhile.
    with _on(2024, 2, 12):
        revised = submissions.start_revision(db, secretariat, approved.id, approved.version)
        submissions.submit(
            db,
            secretariat,
            revised.id,
            dataclasses.replace(
                first,
                budget=first.budget
                + (BudgetLine("materials", "Exhibition panels", "1500.00", "USD", "pilot_city"),),
            ),
            revised.version,
        )

    with _on(2023, 6, 1):
        networks.create_network(
            db, secretariat, _theme_sheet(db, secretariat, "Cusco"), "Living Andean heritage"
        )
    return 3
