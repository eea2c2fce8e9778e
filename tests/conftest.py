"""Shared fixtures: a demo database built once per run, copied fresh for each test."""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ovpm.config import attachments_dir_for  # noqa: E402
from ovpm.services import auth as auth_service  # noqa: E402
from ovpm.store import users as user_store  # noqa: E402
from ovpm.store.db import open_database  # noqa: E402

# Cheap hashes keep the suite fast; the login flow is the same at any cost factor.
auth_service.BCRYPT_ROUNDS = 4
DEMO_ACCOUNTS = ("secretariat", "advisory", "bordeaux", "bruges", "cordoba", "quebec")
PASSWORD = "patrimoine-2024"
PINNED_TODAY = "2024-03-01"


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    from ovpm.demo import create_demo

    path = tmp_path_factory.mktemp("template") / "demo.duckdb"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OVPM_TODAY", PINNED_TODAY)  # as `make run` creates it: one clock
        database = open_database(path)
        create_demo(database)
        database.close()
    return path


def copy_database(source: Path, target: Path) -> None:
    """A database file and its attachments folder."""
    shutil.copy(source, target)
    if attachments_dir_for(source).exists():
        shutil.copytree(attachments_dir_for(source), attachments_dir_for(target))


@pytest.fixture
def db_path(demo_template, tmp_path, monkeypatch) -> Path:
    path = tmp_path / "ovpm.duckdb"
    copy_database(demo_template, path)
    monkeypatch.setenv("OVPM_DB", str(path))
    monkeypatch.setenv("OVPM_TODAY", PINNED_TODAY)
    return path


@pytest.fixture
def db(db_path):
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def actors(db) -> dict:
    with db.reading() as cur:
        return {name: user_store.find(cur, name) for name in DEMO_ACCOUNTS}


def signed_in_state(username: str) -> dict:
    """Session-state keys that make an AppTest session signed in as this user."""
    return {"authentication_status": True, "username": username, "ovpm_opened_at": time.time()}
