"""Every message of the code has a translation in French, English and Spanish."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

from ovpm import i18n
from ovpm.domain.models import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{(\w+)\}")


def code_messages() -> set[str]:
    found = set()
    for folder in ("ovpm", "pages"):
        for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT / folder, method_map=[("**.py", "python")], keywords={"_": None, "N_": None}
        ):
            found.add(message)
    for _file, _line, message, _c, _ctx in extract_from_dir(
        ROOT, method_map=[("app.py", "python")], keywords={"_": None, "N_": None}
    ):
        found.add(message)
    return {m for m in found if isinstance(m, str) and m}


MESSAGES = sorted(code_messages())


def test_the_code_has_messages_to_translate():
    assert len(MESSAGES) > 150


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language):
    catalog = i18n.catalog(language)
    missing = [m for m in MESSAGES if not catalog.get(m)]
    assert missing == [], f"{language}: {len(missing)} messages lack a translation: {missing[:10]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_their_placeholders(language):
    catalog = i18n.catalog(language)
    broken = [
        m
        for m in MESSAGES
        if m in catalog and set(PLACEHOLDER.findall(m)) != set(PLACEHOLDER.findall(catalog[m]))
    ]
    assert broken == []


def test_vocabulary_of_the_spec_is_used():
    assert i18n.translator("fr")("Advisory Group") == "Groupe conseil"
    assert i18n.translator("es")("Advisory Group") == "Grupo Asesor"
    assert i18n.translator("fr")("Address book") == "Carnet d'adresses"
    assert i18n.translator("es")("Address book") == "Libreta de direcciones"


def test_money_and_dates_follow_the_language():
    amount = Decimal("12345.67")
    assert i18n.format_money(amount, "EUR", "fr") == "12\u202f345,67\xa0€"
    assert i18n.format_money(amount, "EUR", "en") == "€12,345.67"
    assert i18n.format_money(amount, "EUR", "es") == "12.345,67\xa0€"
    from datetime import date

    assert i18n.format_day(date(2024, 3, 1), "fr") == "1 mars 2024"
    assert i18n.format_day(date(2024, 3, 1), "es") == "1 de marzo de 2024"


def test_unknown_language_falls_back_to_french():
    assert i18n.translator("de")("Sign in") == "Se connecter"


def test_messages_are_marked_where_the_extractor_finds_them():
    """Only `_("…")` and `N_("…")` calls are extracted; `gettext()("…")` would escape the check."""
    for path in [*(ROOT / "ovpm").rglob("*.py"), *(ROOT / "pages").glob("*.py"), ROOT / "app.py"]:
        text = path.read_text("utf-8")
        assert not re.search(r"gettext\(\)\(\s*[\"']", text), path
        # inside an f-string a literal message is invisible to the extractor on Python 3.11
        assert not re.search(r"\bf[\"'][^\n]*\{_\(\s*[\"']", text), path
