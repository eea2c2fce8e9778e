"""Full backup and exact restore: DuckDB's EXPORT/IMPORT DATABASE plus the attachments folder."""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from pathlib import Path

import duckdb

from ovpm.store.db import Database, DatabaseLocked

DATABASE_FOLDER = "database/"
ATTACHMENTS_FOLDER = "attachments/"


def _quoted(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def write_backup(db: Database, attachments_dir: Path, out_path: Path) -> Path:
    """Write a zip with the whole database and every attachment; returns its path."""
    with tempfile.TemporaryDirectory() as work:
        export_dir = Path(work) / "export"
        # Under the write lock: no save can slip in between two tables.
        with db.unit_of_work() as cur:
            cur.execute("EXPORT DATABASE " + _quoted(export_dir) + " (FORMAT parquet)")
        out_path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out_path, "w", zipfile.ZIP_DEFLATED) as archive:
            for file in sorted(export_dir.rglob("*")):
                archive.write(file, DATABASE_FOLDER + file.relative_to(export_dir).as_posix())
            if attachments_dir.exists():
                for file in sorted(attachments_dir.rglob("*")):
                    if file.is_file():
                        archive.write(
                            file, ATTACHMENTS_FOLDER + file.relative_to(attachments_dir).as_posix()
                        )
    return out_path


def _safe_members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    members = archive.infolist()
    for member in members:
        name = member.filename
        if name.startswith("/") or ".." in Path(name).parts:
            raise ValueError(f"unsafe path in backup: {name}")
        if not name.startswith((DATABASE_FOLDER, ATTACHMENTS_FOLDER)):
            raise ValueError(f"not a Roadmap Hub backup: {name}")
    return members


def restore_backup(backup_path: Path, db_path: Path, attachments_dir: Path) -> None:
    """Replace the database file and attachments with a backup's (the app must be stopped)."""
    if db_path.exists():
        Database(db_path).close()  # raises DatabaseLocked while the app holds the file
    with tempfile.TemporaryDirectory(dir=db_path.parent) as work:
        work_dir = Path(work)
        with zipfile.ZipFile(backup_path) as archive:
            archive.extractall(work_dir, members=_safe_members(archive))
        new_db = work_dir / "restored.duckdb"
        connection = duckdb.connect(str(new_db))
        try:
            connection.execute("IMPORT DATABASE " + _quoted(work_dir / DATABASE_FOLDER))
        finally:
            connection.close()
        for leftover in (Path(str(db_path) + ".wal"),):
            leftover.unlink(missing_ok=True)
        os.replace(new_db, db_path)
        restored_attachments = work_dir / ATTACHMENTS_FOLDER
        if attachments_dir.exists():
            shutil.rmtree(attachments_dir)
        if restored_attachments.exists():
            shutil.move(str(restored_attachments), attachments_dir)


__all__ = ["write_backup", "restore_backup", "DatabaseLocked"]
