"""Where things live and which secrets the app runs with, from the environment and `.streamlit/`."""

from __future__ import annotations

import os
import secrets
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECRETS_PATH = ROOT / ".streamlit" / "secrets.toml"
# Files the app's server hands to browsers as they are (`server.enableStaticServing`), at
# app/static/<name>; the PDF builders read them from here.
STATIC_DIR = ROOT / "static"
PLACEHOLDER_KEYS = {"", "change-me", "changeme", "secret", "some_key", "placeholder"}
COOKIE_NAME = "ovpm_session"
COOKIE_EXPIRY_DAYS = 7.0


class ConfigError(RuntimeError):
    """The app must not start with this configuration."""


@dataclass(frozen=True)
class Settings:
    db_path: Path

    @property
    def attachments_dir(self) -> Path:
        """Attachments sit beside the database file they belong to."""
        return attachments_dir_for(self.db_path)


def attachments_dir_for(db_path: Path) -> Path:
    return db_path.parent / f"{db_path.stem}-attachments"


def settings() -> Settings:
    """Paths from `OVPM_DB` (default `data/ovpm.duckdb`)."""
    return Settings(
        db_path=Path(os.environ.get("OVPM_DB", ROOT / "data" / "ovpm.duckdb")).resolve()
    )


def ensure_secrets(path: Path | None = None) -> None:
    """Write a secrets file with a random cookie key when there is none (first run)."""
    path = path or secrets_path()
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'cookie_key = "{secrets.token_urlsafe(48)}"\n', encoding="utf-8")
    path.chmod(0o600)


@lru_cache(maxsize=4)
def cookie_key(path: Path | None = None) -> str:
    """The key that signs session cookies; refuses a missing, short or placeholder value.

    Read once per process: every rerun asks for it, and it changes only with a restart."""
    path = path or secrets_path()
    ensure_secrets(path)
    key = str(tomllib.loads(path.read_text(encoding="utf-8")).get("cookie_key", ""))
    if key.strip().lower() in PLACEHOLDER_KEYS or len(key) < 32:
        raise ConfigError(f"{path}: cookie_key is a placeholder or shorter than 32 characters")
    return key


@dataclass(frozen=True)
class SmtpSettings:
    """The `[smtp]` table of the secrets file; e-mail is off without it."""

    host: str
    port: int
    security: str  # "starttls", "ssl" or "none"
    user: str
    password: str
    sender: str
    app_url: str  # where the links of the messages lead, e.g. https://hub.example.org


def secrets_path() -> Path:
    """The secrets file: `OVPM_SECRETS`, else `.streamlit/secrets.toml`."""
    return Path(os.environ.get("OVPM_SECRETS", SECRETS_PATH))


def smtp_settings() -> SmtpSettings | None:
    """The SMTP server messages go through, or None when e-mail is off (no `[smtp]` host).
    Read again only when the file changes (saves that notify ask for it)."""
    path = secrets_path()
    try:
        stamp = path.stat().st_mtime_ns
    except FileNotFoundError:
        return None
    return _smtp_from(path, stamp)


@lru_cache(maxsize=8)
def _smtp_from(path: Path, stamp: int) -> SmtpSettings | None:
    table = tomllib.loads(path.read_text(encoding="utf-8")).get("smtp") or {}
    if not str(table.get("host", "")).strip():
        return None
    security = str(table.get("security", "starttls")).lower()
    return SmtpSettings(
        host=str(table["host"]).strip(),
        port=int(table.get("port", 465 if security == "ssl" else 587)),
        security=security,
        user=str(table.get("user", "")),
        password=str(table.get("password", "")),
        sender=str(table.get("sender", "")),
        app_url=str(table.get("app_url", "http://localhost:8501")).rstrip("/"),
    )
