"""Who may see and change what (SPEC.md §1), as pure functions of the actor and the record.

The services call these before every read of protected data and every write; pages only use
them to decide what to offer, never as the gate.
"""

from __future__ import annotations

from ovpm.domain.models import Role, User


def is_secretariat(actor: User) -> bool:
    return actor.role == Role.SECRETARIAT


def can_read_city_details(actor: User, city_id: int) -> bool:
    """Good standing and preferred language: Secretariat, Advisory Group, and the city itself."""
    return actor.role in (Role.SECRETARIAT, Role.ADVISORY) or actor.city_id == city_id


def can_edit_city(actor: User) -> bool:
    return is_secretariat(actor)


def can_edit_contact(actor: User, contact_city_id: int | None) -> bool:
    """The Secretariat edits every contact; a city user the contacts of its own city."""
    if is_secretariat(actor):
        return True
    return (
        actor.role == Role.CITY and contact_city_id is not None and contact_city_id == actor.city_id
    )


def can_manage_users(actor: User) -> bool:
    return is_secretariat(actor)


def audit_city_scope(actor: User) -> tuple[bool, int | None]:
    """(may read the audit trail, restricted to this city or None for all)."""
    if is_secretariat(actor):
        return True, None
    if actor.role == Role.CITY:
        return True, actor.city_id
    return False, None
