"""The DuckDB file: one connection per process and path, a cursor per call, one write lock.

DuckDB lets only one process open the file; inside the process, a connection shared by threads
fails, so every call works on its own cursor. Writes take a process-wide lock: without it,
concurrent updates of one row are lost to "Conflict on update".
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TypeVar

import duckdb

from ovpm.config import attachments_dir_for

MIGRATIONS_PACKAGE = "ovpm.store.migrations"


T = TypeVar("T")


@dataclass
class _FileState:
    generation: int = 0  # moves on every committed unit of work on the file
    derived: dict[Hashable, tuple[int, object]] = field(default_factory=dict)
    listeners: list[Callable[[], None]] = field(default_factory=list)  # told of each commit


_FILE_STATES: dict[str, _FileState] = {}


class DatabaseLocked(RuntimeError):
    """Another process (usually the running app) holds the database file."""


class Database:
    """An open DuckDB file with its write lock; create it with `open_database`."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._connection = duckdb.connect(str(self.path))
        except duckdb.IOException as error:
            if "lock" in str(error).lower():
                raise DatabaseLocked(
                    f"{self.path} is in use by another process (is the app running?). "
                    "Stop the app first; a backup can also be downloaded from the app's "
                    "Backup page."
                ) from error
            raise
        self._write_lock = threading.RLock()
        self.attachments_dir = attachments_dir_for(self.path)
        # Shared by every Database of this file in the process (tests open several); a file
        # opened anew (after a restore, say) keeps nothing derived from its former content.
        self._state = _FILE_STATES.setdefault(str(self.path.resolve()), _FileState())
        self._state.generation += 1

    @contextmanager
    def reading(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of its own for one read."""
        cursor = self._connection.cursor()
        try:
            yield cursor
        finally:
            cursor.close()

    @contextmanager
    def unit_of_work(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """One transaction under the write lock: committed on success, rolled back on error."""
        with self._write_lock:
            cursor = self._connection.cursor()
            cursor.begin()
            try:
                yield cursor
                cursor.commit()
                self._state.generation += 1
                for listener in self._state.listeners:
                    listener()
            except BaseException:
                cursor.rollback()
                raise
            finally:
                cursor.close()

    def on_commit(self, listener: Callable[[], None]) -> None:
        """Call `listener` (quick: it only wakes a thread) after each committed unit of work."""
        self._state.listeners.append(listener)

    def derived(self, key: Hashable, compute: Callable[[], T]) -> T:
        """A value computed from the data, kept until the next committed write.

        Every write of this process goes through `unit_of_work`, and DuckDB's file lock keeps
        other processes out while the app runs, so a kept value is never stale. Callers must
        treat the value as read-only."""
        state = self._state
        generation = state.generation
        kept = state.derived.get(key)
        if kept is not None and kept[0] == generation:
            return kept[1]
        value = compute()
        if len(state.derived) > 256:
            state.derived.clear()
        state.derived[key] = (generation, value)
        return value

    def kept_read(self, key: Hashable, read: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """`read(cursor)`, kept until the next committed write (see `derived`)."""

        def compute() -> T:
            with self.reading() as cur:
                return read(cur)

        return self.derived(key, compute)

    def close(self) -> None:
        """Close the file (tests, backup and restore)."""
        self._connection.close()


def open_database(path: Path) -> Database:
    """Open (or create) the database file and bring its schema up to date."""
    database = Database(path)
    apply_migrations(database)
    return database


def migration_files() -> list[tuple[int, str, str]]:
    """(number, name, sql) of every migration, in order."""
    found = []
    for entry in resources.files(MIGRATIONS_PACKAGE).iterdir():
        if entry.name.endswith(".sql"):
            found.append((int(entry.name.split("_", 1)[0]), entry.name, entry.read_text("utf-8")))
    return sorted(found)


def apply_migrations(database: Database) -> list[str]:
    """Apply the migrations not yet recorded in `schema_migrations`; returns their names."""
    applied_now = []
    with database.unit_of_work() as cur:
        cur.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(number INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP)"
        )
        done = {row[0] for row in cur.execute("SELECT number FROM schema_migrations").fetchall()}
        for number, name, sql in migration_files():
            if number in done:
                continue
            cur.execute(sql)
            cur.execute(
                "INSERT INTO schema_migrations VALUES (?, ?, now()::TIMESTAMP)", [number, name]
            )
            applied_now.append(name)
    return applied_now


def next_id(cur: duckdb.DuckDBPyConnection, table: str) -> int:
    """The next id of a table; safe because it is called inside the unit of work's lock."""
    return cur.execute(_NEXT_ID_SQL[table]).fetchall()[0][0]


_NEXT_ID_SQL = {
    table: "SELECT coalesce(max(id), 0) + 1 FROM " + table
    for table in (
        "cycles",
        "milestones",
        "cities",
        "users",
        "contacts",
        "attachments",
        "submissions",
        "submission_events",
        "submission_comments",
        "networks",
        "round_tables",
        "meetings",
        "action_items",
        "diagnosis_entries",
        "project_seeds",
        "working_groups",
        "budget_lines",
        "budget_entries",
        "workshops",
        "pilot_projects",
        "project_indicators",
        "indicator_values",
        "missions",
        "outbox",
    )
}
