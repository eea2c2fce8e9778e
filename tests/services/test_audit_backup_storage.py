import dataclasses
import threading
import zipfile

import pandas as pd
import pytest

from ovpm.demo import create_demo
from ovpm.domain.errors import ConflictError, PermissionDenied
from ovpm.services import audit as audit_service
from ovpm.services import cities as city_service
from ovpm.services import contacts as contact_service
from ovpm.store.backup import restore_backup, write_backup
from ovpm.store.db import Database, DatabaseLocked, migration_files, open_database

TABLES = [
    "cycles",
    "milestones",
    "cities",
    "users",
    "contacts",
    "audit_log",
    "login_attempts",
    "schema_migrations",
    "attachments",
    "submissions",
    "submission_revisions",
    "submission_events",
    "submission_comments",
    "networks",
    "network_members",
    "round_tables",
    "meetings",
    "meeting_invitees",
    "action_items",
    "exchange_rates",
]


def rows(database, table):
    with database.reading() as cur:
        frame = cur.execute("SELECT * FROM " + table).df()
    return frame.sort_values(list(frame.columns[:1])).reset_index(drop=True)


def test_city_user_reads_only_its_own_citys_audit_entries(db, actors):
    bordeaux = actors["bordeaux"]
    mine = audit_service.audit_entries(db, bordeaux, limit=100000)
    assert len(mine) > 0 and set(mine["city_id"].dropna()) == {bordeaux.city_id}
    everything = audit_service.audit_entries(db, actors["secretariat"], limit=100000)
    assert len(everything) > len(mine)
    with pytest.raises(PermissionDenied):
        audit_service.audit_entries(db, actors["advisory"])
    entities, people = audit_service.audit_filter_choices(db, bordeaux)
    assert "contact" in entities and people


def test_audit_filters_by_entity_person_and_dates(db, actors):
    secretariat = actors["secretariat"]
    contact = contact_service.get_contact(db, secretariat, 1)
    contact_service.save_contact(
        db, actors["secretariat"], dataclasses.replace(contact, title="New")
    )
    by_person = audit_service.audit_entries(db, secretariat, username="secretariat")
    assert set(by_person["actor_username"]) == {"secretariat"}
    old = audit_service.audit_entries(
        db,
        secretariat,
        since=pd.Timestamp("2022-01-01").date(),
        until=pd.Timestamp("2022-12-31").date(),
        limit=100000,
    )
    assert len(old) > 0 and (old["happened_at"] < pd.Timestamp("2023-01-01")).all()


def test_migrations_are_recorded_and_applied_once(db):
    with db.reading() as cur:
        recorded = cur.execute("SELECT number, name FROM schema_migrations ORDER BY 1").fetchall()
    assert recorded == [(n, name) for n, name, _sql in migration_files()]
    reopened = open_database(db.path)
    with reopened.reading() as cur:
        assert cur.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == len(recorded)


