import pandas as pd

from ovpm.domain.models import Contact, ContactKind
from ovpm.exports import csv_bytes, vcard


def test_csv_is_utf8_with_bom_and_defuses_formulas():
    data = csv_bytes(pd.DataFrame({"name": ["Québec", '=HYPERLINK("x")', "@sum"], "n": [1, 2, 3]}))
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "Québec" in text
    assert "'=HYPERLINK" in text and "'@sum" in text


def test_vcard_escapes_and_folds_long_lines():
    contact = Contact(
        1,
        "Nour Modelo",
        "Head; planning, heritage",
        "nour@x.example.org",
        "+00 1 2345",
        None,
        "Independent expert " + "é" * 80,
        ContactKind.INTERNATIONAL_EXPERT,
        ("fr", "ar"),
        ("housing",),
    )
    card = vcard(contact)
    assert card.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n") and card.endswith("END:VCARD\r\n")
    assert "TITLE:Head\\; planning\\, heritage" in card
    assert "EMAIL;TYPE=INTERNET:nour@x.example.org" in card
    assert all(len(line.encode("utf-8")) <= 75 for line in card.split("\r\n"))
    assert "LANG:ar" in card and "CATEGORIES:international_expert,housing" in card
