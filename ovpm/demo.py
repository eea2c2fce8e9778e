"""The demo database: the real cycle, milestones and member cities, invented people.

Every person, e-mail and phone number here is invented (e-mails use the reserved example.org
domain). `scale` multiplies cities, contacts and audit rows for load and performance work.
"""

from __future__ import annotations

import csv
import json
import random
from datetime import date, datetime, time, timedelta
from importlib import resources

import pandas as pd
import pytz

from ovpm import clock
from ovpm.clock import now_utc
from ovpm.demo_budget import create_demo_budget
from ovpm.demo_diagnosis import create_demo_diagnosis
from ovpm.demo_meetings import create_demo_meetings
from ovpm.demo_missions import create_demo_missions
from ovpm.demo_networks import create_demo_networks
from ovpm.demo_pilot_projects import create_demo_pilot_projects
from ovpm.demo_step_one import create_demo_submissions
from ovpm.demo_workshops import create_demo_workshops
from ovpm.domain.models import ContactKind, Role
from ovpm.domain.roadmap import QUEBEC_ROADMAP
from ovpm.domain.stages import Stage
from ovpm.services import progress
from ovpm.services.users import create_user
from ovpm.store import bulk, cycles, users
from ovpm.store.db import Database

DEMO_PASSWORD = "patrimoine-2024"
DEMO_CITY_ACCOUNTS = ("bordeaux", "bruges", "cordoba", "quebec")
DEMO_CITY_NAMES = {
    "bordeaux": "Bordeaux",
    "bruges": "Bruges",
    "cordoba": "Córdoba",
    "quebec": "Québec",
}

FIRST_NAMES = [
    "Camille",
    "Alex",
    "Dominique",
    "Sacha",
    "Andrea",
    "Noa",
    "Lou",
    "Ariel",
    "Eden",
    "Maxime",
    "Robin",
    "Yuna",
    "Kim",
    "Jules",
    "Nour",
    "Elio",
    "Inès",
    "Mateo",
    "Lena",
    "Aurèle",
]
INVENTED_SURNAMES = [
    "Exemplaire",
    "Démonstra",
    "Ficticio",
    "Samplesson",
    "Modelo",
    "Inventé",
    "Prototypa",
    "Maquette",
    "Ensayo",
    "Brouillon",
    "Borrador",
    "Esquisse",
    "Simulacre",
    "Imaginaire",
    "Testaroli",
    "Fantasio",
]
EXPERTISE = [
    "heritage conservation",
    "urban planning",
    "tourism management",
    "climate resilience",
    "participatory governance",
    "housing",
    "mobility",
    "intangible heritage",
    "digital heritage",
    "risk management",
    "public space",
    "archaeology",
]
CITY_KINDS = [
    ContactKind.ELECTED_OFFICIAL,
    ContactKind.STRATEGIC_LEAD,
    ContactKind.INTERSERVICE_COORDINATOR,
    ContactKind.ADMINISTRATIVE_SUPERVISOR,
    ContactKind.LOCAL_EXPERT,
]
TITLES = {
    ContactKind.ELECTED_OFFICIAL: "Deputy mayor for heritage",
    ContactKind.STRATEGIC_LEAD: "Director of heritage and urban planning",
    ContactKind.INTERSERVICE_COORDINATOR: "Inter-service coordinator",
    ContactKind.ADMINISTRATIVE_SUPERVISOR: "Head of administration",
    ContactKind.LOCAL_EXPERT: "Local heritage expert",
    ContactKind.INTERNATIONAL_EXPERT: "International expert",
    ContactKind.ADVISORY_MEMBER: "Member of the Advisory Group",
    ContactKind.SECRETARIAT: "Programme officer",
}
REGION_LANGUAGE = {"Latin America and the Caribbean": "es", "Africa": "fr", "Arab States": "fr"}
FRENCH_COUNTRIES = {"FR", "BE", "CA", "LU", "CH", "MA", "TN", "SN"}
SPANISH_COUNTRIES = {"ES"}


