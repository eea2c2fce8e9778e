"""Daily commands while the app runs. DuckDB admits one process per file, and the running app
holds it, so `python -m ovpm remind` and `backup` leave a request file beside the database;
the app's sender thread (which wakes at least every minute) does the work and writes the answer.
When the app is stopped, the commands work on the file themselves."""

from __future__ import annotations

import json
import time
from pathlib import Path

from ovpm.store.db import Database

COMMANDS = ("remind", "backup")


def _request(db_path: Path, command: str) -> Path:
    return Path(f"{db_path}.{command}-request")


def _answer(db_path: Path, command: str) -> Path:
    return Path(f"{db_path}.{command}-answer")


def ask_app(db_path: Path, command: str, payload: dict, wait_seconds: int = 180) -> dict | None:
    """Leave a request for the running app and wait for its answer (None: no answer in time)."""
    _answer(db_path, command).unlink(missing_ok=True)
    _request(db_path, command).write_text(json.dumps(payload), encoding="utf-8")
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline:
        answer = _answer(db_path, command)
        if answer.exists():
            found = json.loads(answer.read_text(encoding="utf-8"))
            answer.unlink(missing_ok=True)
            return found
        time.sleep(1)
    _request(db_path, command).unlink(missing_ok=True)
    return None


def serve(db: Database) -> list[str]:
    """Do what the commands asked for (the app's sender calls this); returns what was done."""
    from ovpm.services.reminders import remind_as_dict  # both build on the sender's module
    from ovpm.store.backup import write_backup

    done = []
    for command in COMMANDS:
        request = _request(db.path, command)
        if not request.exists():
            continue
        payload = json.loads(request.read_text(encoding="utf-8") or "{}")
        if command == "remind":
            answer = remind_as_dict(db)
        else:
            out = write_backup(db, db.attachments_dir, Path(payload["out"]))
            answer = {"out": str(out)}
        _answer(db.path, command).write_text(json.dumps(answer), encoding="utf-8")
        request.unlink(missing_ok=True)
        done.append(command)
    return done
