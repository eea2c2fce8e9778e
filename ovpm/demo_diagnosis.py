"""The demo's shared diagnosis of "Living with water": a dozen obstacles, levers, needs and
resources brought by Bordeaux, Bruges and Cusco, two of them merged, and two project seeds (one
promoted to a pilot project). Texts and people are invented."""

from __future__ import annotations

from datetime import datetime

from ovpm import clock
from ovpm.domain.diagnosis import DiagnosisEntry, DiagnosisKind, ProjectSeed
from ovpm.domain.meetings import person_key
from ovpm.services import diagnosis
from ovpm.store import cities, users
from ovpm.store.db import Database
from ovpm.store.progress import network_names

OBSTACLE, LEVER = DiagnosisKind.OBSTACLE, DiagnosisKind.LEVER
NEED, RESOURCE = DiagnosisKind.NEED, DiagnosisKind.RESOURCE
ENTRIES = (
    (OBSTACLE, "Quays flood several times each winter (demo)", "Bordeaux", "flood, quays"),
    (OBSTACLE, "Insurance costs push residents away (demo)", "Bordeaux", "residents, insurance"),
    (OBSTACLE, "Each city keeps its own flood maps (demo)", "Bruges", "data"),
    (OBSTACLE, "Flood maps are not shared between cities (demo)", "Cusco", "data"),
    (
        LEVER,
        "Residents' associations already organised along the river (demo)",
        "Bordeaux",
        "residents",
    ),
    (LEVER, "A regional fund for climate adaptation (demo)", "Bruges", "funding"),
    (LEVER, "University teams working on river levels (demo)", "Cusco", "research"),
    (NEED, "One shared flood map for the network (demo)", "Bruges", "data, flood"),
    (NEED, "Guidance for insurers on heritage quays (demo)", "Bordeaux", "insurance"),
    (NEED, "Training of technical staff on flood-ready works (demo)", "Cusco", "training"),
    (RESOURCE, "Bordeaux's river agency and its sensors (demo)", "Bordeaux", "data"),
    (RESOURCE, "Bruges's canal engineers (demo)", "Bruges", "expertise"),
    (RESOURCE, "Cusco's archive of historic water works (demo)", "Cusco", "heritage"),
)


def create_demo_diagnosis(db: Database) -> int:
    """The demo's diagnosis and seeds; returns how many entries."""
    with db.reading() as cur:
        people = {n: users.find(cur, n) for n in ("bordeaux", "bruges")}
        water = next(n for n, name in network_names(cur).items() if name == "Living with water")
        city_ids = {name: city_id for city_id, name in cities.names(cur).items()}
    bordeaux = people["bordeaux"]
    process = diagnosis.process_of(db, bordeaux, water, None)
    saved = []
    with clock.recording_at(datetime(2024, 2, 6, 16)):
        for kind, text, city, tags in ENTRIES:
            author = people["bruges"] if city == "Bruges" else bordeaux
            entry = DiagnosisEntry(
                None,
                water,
                process.city_id,
                kind,
                text,
                city_ids[city],
                person_key(user_id=author.id) if author.city_id == city_ids[city] else "",
                tuple(t.strip() for t in tags.split(",")),
            )
            saved.append(diagnosis.add_entry(db, author, entry))
    with clock.recording_at(datetime(2024, 2, 7, 10)):
        maps, duplicate = saved[2], saved[3]
        diagnosis.merge_entries(db, bordeaux, maps.id, {duplicate.id: duplicate.version})
        shared_map = diagnosis.save_seed(
            db,
            bordeaux,
            ProjectSeed(
                None,
                water,
                process.city_id,
                "Flood-ready heritage quays (demo)",
                "Keep the quays open and alive when the river rises (demo).",
                (saved[0].id, saved[7].id),
                "Map the flood zones together, then test removable protections (demo).",
                (person_key(user_id=bordeaux.id), person_key(user_id=people["bruges"].id)),
                person_key(user_id=bordeaux.id),
            ),
        )
        diagnosis.save_seed(
            db,
            people["bruges"],
            ProjectSeed(
                None,
                water,
                process.city_id,
                "Insurers' guide for heritage quays (demo)",
                "Residents stay when insurance stays affordable (demo).",
                (saved[1].id, saved[8].id),
                "Meet the insurers of the three cities and draft a guide (demo).",
                (person_key(user_id=people["bruges"].id),),
                person_key(user_id=people["bruges"].id),
            ),
        )
    with clock.recording_at(datetime(2024, 2, 20, 10)):
        diagnosis.set_seed_status(
            db,
            bordeaux,
            shared_map.id,
            shared_map.version,
            "promoted",
            "Chosen by the steering committee as the network's pilot project (demo).",
        )
    return len(saved)