def _real_cities() -> pd.DataFrame:
    text = resources.files("ovpm.demo_data").joinpath("cities.csv").read_text("utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    frame = pd.DataFrame(rows)
    frame["lat"] = frame["lat"].astype(float)
    frame["lon"] = frame["lon"].astype(float)
    return frame


def _city_language(iso2: str, region: str) -> str:
    if iso2 in FRENCH_COUNTRIES:
        return "fr"
    if iso2 in SPANISH_COUNTRIES:
        return "es"
    return REGION_LANGUAGE.get(region, "en")


# Countries spanning several time zones: the zone of the member cities there.
TIMEZONE_OVERRIDES = {"CA": "America/Toronto", "RU": "Europe/Moscow", "BR": "America/Recife"}


def city_timezone(iso2: str) -> str:
    """The IANA time zone of a demo city, from its country."""
    return TIMEZONE_OVERRIDES.get(iso2) or pytz.country_timezones.get(iso2, ["UTC"])[0]


def city_frame(scale: int, rng: random.Random) -> pd.DataFrame:
    """The real member cities, and for scale > 1 invented ones named 'Demo city N'."""
    real = _real_cities()
    rows = [
        {
            "name": r.name,
            "local_name": r.local_name,
            "country": r.country,
            "iso2": r.iso2,
            "region": r.unesco_region,
            "lat": r.lat,
            "lon": r.lon,
            "good_standing": True,
            "language": _city_language(r.iso2, r.unesco_region),
        }
        for r in real.itertuples()
    ]
    for number in range(len(rows) * (scale - 1)):
        model = rng.choice(rows[: len(real)])
        rows.append(
            {
                **model,
                "name": f"Demo city {number + 1:04d}",
                "local_name": f"Demo city {number + 1:04d}",
                "lat": round(max(-89.0, min(89.0, model["lat"] + rng.uniform(-3, 3))), 2),
                "lon": round(max(-179.0, min(179.0, model["lon"] + rng.uniform(-3, 3))), 2),
            }
        )
    frame = pd.DataFrame(rows)
    frame.insert(0, "id", range(1, len(frame) + 1))
    # A few cities are behind with their dues, so the filter and Mission4City rules have data.
    frame.loc[frame.index % 9 == 4, "good_standing"] = False
    frame.loc[frame["name"].isin(DEMO_CITY_NAMES.values()), "good_standing"] = True
    frame["version"] = 1
    frame["timezone"] = frame["iso2"].map(city_timezone)
    return frame


def _person(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(FIRST_NAMES), rng.choice(INVENTED_SURNAMES)
    handle = f"{first}.{last}".lower()
    for accented, plain in (("è", "e"), ("é", "e"), ("ê", "e")):
        handle = handle.replace(accented, plain)
    return f"{first} {last}", handle


def contact_frame(cities: pd.DataFrame, scale: int, rng: random.Random) -> pd.DataFrame:
    """Five invented officers per city, plus international experts, Advisory Group members
    and Secretariat staff (also multiplied by scale)."""
    rows = []
    for city in cities.itertuples():
        domain = "".join(ch for ch in city.iso2.lower() + str(city.id))
        for kind in CITY_KINDS:
            name, handle = _person(rng)
            rows.append(
                {
                    "name": name,
                    "title": TITLES[kind],
                    "email": f"{handle}@{domain}.example.org",
                    "phone": f"+00 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
                    "city_id": city.id,
                    "organisation": "",
                    "kind": str(kind),
                    "languages": sorted({city.language, "en"}),
                    "expertise": rng.sample(EXPERTISE, rng.randint(1, 3)),
                }
            )
    for _ in range(12 * scale):
        kind = rng.choice(
            [
                ContactKind.INTERNATIONAL_EXPERT,
                ContactKind.INTERNATIONAL_EXPERT,
                ContactKind.ADVISORY_MEMBER,
                ContactKind.SECRETARIAT,
            ]
        )
        name, handle = _person(rng)
        organisation = {
            "secretariat": "OWHC General Secretariat",
            "advisory_member": "OWHC Advisory Group",
        }.get(str(kind), "Independent expert")
        rows.append(
            {
                "name": name,
                "title": TITLES[kind],
                "email": f"{handle}@experts.example.org",
                "phone": "",
                "city_id": None,
                "organisation": organisation,
                "kind": str(kind),
                "languages": rng.sample(["fr", "en", "es", "pt", "it"], 2),
                "expertise": rng.sample(EXPERTISE, rng.randint(2, 4)),
            }
        )
    frame = pd.DataFrame(rows)
    frame.insert(0, "id", range(1, len(frame) + 1))
    frame["city_id"] = frame["city_id"].astype("Int64")
    frame["version"] = 1
    return frame


def audit_frame(contacts: pd.DataFrame, scale: int, rng: random.Random) -> pd.DataFrame:
    """Creation entries for every contact and a history of edits, spread over the cycle up to
    the day before today (nothing in the demo happens after "today")."""
    start = pd.Timestamp("2022-03-01")
    end = pd.Timestamp(clock.today()) - timedelta(minutes=1)
    span = max(int((end - start).total_seconds() // 60) - 60 * 24 * 90, 0)
    rows = []
    for contact in contacts.itertuples():
        at = start + timedelta(minutes=rng.randint(0, span))
        after = {"name": contact.name, "title": contact.title, "kind": contact.kind}
        rows.append(
            {
                "happened_at": at,
                "entity": "contact",
                "entity_id": contact.id,
                "action": "create",
                "before": None,
                "after": after,
                "city_id": contact.city_id,
            }
        )
        for _ in range(rng.randint(0, 2)):
            rows.append(
                {
                    "happened_at": min(at + timedelta(days=rng.randint(1, 90)), end),
                    "entity": "contact",
                    "entity_id": contact.id,
                    "action": "update",
                    "before": after,
                    "after": {**after, "title": after["title"] + " (updated)"},
                    "city_id": contact.city_id,
                }
            )
    frame = pd.DataFrame(rows)
    frame["before"] = frame["before"].map(
        lambda v: None if v is None else json.dumps(v, ensure_ascii=False)
    )
    frame["after"] = frame["after"].map(
        lambda v: None if v is None else json.dumps(v, ensure_ascii=False)
    )
    frame.insert(0, "id", range(1, len(frame) + 1))
    frame["actor_id"] = None
    frame["actor_username"] = "demo"
    frame["city_id"] = frame["city_id"].astype("Int64")
    return frame


# Invented targets for the cycle's stages, and the date of the Advisory Group's last meeting.
STAGE_TARGETS = {
    Stage.EXPRESSION: date(2022, 12, 31),
    Stage.PRIORITY_THEME: date(2023, 3, 31),
    Stage.NETWORK: date(2023, 10, 31),
    Stage.WORKSHOP: date(2024, 3, 29),
    Stage.PILOT_PROJECT: date(2024, 6, 28),
    Stage.EVALUATION: date(2024, 8, 30),
    Stage.CONTRIBUTION: date(2024, 9, 16),
}
LAST_ADVISORY_MEETING = date(2024, 1, 18)


def create_demo_targets(db: Database) -> int:
    """The cycle's stage targets and last Advisory Group meeting; returns how many targets."""
    with db.reading() as cur:
        secretariat = users.find(cur, "secretariat")
    with clock.recording_at(datetime(2024, 1, 19, 11)):
        progress.save_settings(db, secretariat, STAGE_TARGETS, LAST_ADVISORY_MEETING)
    return len(STAGE_TARGETS)


def create_demo(db: Database, scale: int = 1, seed: int = 2024) -> dict[str, int]:
    """Fill an empty database with the demo cycle, cities, contacts, audit rows and accounts.

    What the demo does not date itself is recorded at the very start of today: anything a
    person does later today (or a test, on the pinned day) comes after it, even when the demo
    was built late in the evening and is used after midnight."""
    with clock.recording_at(datetime.combine(clock.today(), time(0, 0))):
        return _create_demo(db, scale, seed)


def _create_demo(db: Database, scale: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    cities = city_frame(scale, rng)
    contacts = contact_frame(cities, scale, rng)
    audit_rows = audit_frame(contacts, scale, rng)
    with db.unit_of_work() as cur:
        if not bulk.is_empty(cur):
            raise RuntimeError("the database already holds data; demo data goes in a new file")
        cycles.insert(cur, QUEBEC_ROADMAP)
        bulk.insert_frame(cur, "cities", cities)
        bulk.insert_frame(cur, "contacts", contacts)
        bulk.insert_frame(cur, "audit_log", audit_rows)
    city_ids = dict(zip(cities["name"], cities["id"]))
    create_user(
        db,
        None,
        "secretariat",
        "Agent du Secrétariat (démo)",
        "secretariat@demo.example.org",
        Role.SECRETARIAT,
        None,
        "fr",
        DEMO_PASSWORD,
    )
    create_user(
        db,
        None,
        "advisory",
        "Membre du Groupe conseil (démo)",
        "advisory@demo.example.org",
        Role.ADVISORY,
        None,
        "en",
        DEMO_PASSWORD,
    )
    for account in DEMO_CITY_ACCOUNTS:
        city = DEMO_CITY_NAMES[account]
        language = "es" if account == "cordoba" else "fr"
        create_user(
            db,
            None,
            account,
            f"Officer of {city} (demo)",
            f"{account}@demo.example.org",
            Role.CITY,
            int(city_ids[city]),
            language,
            DEMO_PASSWORD,
        )

    submissions = create_demo_submissions(db)
    return {
        "cities": len(cities),
        "contacts": len(contacts),
        "audit": len(audit_rows),
        "users": 2 + len(DEMO_CITY_ACCOUNTS),
        "submissions": submissions,
        "networks": create_demo_networks(db),
        "budget_entries": create_demo_budget(db),
        "workshops": create_demo_workshops(db),
        "meetings": create_demo_meetings(db, scale),
        "diagnosis": create_demo_diagnosis(db),
        "pilot_projects": create_demo_pilot_projects(db, scale),
        "missions": create_demo_missions(db, scale),
        "stage_targets": create_demo_targets(db),
        "created_at": int(now_utc().timestamp()),
    }
