import dataclasses

import pytest

from ovpm.domain.errors import ConflictError, PermissionDenied, ValidationError
from ovpm.domain.models import Contact, ContactKind
from ovpm.services import audit as audit_service
from ovpm.services import contacts as contact_service
from ovpm.services.contacts import ContactFilter


def new_contact(city_id, **changes):
    base = Contact(
        None,
        "Eden Prototypa",
        "Architect",
        "eden@demo.example.org",
        "+00 12 3456",
        city_id,
        "",
        ContactKind.LOCAL_EXPERT,
        ("fr",),
        ("housing",),
    )
    return dataclasses.replace(base, **changes)


def test_everyone_reads_the_shared_address_book(db, actors):
    counts = {
        role: len(contact_service.search_contacts(db, actors[role], ContactFilter()))
        for role in ("secretariat", "advisory", "bordeaux")
    }
    assert len(set(counts.values())) == 1 and counts["bordeaux"] > 250


def test_filters_by_city_kind_expertise_and_language(db, actors):
    bruges = actors["bruges"].city_id
    frame = contact_service.search_contacts(
        db, actors["advisory"], ContactFilter(city_ids=(bruges,), kinds=("elected_official",))
    )
    assert len(frame) == 1 and frame.iloc[0]["city_id"] == bruges
    experts = contact_service.search_contacts(
        db, actors["advisory"], ContactFilter(kinds=("international_expert",), expertise="URBAN")
    )
    assert len(experts) > 0 and all(
        any("urban" in e for e in tags) for tags in experts["expertise"]
    )
    spanish = contact_service.search_contacts(
        db, actors["advisory"], ContactFilter(languages=("es",))
    )
    assert all("es" in codes for codes in spanish["languages"])


@pytest.mark.parametrize(
    "role, own_city, allowed",
    [
        ("secretariat", False, True),
        ("secretariat", True, True),
        ("bordeaux", True, True),
        ("bordeaux", False, False),
        ("advisory", False, False),
        ("advisory", True, False),
    ],
)
def test_who_may_add_a_contact(db, actors, role, own_city, allowed):
    city_id = actors["bordeaux"].city_id if own_city else actors["bruges"].city_id
    contact = new_contact(city_id)
    if allowed:
        assert contact_service.save_contact(db, actors[role], contact).id is not None
    else:
        with pytest.raises(PermissionDenied):
            contact_service.save_contact(db, actors[role], contact)


def test_city_user_cannot_move_another_citys_contact_into_its_city(db, actors):
    theirs = contact_service.save_contact(
        db, actors["secretariat"], new_contact(actors["bruges"].city_id)
    )
    with pytest.raises(PermissionDenied):
        contact_service.save_contact(
            db, actors["bordeaux"], dataclasses.replace(theirs, city_id=actors["bordeaux"].city_id)
        )
    with pytest.raises(PermissionDenied):
        contact_service.delete_contact(db, actors["bordeaux"], theirs.id, theirs.version)


def test_bad_contact_is_refused_field_by_field_and_nothing_is_saved(db, actors):
    before = len(contact_service.search_contacts(db, actors["secretariat"], ContactFilter()))
    with pytest.raises(ValidationError) as refused:
        contact_service.save_contact(
            db,
            actors["bordeaux"],
            new_contact(actors["bordeaux"].city_id, name=" ", email="eden-at-bordeaux"),
        )
    assert {e.field for e in refused.value.errors} == {"name", "email"}
    assert (
        len(contact_service.search_contacts(db, actors["secretariat"], ContactFilter())) == before
    )


def test_edit_conflict_and_audit_with_before_and_after(db, actors):
    bordeaux = actors["bordeaux"]
    saved = contact_service.save_contact(db, bordeaux, new_contact(bordeaux.city_id))
    contact_service.save_contact(db, bordeaux, dataclasses.replace(saved, title="Chief architect"))
    with pytest.raises(ConflictError):
        contact_service.save_contact(
            db, actors["secretariat"], dataclasses.replace(saved, phone="")
        )
    entry = audit_service.audit_entries(db, actors["secretariat"], entity="contact").iloc[0]
    assert entry["action"] == "update" and entry["actor_username"] == "bordeaux"
    assert '"Architect"' in entry["before"] and '"Chief architect"' in entry["after"]


def test_exports_follow_the_filter(db, actors):
    where = ContactFilter(city_ids=(actors["quebec"].city_id,))
    csv_text = contact_service.export_csv(db, actors["quebec"], where).decode("utf-8-sig")
    lines = csv_text.strip().splitlines()
    assert lines[0].startswith("name,title,email") and len(lines) == 1 + 5
    assert all("Québec" in line for line in lines[1:])
    cards = contact_service.export_vcard(db, actors["quebec"], where).decode("utf-8")
    assert cards.count("BEGIN:VCARD") == 5
