import dataclasses
import subprocess
from datetime import date

import pytest

from ovpm.domain.errors import ConflictError, PermissionDenied, ValidationError
from ovpm.domain.submission_rules import differences
from ovpm.domain.submissions import (
    ExpressionOfInterest,
    Person,
    Status,
    SubmissionKind,
    Theme,
    ThemeSheet,
)
from ovpm.services import attachments as attachment_service
from ovpm.services import submissions as service

THEME = str(SubmissionKind.THEME_SHEET)
EOI = str(SubmissionKind.EXPRESSION_OF_INTEREST)
MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def person(name):
    return Person(name, "Officer", f"{name.lower().replace(' ', '.')}@city.example.org")


def valid_sheet(**changes) -> ThemeSheet:
    sheet = ThemeSheet(
        elected_official=person("Camille Exemplaire"),
        strategic_lead=person("Noa Modelo"),
        interservice_coordinator=person("Lou Esquisse"),
        administrative_supervisor=person("Eden Brouillon"),
        others=(Person("Kim Ensayo", "Archivist", ""),),
        challenges="Tourism pressure on the historic centre " * 5,
        actions="A management plan was adopted in 2021.",
        themes=(
            Theme("Living historic centre", "Keep residents in the centre", 1),
            Theme("Climate and heritage", "Adapt stone buildings", 2),
        ),
        priority=0,
        priority_description="Housing for residents, linked to axis 1.",
    )
    return dataclasses.replace(sheet, **changes)


@pytest.fixture
def people(db, actors) -> dict:
    """The Secretariat and the Advisory Group, and users of four cities with no demo submission."""
    from ovpm.services.cities import city_names
    from ovpm.services.users import create_user

    ids = {name: city_id for city_id, name in city_names(db, actors["secretariat"]).items()}
    found = {"secretariat": actors["secretariat"], "advisory": actors["advisory"]}
    for key, city in zip("abcd", ("Bergen", "Warsaw", "Tunis", "Havana")):
        found[key] = create_user(
            db,
            actors["secretariat"],
            f"officer.{key}",
            f"Officer {city}",
            "",
            "city",
            ids[city],
            "fr",
            "a long enough phrase",
        )
    return found


def start(db, actor, city_id=None, kind=THEME):
    return service.start_submission(db, actor, kind, city_id or actor.city_id)


def submitted(db, actor, sheet=None):
    draft = start(db, actor)
    return service.submit(db, actor, draft.id, sheet or valid_sheet(), draft.version)


def test_a_sheet_breaking_the_rules_is_refused_field_by_field_and_kept_as_draft(db, people):
    bordeaux = people["a"]
    draft = start(db, bordeaux)
    six = tuple(Theme(f"Theme {i}", "Description", 1) for i in range(6))
    broken = valid_sheet(
        themes=six,
        priority=None,
        challenges="word " * 501,
        interservice_coordinator=Person("Lou Esquisse", "Coordinator", ""),
    )
    with pytest.raises(ValidationError) as refused:
        service.submit(db, bordeaux, draft.id, broken, draft.version)
    errors = {e.field: e for e in refused.value.errors}
    assert set(errors) == {"themes", "challenges", "interservice_coordinator.email"}
    assert errors["challenges"].params == {"count": 501, "limit": 500}
    assert errors["themes"].params["count"] == 6
    kept = service.get_submission(db, bordeaux, draft.id)
    assert kept.status == Status.DRAFT and kept.content["challenges"] == "word " * 501
    assert len(kept.content["themes"]) == 6
    with pytest.raises(ValidationError) as no_priority:
        service.submit(db, bordeaux, draft.id, valid_sheet(priority=None), kept.version)
    assert [e.field for e in no_priority.value.errors] == ["priority"]


def test_word_limits_are_inclusive():
    from ovpm.domain.submission_rules import theme_sheet_errors

    assert (
        theme_sheet_errors(valid_sheet(challenges="w " * 500, priority_description="w " * 300))
        == []
    )
    fields = {e.field for e in theme_sheet_errors(valid_sheet(priority_description="w " * 301))}
    assert fields == {"priority_description"}


