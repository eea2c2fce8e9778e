"""Small helpers shared by the services."""

from __future__ import annotations

import dataclasses

from ovpm.domain.errors import FieldError, PermissionDenied, ValidationError


def require(allowed: bool) -> None:
    """Raise PermissionDenied unless the access rule holds."""
    if not allowed:
        raise PermissionDenied()


def validate(errors: list[FieldError]) -> None:
    """Raise ValidationError when any rule is broken."""
    if errors:
        raise ValidationError(errors)


def snapshot(record: object, leave_out: tuple[str, ...] = ()) -> dict:
    """A record as a dict for the audit trail, without derived display fields."""
    data = dataclasses.asdict(record)
    for key in leave_out + ("city_name",):
        data.pop(key, None)
    return data
