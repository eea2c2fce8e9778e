"""Errors raised by the services; pages turn them into messages in the user's language."""

from __future__ import annotations

from dataclasses import dataclass, field

from ovpm.domain import N_


@dataclass(frozen=True)
class FieldError:
    """One broken rule: the field (a key of FIELD_LABELS) and a translatable message with params."""

    field: str
    message: str
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class RowError:
    """A refused row of an imported table: its line as the spreadsheet numbers it (the
    headings are line 1), the field and a translatable message with its params."""

    line: int
    field: str
    message: str
    params: dict = field(default_factory=dict)


class DomainError(Exception):
    """Base of the errors a service raises on purpose."""


class PermissionDenied(DomainError):
    """The actor may not do this (SPEC.md §1)."""


class NotFound(DomainError):
    """The record does not exist (or is not visible to the actor)."""


class ConflictError(DomainError):
    """Someone else saved the record since it was opened; `current` is what is stored now."""

    def __init__(self, current: object = None):
        super().__init__("stale version")
        self.current = current


class ValidationError(DomainError):
    """Input breaks one or more rules; nothing was written, except, for a refused submit, the
    typed content as the draft (`saved`: that draft, whose version a next save must give)."""

    def __init__(self, errors: list[FieldError], saved: object = None):
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))
        self.errors = errors
        self.saved = saved


class LoginRefused(DomainError):
    """Wrong user name or password, or a disabled account: the message never says which."""


class LoginThrottled(DomainError):
    """Too many failed logins for this user or address in the time window."""

    def __init__(self, retry_after_minutes: int):
        super().__init__("throttled")
        self.retry_after_minutes = retry_after_minutes


class ImportRefused(ValidationError):
    """An import with wrong rows: nothing was saved; `rows` names each one."""

    def __init__(self, rows: list[RowError]):
        super().__init__([FieldError("file", N_("has rows that cannot be imported."))])
        self.rows = rows
