import dataclasses
import time
from datetime import timedelta

import pytest

from ovpm.domain.errors import LoginRefused, LoginThrottled, PermissionDenied, ValidationError
from ovpm.domain.models import Role
from ovpm.services import audit as audit_service
from ovpm.services import auth
from ovpm.services import users as user_service

PASSWORD = "patrimoine-2024"


def test_demo_accounts_sign_in_with_their_roles(db):
    for username, role in [
        ("secretariat", Role.SECRETARIAT),
        ("advisory", Role.ADVISORY),
        ("bordeaux", Role.CITY),
        ("cordoba", Role.CITY),
    ]:
        user = auth.login(db, username, PASSWORD, "127.0.0.1")
        assert user.role == role
    assert auth.login(db, "quebec", PASSWORD, "127.0.0.1").city_name == "Québec"


def test_wrong_password_and_unknown_user_get_the_same_refusal(db):
    with pytest.raises(LoginRefused):
        auth.login(db, "bordeaux", "not the password", "127.0.0.1")
    with pytest.raises(LoginRefused):
        auth.login(db, "nobody", PASSWORD, "127.0.0.1")


def test_failed_logins_are_throttled_per_user_within_a_time_window(db, monkeypatch):
    for _ in range(auth.MAX_FAILURES_PER_USER):
        with pytest.raises(LoginRefused):
            auth.login(db, "bruges", "wrong password!", "10.9.9.9")
    with pytest.raises(LoginThrottled):
        auth.login(db, "bruges", PASSWORD, "10.9.9.8")  # even the right password, from elsewhere
    assert auth.login(db, "bordeaux", PASSWORD, "10.9.9.9").username == "bordeaux"
    later = auth.real_now_utc() + auth.THROTTLE_WINDOW + timedelta(seconds=1)
    monkeypatch.setattr(auth, "real_now_utc", lambda: later)
    assert auth.login(db, "bruges", PASSWORD, "10.9.9.9").username == "bruges"


def test_failed_logins_are_throttled_per_address(db):
    for attempt in range(auth.MAX_FAILURES_PER_ADDRESS):
        with pytest.raises(LoginRefused):
            auth.login(db, f"guess{attempt}", "wrong password!", "10.1.2.3")
    with pytest.raises(LoginThrottled):
        auth.login(db, "quebec", PASSWORD, "10.1.2.3")
    assert auth.login(db, "quebec", PASSWORD, "10.1.2.4").username == "quebec"


def test_logout_revokes_every_session_including_copied_cookies(db):
    opened_before = time.time()
    user = auth.login(db, "bordeaux", PASSWORD, "127.0.0.1")
    assert auth.session_user(db, "bordeaux", opened_before) is not None
    auth.logout(db, user)
    assert auth.session_user(db, "bordeaux", opened_before) is None
    assert auth.session_user(db, "bordeaux", time.time() + 0.001) is not None  # a new login


def test_password_change_revokes_sessions_and_applies_the_policy(db, actors):
    bordeaux = actors["bordeaux"]
    opened = time.time()
    with pytest.raises(LoginRefused):
        auth.change_password(db, bordeaux, "wrong current", "a brand new phrase")
    with pytest.raises(ValidationError):
        auth.change_password(db, bordeaux, PASSWORD, "password1234")
    auth.change_password(db, bordeaux, PASSWORD, "a brand new phrase")
    assert auth.session_user(db, "bordeaux", opened) is None
    with pytest.raises(LoginRefused):
        auth.login(db, "bordeaux", PASSWORD, "127.0.0.1")
    assert auth.login(db, "bordeaux", "a brand new phrase", "127.0.0.1").username == "bordeaux"


def test_passwords_longer_than_bcrypt_reads_are_fully_checked(db, actors):
    long_password = "a long passphrase " * 7  # 126 characters, beyond bcrypt's 72 bytes
    auth.change_password(db, actors["quebec"], PASSWORD, long_password)
    with pytest.raises(LoginRefused):
        auth.login(db, "quebec", long_password[:-1] + "X", "127.0.0.1")
    assert auth.login(db, "quebec", long_password, "127.0.0.1").username == "quebec"


def test_disabling_a_user_ends_their_sessions_and_login(db, actors):
    opened = time.time()
    target = actors["bruges"]
    user_service.update_user(db, actors["secretariat"], dataclasses.replace(target, active=False))
    assert auth.session_user(db, "bruges", opened) is None
    assert auth.session_user(db, "bruges", time.time() + 1) is None
    with pytest.raises(LoginRefused):
        auth.login(db, "bruges", PASSWORD, "127.0.0.1")


def test_changing_role_or_city_ends_sessions_but_a_name_change_does_not(db, actors):
    opened = time.time()
    secretariat = actors["secretariat"]
    renamed = user_service.update_user(
        db, secretariat, dataclasses.replace(actors["cordoba"], name="Officer of Córdoba")
    )
    assert auth.session_user(db, "cordoba", opened) is not None
    user_service.update_user(
        db, secretariat, dataclasses.replace(renamed, city_id=actors["quebec"].city_id)
    )
    assert auth.session_user(db, "cordoba", opened) is None


def test_only_the_secretariat_manages_users(db, actors):
    for role in ("advisory", "bordeaux"):
        with pytest.raises(PermissionDenied):
            user_service.list_users(db, actors[role])
        with pytest.raises(PermissionDenied):
            user_service.create_user(
                db,
                actors[role],
                "new.user",
                "New",
                "",
                "advisory",
                None,
                "fr",
                "a fine long phrase",
            )
        with pytest.raises(PermissionDenied):
            user_service.reset_password(db, actors[role], actors["quebec"].id, "a fine long phrase")


def test_creating_a_user_checks_every_rule(db, actors):
    secretariat = actors["secretariat"]
    with pytest.raises(ValidationError) as refused:
        user_service.create_user(
            db, secretariat, "bordeaux", "", "x", "city", None, "fr", "a fine long phrase"
        )
    assert {e.field for e in refused.value.errors} == {"username", "name", "email", "city"}
    with pytest.raises(ValidationError) as weak:
        user_service.create_user(
            db, secretariat, "lena", "Lena", "", "advisory", None, "fr", "short"
        )
    assert {e.field for e in weak.value.errors} == {"password"}
    created = user_service.create_user(
        db,
        secretariat,
        "Lena.Brouillon",
        "Lena Brouillon",
        "lena@demo.example.org",
        "advisory",
        None,
        "es",
        "a fine long phrase",
    )
    assert created.username == "lena.brouillon"
    assert auth.login(db, "lena.brouillon", "a fine long phrase", "127.0.0.1").language == "es"


def test_reset_password_ends_sessions_and_is_audited_without_the_hash(db, actors):
    opened = time.time()
    user_service.reset_password(
        db, actors["secretariat"], actors["quebec"].id, "a temporary phrase"
    )
    assert auth.session_user(db, "quebec", opened) is None
    entries = audit_service.audit_entries(db, actors["secretariat"], entity="user")
    assert entries.iloc[0]["action"] == "reset_password"
    all_entries = audit_service.audit_entries(db, actors["secretariat"], limit=100000)
    assert not all_entries["after"].fillna("").str.contains(r"\$2b\$").any()
