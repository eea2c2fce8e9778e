from datetime import date
from decimal import Decimal

import pytest

from ovpm.domain.errors import PermissionDenied, ValidationError
from ovpm.domain.money import MissingRate, Rate, convert, rate_errors
from ovpm.services import audit as audit_service
from ovpm.services import money as service

RATES = [
    Rate("CAD", date(2023, 1, 1), Decimal("0.68")),
    Rate("CAD", date(2023, 7, 1), Decimal("0.70")),  # a rate change mid-period
    Rate("USD", date(2023, 1, 1), Decimal("0.92")),
]


def test_conversion_uses_the_rate_in_force_on_the_entrys_date():
    assert convert(Decimal("1000.00"), "CAD", date(2023, 6, 30), RATES, "EUR") == Decimal("680.00")
    assert convert(Decimal("1000.00"), "CAD", date(2023, 7, 1), RATES, "EUR") == Decimal("700.00")
    assert convert(Decimal("12345.67"), "EUR", date(2020, 1, 1), RATES, "EUR") == Decimal(
        "12345.67"
    )
    assert convert(Decimal("0.05"), "USD", date(2024, 1, 1), RATES, "EUR") == Decimal("0.05")


def test_a_missing_rate_is_an_error_never_a_zero():
    with pytest.raises(MissingRate) as missing:
        convert(Decimal("10"), "CAD", date(2022, 12, 31), RATES, "EUR")
    assert (missing.value.currency, missing.value.on) == ("CAD", date(2022, 12, 31))
    with pytest.raises(MissingRate):
        convert(Decimal("10"), "GBP", date(2024, 1, 1), RATES, "EUR")


def test_rate_rules():
    assert rate_errors("CAD", Decimal("0.7"), "EUR") == []
    assert {e.field for e in rate_errors("EUR", Decimal("1"), "EUR")} == {"currency"}
    assert {e.field for e in rate_errors("cad", Decimal("-1"), "EUR")} == {"currency", "rate"}


def test_the_secretariat_keeps_rates_and_the_envelope(db, actors):
    secretariat = actors["secretariat"]
    assert service.reporting(db, secretariat) == ("EUR", Decimal("45000.00"))  # the demo's
    for role in ("advisory", "bordeaux"):
        with pytest.raises(PermissionDenied):
            service.save_rate(db, actors[role], RATES[0])
        with pytest.raises(PermissionDenied):
            service.save_reporting(db, actors[role], "EUR", Decimal("1"))
    with pytest.raises(ValidationError):
        service.save_reporting(db, secretariat, "GBP", Decimal("-1"))
    with pytest.raises(ValidationError) as refused:  # rates to EUR are recorded
        service.save_reporting(db, secretariat, "CAD", Decimal("1"))
    assert [e.field for e in refused.value.errors] == ["reporting_currency"]
    service.save_reporting(db, secretariat, "EUR", Decimal("150000.00"))
    service.save_rate(db, secretariat, Rate("CAD", date(2023, 7, 1), Decimal("0.70")))
    service.save_rate(db, secretariat, Rate("CAD", date(2023, 7, 1), Decimal("0.71")))  # corrected
    with pytest.raises(ValidationError) as refused:
        service.save_rate(db, secretariat, Rate("USD", None, Decimal("0.9")))
    assert [e.field for e in refused.value.errors] == ["valid_from"]
    stored = service.rates(db, actors["advisory"])
    assert ("CAD", date(2023, 7, 1), Decimal("0.71000000")) in [
        (r.currency, r.valid_from, r.rate) for r in stored
    ]
    assert service.reporting(db, secretariat) == ("EUR", Decimal("150000.00"))
    entity = audit_service.audit_entries(db, secretariat).iloc[0]["entity"]
    assert entity == "exchange_rate"