def test_concurrent_saves_lose_no_update(db, actors):
    """20 threads save 10 times each; each save rereads and retries on conflict."""
    secretariat = actors["secretariat"]
    city_id = actors["bruges"].city_id
    conflicts = []

    def bump():
        for _ in range(10):
            while True:
                city = city_service.get_city(db, secretariat, city_id)
                try:
                    city_service.save_city(
                        db, secretariat, dataclasses.replace(city, lat=round(city.lat + 0.01, 2))
                    )
                    break
                except ConflictError:
                    conflicts.append(1)

    start = city_service.get_city(db, secretariat, city_id)
    threads = [threading.Thread(target=bump) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    end = city_service.get_city(db, secretariat, city_id)
    assert end.version == start.version + 200
    assert round(end.lat - start.lat, 2) == 2.0


def test_backup_then_restore_gives_back_identical_rows(db, db_path, tmp_path, actors):
    attachments = db.attachments_dir
    (attachments / "ab").mkdir(parents=True)
    (attachments / "ab" / "letter.pdf").write_bytes(b"%PDF-1.4 demo letter")
    contact_service.save_contact(
        db,
        actors["secretariat"],
        dataclasses.replace(
            contact_service.get_contact(db, actors["secretariat"], 2), title="Ünïcødé title €"
        ),
    )
    before = {table: rows(db, table) for table in TABLES}
    backup = write_backup(db, attachments, tmp_path / "backup.zip")
    assert "database/schema.sql" in zipfile.ZipFile(backup).namelist()

    target = tmp_path / "restored" / "ovpm.duckdb"
    target.parent.mkdir()
    restored_attachments = tmp_path / "restored" / "attachments"
    restore_backup(backup, target, restored_attachments)
    restored = open_database(target)
    for table in TABLES:
        pd.testing.assert_frame_equal(rows(restored, table), before[table], check_dtype=True)
    assert (restored_attachments / "ab" / "letter.pdf").read_bytes() == b"%PDF-1.4 demo letter"
    originals = sorted(p.relative_to(attachments) for p in attachments.rglob("*.pdf"))
    assert len(originals) > 5  # the demo letters
    assert (
        sorted(p.relative_to(restored_attachments) for p in restored_attachments.rglob("*.pdf"))
        == originals
    )
    # Saves keep working after a restore (ids continue after the restored ones).
    city = city_service.get_city(restored, actors["secretariat"], 1)
    city_service.save_city(restored, actors["secretariat"], dataclasses.replace(city, lat=1.0))
    restored.close()


def test_restore_refuses_while_another_process_holds_the_database(db_path, tmp_path):
    import subprocess
    import sys

    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('open', flush=True);"
                " time.sleep(30)"
            ),
            str(db_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(DatabaseLocked, match="in use by another process"):
            Database(db_path)
    finally:
        holder.kill()


def test_demo_data_has_the_real_cities_and_invented_people(db):
    with db.reading() as cur:
        cities = cur.execute("SELECT name, local_name FROM cities").fetchall()
        emails = [
            r[0] for r in cur.execute("SELECT email FROM contacts WHERE email <> ''").fetchall()
        ]
        user_emails = [r[0] for r in cur.execute("SELECT email FROM users").fetchall()]
    assert len(cities) == 51 and ("Kazan", "Казань") in cities and ("Gyeongju", "경주") in cities
    assert all(e.endswith(".example.org") for e in emails + user_emails)


def test_demo_scale_multiplies_cities_contacts_and_audit_rows(tmp_path):
    one = create_demo(open_database(tmp_path / "one.duckdb"), scale=1)
    three = create_demo(open_database(tmp_path / "three.duckdb"), scale=3)
    assert three["cities"] == 3 * one["cities"]
    assert three["contacts"] >= 3 * one["contacts"] - 5
    assert three["audit"] > 2.5 * one["audit"]


def test_only_the_secretariat_downloads_a_backup_and_it_is_audited(db, actors):
    from ovpm.services.backup import backup_archive

    for role in ("advisory", "bordeaux"):
        with pytest.raises(PermissionDenied):
            backup_archive(db, actors[role])
    archive = backup_archive(db, actors["secretariat"])
    assert archive[:2] == b"PK"
    assert audit_service.audit_entries(db, actors["secretariat"]).iloc[0]["action"] == "backup"


def test_demo_has_submissions_in_every_status_with_revisions(db, actors):
    from ovpm.services import submissions

    frame = submissions.listing(db, actors["secretariat"])
    assert set(frame["status"]) == {
        "draft",
        "submitted",
        "changes_requested",
        "approved",
        "withdrawn",
    }
    assert frame["revision"].max() >= 2
    bordeaux = frame[(frame["city"] == "Bordeaux") & (frame["kind"] == "theme_sheet")].iloc[0]
    # revised after the international workshop (demo_workshops): revision 3 approved
    assert (bordeaux["status"], bordeaux["approved_revision"]) == ("approved", 3)


def test_the_daily_backup_of_a_running_app_restores_identically(db, db_path, tmp_path, monkeypatch):
    """`python -m ovpm backup` while the app holds the file: the app writes the backup on the
    command's request, and the backup restores the very same rows."""
    import subprocess
    import sys

    from ovpm.__main__ import main

    before = {table: rows(db, table) for table in TABLES}
    db.close()
    app = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import sys, time; from pathlib import Path\n"
                "from ovpm.store.db import open_database\n"
                "from ovpm.services import app_requests\n"
                "db = open_database(Path(sys.argv[1])); print('open', flush=True)\n"
                "for _ in range(600):\n"
                "    app_requests.serve(db); time.sleep(0.1)\n"
            ),
            str(db_path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert app.stdout.readline().strip() == "open"
        monkeypatch.setenv("OVPM_DB", str(db_path))
        out = tmp_path / "backups" / "ovpm-nightly.zip"
        assert main(["backup", "--out", str(out), "--keep", "7"]) == 0
    finally:
        app.kill()
        app.wait()
    target = tmp_path / "restored" / "ovpm.duckdb"
    target.parent.mkdir()
    restore_backup(out, target, tmp_path / "restored" / "attachments")
    restored = open_database(target)
    for table in TABLES:
        pd.testing.assert_frame_equal(rows(restored, table), before[table], check_dtype=True)
    restored.close()
