import dataclasses

import pytest

from ovpm.domain.errors import ConflictError, PermissionDenied, ValidationError
from ovpm.domain.models import City
from ovpm.services import audit as audit_service
from ovpm.services import cities as city_service


def test_search_is_accent_insensitive(db, actors):
    found = city_service.directory(db, actors["secretariat"], "quebec")
    assert list(found["name"]) == ["Québec"]
    assert list(city_service.directory(db, actors["secretariat"], "CORDOBA")["name"]) == ["Córdoba"]
    assert "Kazan" in set(city_service.directory(db, actors["advisory"], "Казань")["name"])


def test_filters_by_region_country_and_good_standing(db, actors):
    secretariat = actors["secretariat"]
    africa = city_service.directory(db, secretariat, regions=["Africa"])
    assert set(africa["region"]) == {"Africa"} and len(africa) == 3
    france = city_service.directory(db, secretariat, countries=["France"])
    assert set(france["country"]) == {"France"}
    behind = city_service.directory(db, secretariat, good_standing=False)
    assert len(behind) > 0 and not behind["good_standing"].any()


def test_city_user_reads_the_public_directory_and_only_its_own_details(db, actors):
    bordeaux = actors["bordeaux"]
    frame = city_service.directory(db, bordeaux)
    assert len(frame) == 51
    own = frame[frame["id"] == bordeaux.city_id]
    others = frame[frame["id"] != bordeaux.city_id]
    assert own["good_standing"].notna().all()
    assert others["good_standing"].isna().all() and others["language"].isna().all()
    behind = city_service.directory(db, bordeaux, good_standing=False)
    assert len(behind) == 51  # the filter is ignored: it would reveal who is behind
    with pytest.raises(PermissionDenied):
        city_service.get_city(db, bordeaux, actors["bruges"].city_id)


def test_only_the_secretariat_edits_cities(db, actors):
    city = city_service.get_city(db, actors["secretariat"], actors["bruges"].city_id)
    for role in ("advisory", "bruges", "bordeaux"):
        with pytest.raises(PermissionDenied):
            city_service.save_city(db, actors[role], dataclasses.replace(city, name="X"))


def test_saving_a_city_validates_and_audits(db, actors):
    secretariat = actors["secretariat"]
    with pytest.raises(ValidationError) as refused:
        city_service.save_city(
            db, secretariat, City(None, "", "", "Portugal", "P", "Nowhere", None, None)
        )
    assert {e.field for e in refused.value.errors} == {"name", "iso2", "region"}
    created = city_service.save_city(
        db,
        secretariat,
        City(None, " Évora ", "Évora", "Portugal", "pt", "Europe and North America", 38.57, -7.91),
    )
    assert created.name == "Évora" and created.iso2 == "PT"
    entries = audit_service.audit_entries(db, secretariat, entity="city")
    assert entries.iloc[0]["action"] == "create" and '"Évora"' in entries.iloc[0]["after"]


def test_second_save_of_the_same_city_is_refused_with_the_stored_version(db, actors):
    secretariat = actors["secretariat"]
    first_copy = city_service.get_city(db, secretariat, actors["bruges"].city_id)
    second_copy = city_service.get_city(db, secretariat, actors["bruges"].city_id)
    city_service.save_city(db, secretariat, dataclasses.replace(first_copy, local_name="Brugge!"))
    with pytest.raises(ConflictError) as conflict:
        city_service.save_city(db, secretariat, dataclasses.replace(second_copy, lat=1.0))
    assert conflict.value.current.local_name == "Brugge!"
    assert city_service.get_city(db, secretariat, first_copy.id).lat == first_copy.lat


def test_like_wildcards_typed_in_a_search_match_literally(db, actors):
    assert len(city_service.directory(db, actors["secretariat"], "%")) == 51  # empty pattern
    assert len(city_service.directory(db, actors["secretariat"], "q_ebec")) == 0
