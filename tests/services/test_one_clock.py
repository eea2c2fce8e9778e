"""Dates a user reads come from one clock: with "today" pinned, nothing is dated after it."""

from datetime import UTC, date, datetime, timedelta

from ovpm import clock
from ovpm.services import audit as audit_service
from ovpm.services import submissions as submission_service


def test_with_today_pinned_a_new_action_is_dated_today(db, actors, monkeypatch):
    monkeypatch.setenv("OVPM_TODAY", "2024-03-01")
    assert clock.now_utc().date() == date(2024, 3, 1)
    sheet = submission_service.listing(db, actors["secretariat"]).iloc[0]
    submission_service.add_comment(db, actors["advisory"], int(sheet["id"]), "Dated today.")
    newest = audit_service.audit_entries(db, actors["secretariat"]).iloc[0]
    assert newest["happened_at"].date() == date(2024, 3, 1)


def test_security_compares_with_the_real_time(monkeypatch):
    monkeypatch.setenv("OVPM_TODAY", "2024-03-01")
    assert abs(clock.real_now_utc() - datetime.now(UTC).replace(tzinfo=None)) < timedelta(minutes=1)


def test_nothing_in_the_demo_happens_after_today(db, actors):
    entries = audit_service.audit_entries(db, actors["secretariat"])
    assert entries["happened_at"].max().date() <= date(2024, 3, 1)