def test_full_review_cycle_with_revisions_and_differences(db, people):
    city, secretariat = people["b"], people["secretariat"]
    first = submitted(db, city)
    assert (first.status, first.revision) == (Status.SUBMITTED, 1)
    with pytest.raises(PermissionDenied):  # nobody edits a submitted revision
        service.save_draft(db, city, first.id, valid_sheet(actions="x"), first.version)
    with pytest.raises(ValidationError):
        service.request_changes(db, secretariat, first.id, first.version, "  ")
    returned = service.request_changes(
        db, secretariat, first.id, first.version, "Please detail the actions."
    )
    assert returned.status == Status.CHANGES_REQUESTED
    second = service.submit(
        db, city, first.id, valid_sheet(actions="A plan, and a new museum."), returned.version
    )
    assert second.revision == 2
    approved = service.approve(db, secretariat, second.id, second.version)
    assert (approved.status, approved.approved_revision) == (Status.APPROVED, 2)

    revised = service.start_revision(db, city, approved.id, approved.version)
    assert (revised.status, revised.approved_revision) == (Status.DRAFT, 2)
    third = service.submit(db, city, revised.id, valid_sheet(priority=1), revised.version)
    assert (third.revision, third.approved_revision) == (3, 2)  # approved one stays current

    revisions = service.revisions(db, secretariat, first.id)
    assert [(r.number, r.outcome) for r in revisions] == [
        (1, Status.CHANGES_REQUESTED),
        (2, Status.APPROVED),
        (3, Status.SUBMITTED),
    ]
    assert revisions[0].comment == "Please detail the actions."
    assert revisions[0].content["actions"] == "A management plan was adopted in 2021."
    changed = differences(THEME, revisions[0].content, revisions[1].content)
    assert changed == [
        ("actions", "A management plan was adopted in 2021.", "A plan, and a new museum.")
    ]
    actions = list(service.history(db, city, first.id)["action"])
    assert actions == [
        "create",
        "submit",
        "changes_requested",
        "submit",
        "approved",
        "start_revision",
        "submit",
    ]


def test_two_people_saving_the_same_draft_the_second_is_refused(db, people):
    city, secretariat = people["c"], people["secretariat"]
    draft = start(db, city)
    service.save_draft(db, city, draft.id, valid_sheet(actions="City's version"), draft.version)
    with pytest.raises(ConflictError) as conflict:
        service.save_draft(db, secretariat, draft.id, valid_sheet(actions="Other"), draft.version)
    assert conflict.value.current.content["actions"] == "City's version"


def test_secretariat_writes_on_behalf_and_advisory_only_comments(db, people):
    secretariat, advisory = people["secretariat"], people["advisory"]
    city_id = people["d"].city_id
    draft = start(db, secretariat, city_id)
    draft = service.save_draft(db, secretariat, draft.id, valid_sheet(), draft.version)
    with pytest.raises(PermissionDenied):
        start(db, advisory, city_id)
    with pytest.raises(PermissionDenied):
        service.save_draft(db, advisory, draft.id, valid_sheet(), draft.version)
    done = service.submit(db, secretariat, draft.id, valid_sheet(), draft.version)
    with pytest.raises(PermissionDenied):
        service.approve(db, advisory, done.id, done.version)
    with pytest.raises(PermissionDenied):
        service.approve(db, people["d"], done.id, done.version)
    service.add_comment(db, advisory, done.id, "Consider the link with axis 3.")
    with pytest.raises(PermissionDenied):
        service.add_comment(db, people["d"], done.id, "Self praise")
    seen = service.comments(db, people["d"], done.id)
    assert [(c.author, c.body) for c in seen] == [("advisory", "Consider the link with axis 3.")]


@pytest.mark.parametrize("reader", ["b", "c"])
def test_another_city_cannot_read_a_sheet_through_any_service(db, people, reader):
    sheet = submitted(db, people["a"])
    other = people[reader]
    for call in (
        lambda: service.get_submission(db, other, sheet.id),
        lambda: service.revisions(db, other, sheet.id),
        lambda: service.history(db, other, sheet.id),
        lambda: service.comments(db, other, sheet.id),
        lambda: service.revision_content(db, other, sheet.id, 1),
        lambda: service.submission_pdf(db, other, sheet.id, 1, "fr"),
        lambda: service.withdraw(db, other, sheet.id, sheet.version),
        lambda: service.current_submission(db, other, THEME, people["a"].city_id),
    ):
        with pytest.raises(PermissionDenied):
            call()
    assert sheet.id not in set(service.listing(db, other)["id"])
    assert sheet.id in set(service.listing(db, people["advisory"])["id"])


def test_approved_themes_are_the_public_summary(db, people):
    sheet = submitted(db, people["a"])
    assert "Bergen" not in set(service.approved_themes(db, people["c"])["city"])
    service.approve(db, people["secretariat"], sheet.id, sheet.version)
    summary = service.approved_themes(db, people["c"])
    bergen = summary[summary["city"] == "Bergen"]
    assert list(bergen["title"]) == ["Living historic centre", "Climate and heritage"]
    assert list(bergen["priority"]) == [True, False]
    assert "challenges" not in summary.columns and "email" not in summary.columns


