"""Demo submissions of step 1 in every status, with a few revisions and comments.

Every text, name and letter here is invented for the demo."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache

from ovpm import clock
from ovpm.domain.submissions import ExpressionOfInterest, Person, SubmissionKind, Theme, ThemeSheet
from ovpm.pdf import Document, DocumentInfo
from ovpm.services import attachments, submissions
from ovpm.store import cities, users
from ovpm.store.db import Database

THEME, EOI = str(SubmissionKind.THEME_SHEET), str(SubmissionKind.EXPRESSION_OF_INTEREST)
# city → (expression of interest outcome, theme sheet outcome, priority theme, axis)
PLAN = {
    "Bordeaux": (
        "approved",
        "approved_after_changes",
        "Living with the river: flood-ready heritage quays",
        2,
    ),
    "Bruges": ("approved", "submitted", "Residents first in a visited historic centre", 1),
    "Córdoba": ("approved", "changes_requested", "Patios as shared cultural spaces", 1),
    "Québec": ("submitted", "draft", "Winter city heritage and climate", 2),
    "Kazan": ("approved", "approved", "Multicultural neighbourhood governance", 3),
    "Cusco": ("approved", "approved", "Living Andean heritage and tourism balance", 1),
    "Suzhou": ("approved", "approved", "Canals and gardens as urban infrastructure", 2),
    "Évora": ("approved", "approved", "Participatory management of the walled city", 3),
    "Sintra": ("withdrawn", None, "", 0),
}


@lru_cache(maxsize=64)
def demo_letter(city: str) -> bytes:
    """A one-page invented letter standing in for the mayor-signed PDF (made once per city:
    the demo database is built for every test session)."""
    pdf = Document(
        DocumentInfo(
            "Demo letter",
            city,
            f"Letter of participation — {city}",
            "Invented for the demo database",
            "",
            None,
            "{page}/{pages}",
            "",
        )
    )
    pdf.paragraph(
        f"The city of {city} confirms its participation in the Quebec Roadmap. "
        "This letter is invented demo content; no real person signed it."
    )
    return pdf.to_bytes()


def demo_sheet(city: str, priority_title: str, axis: int, revised: bool = False) -> ThemeSheet:
    def person(role: str) -> Person:
        handle = role.lower().replace(" ", ".")
        return Person(f"{role} of {city} (demo)", role, f"{handle}@demo.example.org")

    return ThemeSheet(
        elected_official=person("Deputy mayor"),
        strategic_lead=person("Heritage director"),
        interservice_coordinator=person("Coordinator"),
        administrative_supervisor=person("Administrator"),
        others=(person("Archivist"),),
        challenges=(
            f"{city} balances daily life, visitors and the upkeep of its heritage. "
            "Rising costs and climate events strain the historic fabric (demo text)."
        ),
        actions=(
            "A management plan, a residents' forum and a first risk map"
            + (", and a new monitoring office since the workshop." if revised else ".")
        ),
        themes=(
            Theme(priority_title, "The theme the city wants to carry with others.", axis),
            Theme(
                "Public space and everyday heritage",
                "Streets and squares for residents.",
                1 if axis != 1 else 3,
            ),
        ),
        priority=0,
        priority_description=(
            f"{priority_title}: the city links it to axis {axis} because it "
            "joins heritage care with the way the city is run (demo text)."
        ),
    )


def create_demo_submissions(db: Database) -> int:
    """Fill the step-1 submissions of the demo cities; returns how many were created."""
    with db.reading() as cur:
        secretariat = users.find(cur, "secretariat")
        advisory = users.find(cur, "advisory")
        city_ids = {name: city_id for city_id, name in cities.names(cur).items()}
    created = 0
    for order, (city, (eoi_outcome, sheet_outcome, title, axis)) in enumerate(PLAN.items()):
        city_id = city_ids[city]
        # expressions over the autumn of 2022, theme sheets over the first months of 2023
        with clock.recording_at(datetime(2022, 10, 3, 9) + timedelta(days=6 * order)):
            created += _expression(db, secretariat, city, city_id, eoi_outcome)
        if sheet_outcome:
            with clock.recording_at(datetime(2023, 1, 16, 9) + timedelta(days=9 * order)):
                created += _theme_sheet(
                    db, secretariat, advisory, city, city_id, sheet_outcome, title, axis
                )
    return created


def _expression(db, secretariat, city: str, city_id: int, outcome: str) -> int:
    draft = submissions.start_submission(db, secretariat, EOI, city_id)
    letter = attachments.store_pdf(
        db, secretariat, city_id, "letter", f"letter-{city.lower()}.pdf", demo_letter(city)
    )
    expression = ExpressionOfInterest(
        date(2023, 2, 15),
        Person(
            f"Heritage director of {city} (demo)", "Heritage director", "director@demo.example.org"
        ),
        f"{city} wishes to take part in the Quebec Roadmap 2022–2024 (demo text).",
        letter.id,
        letter.original_name,
    )
    sent = submissions.submit(db, secretariat, draft.id, expression, draft.version)
    if outcome == "approved":
        submissions.approve(db, secretariat, sent.id, sent.version)
    elif outcome == "withdrawn":
        submissions.withdraw(db, secretariat, sent.id, sent.version)
    return 1


def _theme_sheet(
    db, secretariat, advisory, city: str, city_id: int, outcome: str, title: str, axis: int
) -> int:
    draft = submissions.start_submission(db, secretariat, THEME, city_id)
    sheet = demo_sheet(city, title, axis)
    if outcome == "draft":
        submissions.save_draft(db, secretariat, draft.id, sheet, draft.version)
        return 1
    sent = submissions.submit(db, secretariat, draft.id, sheet, draft.version)
    submissions.add_comment(
        db,
        advisory,
        sent.id,
        f"The link between {title.lower()} and "
        f"axis {axis} is clear; consider partner cities early (demo).",
    )
    if outcome in ("changes_requested", "approved_after_changes"):
        sent = submissions.request_changes(
            db,
            secretariat,
            sent.id,
            sent.version,
            "Please say which actions are already funded (demo).",
        )
    if outcome == "approved_after_changes":
        sent = submissions.submit(
            db, secretariat, sent.id, demo_sheet(city, title, axis, True), sent.version
        )
    if outcome in ("approved", "approved_after_changes"):
        submissions.approve(db, secretariat, sent.id, sent.version)
    return 1
