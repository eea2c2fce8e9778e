"""Translations (gettext catalogs in locales/) and locale formatting with Babel.

Messages are written in English in the code and looked up in the user's catalog; a test fails
when a message lacks a translation in French, English or Spanish.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.dates import format_datetime as _babel_datetime
from babel.dates import format_interval, get_day_names, get_month_names
from babel.messages.pofile import read_po
from babel.numbers import (
    format_currency,
    format_decimal,
    get_decimal_symbol,
    get_group_symbol,
)
from babel.numbers import format_percent as _babel_percent

from ovpm.domain.errors import FieldError
from ovpm.domain.models import DEFAULT_LANGUAGE, LANGUAGES
from ovpm.domain.rules import TECHNICAL_FIELDS, field_label_parts
from ovpm.domain.submission_rules import DATE_FIELDS, flat_fields, value_label_parts

LOCALES_DIR = Path(__file__).parent / "locales"
LANGUAGE_NAMES = {"fr": "Français", "en": "English", "es": "Español"}


def catalog_path(language: str) -> Path:
    return LOCALES_DIR / language / "LC_MESSAGES" / "messages.po"


@lru_cache(maxsize=len(LANGUAGES))
def catalog(language: str) -> dict[str, str]:
    """msgid → translation of one language, read once per process."""
    with catalog_path(language).open("rb") as handle:
        po = read_po(handle, locale=language)
    return {
        m.id: m.string for m in po if m.id and isinstance(m.id, str) and m.string and not m.fuzzy
    }


def normalise(language: str | None) -> str:
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def translator(language: str) -> Callable[..., str]:
    """`_("message {name}", name=...)` in the given language."""
    messages = catalog(normalise(language))

    def translate(message: str, **params: object) -> str:
        text = messages.get(message, message)
        return text.format(**params) if params else text

    return translate


def field_label(field: str, language: str) -> str:
    """A field key ('themes.2.title') as a label in the user's language ('Thème 3 › Fonction')."""
    _ = translator(language)
    return " › ".join(_(message, **params) for message, params in field_label_parts(field))


def field_value(field: str, value: str, language: str) -> str:
    """A stored field value as a reader reads it (differences, history, a conflict): coded
    values by their name ('Axe 2 — …', 'Atelier international'), dates in the reader's
    format, free text as typed."""
    parts = value_label_parts(field, value)
    if parts is not None:
        _ = translator(language)
        return " — ".join(_(message, **params) for message, params in parts)
    if field.rsplit(".", 1)[-1] in DATE_FIELDS and value:
        try:
            return format_day(date.fromisoformat(value), language, "medium")
        except ValueError:
            return value
    return value


def record_text(data: object, language: str) -> str:
    """A stored record (an audit entry's before or after) as a reader reads it: 'Status:
    Approved · Revision: 2', field labels and coded values by name."""
    _ = translator(language)
    return " · ".join(
        _(
            "{label}: {value}",
            label=field_label(key, language),
            value=field_value(key, text, language),
        )
        for key, text in flat_fields(data).items()
        if text and not _is_technical(key)
    )


def _is_technical(field: str) -> bool:
    last = field.rsplit(".", 1)[-1]
    return last in TECHNICAL_FIELDS or last.endswith("_id")


def field_error_text(error: FieldError, language: str) -> str:
    """'E-mail — must be an e-mail address …' in the user's language."""
    _ = translator(language)
    return f"{field_label(error.field, language)} — {_(error.message, **error.params)}"


def format_day(value: date | None, language: str, style: str = "long") -> str:
    """A date in the user's language ('1 mars 2024', 'March 1, 2024', '1 de marzo de 2024')."""
    return "" if value is None else _babel_date(value, format=style, locale=normalise(language))


def format_iso_day(value: str, language: str) -> str:
    """A date kept as ISO text in a document ('2024-03-20'), short, in the user's language;
    '' when there is none."""
    return format_day(date.fromisoformat(value), language, "medium") if value else ""


def format_period(starts: date, ends: date, language: str) -> str:
    """A span of days, compactly ('24–27 sept. 2024')."""
    return format_interval(starts, ends, skeleton="yMMMd", locale=normalise(language))


def format_moment(value: datetime | None, language: str) -> str:
    """A UTC timestamp, shown with medium date and time."""
    return (
        ""
        if value is None
        else _babel_datetime(value, format="medium", tzinfo=None, locale=normalise(language))
    )


def format_number(value: float | int | Decimal, language: str) -> str:
    """A number with the language's separators."""
    return format_decimal(value, locale=normalise(language))


def format_amount(value: Decimal, language: str) -> str:
    """An exact amount with two decimals and the language's separators ('12 345,67')."""
    return format_decimal(value, format="#,##0.00", locale=normalise(language))


def format_percent(share: float, language: str) -> str:
    """A share as a percentage in the language's way ('42 %')."""
    return _babel_percent(share, locale=normalise(language))


def format_money(amount: Decimal, currency: str, language: str) -> str:
    """An amount of money, exact, in the language's way ('12 345,67 €')."""
    return format_currency(amount, currency, locale=normalise(language))


@lru_cache(maxsize=64)
def language_name(code: str, language: str) -> str:
    """The name of a language (ISO 639-1 code) in the user's language."""
    names = Locale.parse(normalise(language)).languages
    return names.get(code, code)


@lru_cache(maxsize=1024)
def country_name(iso2: str, language: str) -> str:
    """A country's name in the user's language, from its ISO 3166-1 code."""
    return Locale.parse(normalise(language)).territories.get((iso2 or "").upper(), iso2)


def format_in_zone(moment_utc: datetime, zone: str, language: str) -> str:
    """A UTC moment as wall-clock time in a zone ('22 juin 2023 10:00 UTC−4')."""
    from ovpm.domain.times import in_zone

    local = in_zone(moment_utc, zone)
    offset = local.utcoffset().total_seconds() / 3600
    sign = "+" if offset >= 0 else "−"
    offset_text = f"UTC{sign}{abs(offset):g}"
    return (
        _babel_datetime(
            local, format="d MMM y HH:mm", tzinfo=local.tzinfo, locale=normalise(language)
        )
        + " "
        + offset_text
    )


@lru_cache(maxsize=len(LANGUAGES))
def chart_locale(language: str) -> dict:
    """Number and date names of a language as Vega expects them (`config.locale` of a chart):
    axes then read "2 000,5" in French and "2.000,5" in Spanish, with month names to match."""
    sunday_first = [6, 0, 1, 2, 3, 4, 5]  # Babel counts from Monday, Vega from Sunday
    wide_days = get_day_names("wide", locale=language)
    short_days = get_day_names("abbreviated", locale=language)
    return {
        "number": {
            "decimal": get_decimal_symbol(language),
            "thousands": get_group_symbol(language),
            "grouping": [3],
            "currency": ["", ""],
        },
        "time": {
            "dateTime": "%Y-%m-%d %H:%M",
            "date": "%Y-%m-%d",
            "time": "%H:%M:%S",
            "periods": ["AM", "PM"],
            "days": [wide_days[d] for d in sunday_first],
            "shortDays": [short_days[d] for d in sunday_first],
            "months": list(get_month_names("wide", locale=language).values()),
            "shortMonths": list(get_month_names("abbreviated", locale=language).values()),
        },
    }