def pdf_text(data: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-raw", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode("utf-8")


@pytest.mark.parametrize(
    "language, draft_word, heading, pages",
    [
        ("fr", "BROUILLON", "Fiche thématique", "Page 1 sur 1"),
        ("en", "DRAFT", "Theme sheet", "Page 1 of 1"),
        ("es", "BORRADOR", "Ficha temática", "Página 1 de 1"),
    ],
)
def test_pdf_in_each_language_with_a_draft_mark_until_approved(
    db, people, language, draft_word, heading, pages
):
    sheet = submitted(db, people["a"])
    text = pdf_text(service.submission_pdf(db, people["a"], sheet.id, 1, language))
    squashed = "".join(text.split())  # the rotated mark comes out one letter a line
    assert heading in text and draft_word in squashed and "Camille Exemplaire" in text
    assert pages in text
    service.approve(db, people["secretariat"], sheet.id, sheet.version)
    approved = pdf_text(service.submission_pdf(db, people["advisory"], sheet.id, 1, language))
    assert draft_word not in "".join(approved.split()) and heading in approved


def test_pdf_survives_any_unicode_text(db, people):
    odd = (
        "Français œuvre €, Español ñ ¿, Кириллица, العربية الفصحى, 日本語のテキスト, "
        "emoji 🎉🏛️, zero-width\u200b, combining é, RTL\u202e mark, tab\tand\nnewline"
    )
    sheet = valid_sheet(
        challenges=odd,
        actions=odd * 20,
        themes=(Theme(odd[:100], odd, 3),),
        priority=0,
        priority_description=odd,
    )
    draft = start(db, people["a"])
    saved = service.save_draft(db, people["a"], draft.id, sheet, draft.version)
    for language in ("fr", "en", "es"):
        data = service.submission_pdf(db, people["a"], saved.id, None, language)
        assert data.startswith(b"%PDF") and len(data) > 1000
    assert "Кириллица" in pdf_text(data)


def test_expression_of_interest_needs_the_signed_letter_checked_by_content(db, people):
    city = people["c"]
    draft = start(db, city, kind=EOI)
    expression = ExpressionOfInterest(
        date(2024, 2, 1), person("Ariel Ensayo"), "Québec confirms its participation."
    )
    with pytest.raises(ValidationError) as refused:
        service.submit(db, city, draft.id, expression, draft.version)
    assert [e.field for e in refused.value.errors] == ["letter"]
    with pytest.raises(ValidationError) as not_pdf:
        attachment_service.store_pdf(
            db, city, city.city_id, "letter", "letter.pdf", b"<html>not a pdf</html>"
        )
    assert not_pdf.value.errors[0].field == "letter"
    with pytest.raises(ValidationError):
        attachment_service.store_pdf(
            db, city, city.city_id, "letter", "big.pdf", b"%PDF-1.4" + b"0" * (11 * 1024 * 1024)
        )
    with pytest.raises(PermissionDenied):
        attachment_service.store_pdf(db, people["b"], city.city_id, "letter", "x.pdf", MINIMAL_PDF)
    letter = attachment_service.store_pdf(
        db, city, city.city_id, "letter", "lettre.pdf", MINIMAL_PDF
    )
    current = service.get_submission(db, city, draft.id)
    done = service.submit(
        db,
        city,
        draft.id,
        dataclasses.replace(expression, letter_id=letter.id, letter_name=letter.original_name),
        current.version,
    )
    assert done.status == Status.SUBMITTED
    assert attachment_service.read_attachment(db, people["advisory"], letter.id)[1] == MINIMAL_PDF
    with pytest.raises(PermissionDenied):
        attachment_service.read_attachment(db, people["b"], letter.id)
    future = dataclasses.replace(expression, letter_date=date(2030, 1, 1), letter_id=letter.id)
    from ovpm.domain.submission_rules import expression_errors

    assert [e.field for e in expression_errors(future, date(2024, 3, 1))] == ["letter_date"]


def test_withdrawn_submission_lets_the_city_start_a_new_one(db, people):
    city = people["b"]
    sheet = submitted(db, city)
    service.withdraw(db, city, sheet.id, sheet.version)
    fresh = start(db, city)
    assert fresh.id != sheet.id and fresh.status == Status.DRAFT
