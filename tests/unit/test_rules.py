from ovpm.domain.models import City, Contact, ContactKind
from ovpm.domain.rules import (
    city_errors,
    contact_errors,
    email_errors,
    fold,
    password_errors,
    user_errors,
)


def fields(errors):
    return {e.field for e in errors}


def test_email_rule_accepts_addresses_and_names_the_field_otherwise():
    assert email_errors("ana.modelo@cordoba.example.org") == []
    assert fields(email_errors("not-an-address")) == {"email"}
    assert fields(email_errors("", required=True)) == {"email"}
    assert email_errors("") == []


def test_password_policy_is_12_to_128_characters_without_composition_rules():
    assert password_errors("the rain in córdoba") == []
    assert password_errors("lowercase only words here") == []
    assert password_errors("twelve chars") == []
    assert fields(password_errors("eleven char")) == {"password"}
    assert password_errors("long phrase " * 10 + "12345678") == []  # 128 characters
    assert fields(password_errors("long phrase " * 10 + "123456789")) == {"password"}


def test_password_policy_refuses_common_and_guessable_passwords():
    for common in (
        "password1234",
        "Password1234",
        "123456789012",
        "qwertyuiop123",
        "motdepasse123",
        "aaaaaaaaaaaaaa",
        "abababababab",
    ):
        assert fields(password_errors(common)) == {"password"}, common
    assert fields(password_errors("bordeaux-office-2024", username="bordeaux")) == {"password"}


def test_city_rules_name_each_broken_field():
    bad = City(None, "", "", "", "fra", "Atlantis", 95.0, -200.0, True, "de")
    assert fields(city_errors(bad)) == {
        "name",
        "country",
        "iso2",
        "region",
        "lat",
        "lon",
        "language",
    }
    good = City(None, "Évora", "Évora", "Portugal", "PT", "Europe and North America", 38.57, -7.91)
    assert city_errors(good) == []


def test_contact_rules_require_a_city_or_an_organisation():
    contact = Contact(
        None,
        "Lou Esquisse",
        "",
        "lou@x.example.org",
        "",
        None,
        "",
        ContactKind.INTERNATIONAL_EXPERT,
    )
    assert fields(contact_errors(contact)) == {"organisation"}
    bad = Contact(
        None,
        "",
        "",
        "nope",
        "call me",
        1,
        "",
        ContactKind.OTHER,
        ("xx",),
        tuple(f"t{i}" for i in range(11)),
    )
    assert fields(contact_errors(bad)) == {"name", "email", "phone", "languages", "expertise"}


def test_user_rules_bind_a_city_user_to_exactly_one_city():
    assert fields(user_errors("ok.user", "Ok", "", "city", None, "fr")) == {"city"}
    assert fields(user_errors("ok.user", "Ok", "", "advisory", 3, "fr")) == {"city"}
    assert fields(user_errors("No Spaces", "", "x", "boss", None, "de")) == {
        "username",
        "name",
        "email",
        "role",
        "language",
    }
    assert user_errors("ok.user", "Ok", "", "city", 3, "es") == []


def test_fold_removes_accents_for_search():
    assert fold("Québec Córdoba İstanbul") == "quebec cordoba istanbul"


def test_city_time_zone_must_be_a_known_zone():
    city = City(None, "Évora", "", "Portugal", "PT", "Europe and North America", None, None)
    assert city_errors(city) == []  # UTC by default
    import dataclasses

    assert fields(city_errors(dataclasses.replace(city, timezone="Mars/Olympus"))) == {"timezone"}
    assert city_errors(dataclasses.replace(city, timezone="Europe/Lisbon")) == []
