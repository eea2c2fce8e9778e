"""The expression of interest of a city (stage 1.1): contact person, text and the letter signed
by the mayor (PDF, checked by content)."""

import streamlit as st

from ovpm import clock, ui
from ovpm.auth import require_role
from ovpm.domain.errors import DomainError
from ovpm.domain.submission_rules import EXPRESSION_MAX_WORDS
from ovpm.domain.submissions import ExpressionOfInterest, Person, SubmissionKind
from ovpm.services import attachments as attachment_service
from ovpm.ui.forms import FormMessages
from ovpm.ui.navigation import roles_of
from ovpm.ui.submissions import editable_submission, form_prefix, save_or_submit
from ovpm.ui.word_counter import live_word_counts

user = require_role(*roles_of("expression"))
_ = ui.gettext()
db = ui.db()
KIND = str(SubmissionKind.EXPRESSION_OF_INTEREST)
EDITING = "expression_editing"

opened = editable_submission(
    user,
    KIND,
    EDITING,
    {
        "title": _("Expression of interest"),
        "caption": _(
            "Step 1.1 of the Quebec Roadmap: the city confirms its participation with a "
            "letter signed by the mayor."
        ),
        "none": _("This city has not expressed its interest yet."),
        "start": _("Start the expression of interest"),
    },
)
expression = ExpressionOfInterest.from_dict(opened.content)
prefix = form_prefix(EDITING, opened)
messages = FormMessages()
LABEL_TEXT = _("Text") + " " + _("(at most {n} words)", n=EXPRESSION_MAX_WORDS)

with st.form(f"expression_{prefix}"):
    letter_date = st.date_input(
        _("Date"),
        expression.letter_date,
        max_value=clock.today(),
        format="YYYY-MM-DD",
        key=f"{prefix}_date",
    )
    messages.field("letter_date")
    st.markdown("**" + _("Contact person") + "**")
    c1, c2, c3 = st.columns(3)
    contact = Person(
        c1.text_input(_("Name"), expression.contact.name, key=f"{prefix}_name"),
        c2.text_input(_("Title"), expression.contact.title, key=f"{prefix}_title"),
        c3.text_input(_("E-mail"), expression.contact.email, key=f"{prefix}_email"),
    )
    messages.field("contact")
    text = st.text_area(LABEL_TEXT, expression.text, height=180, key=f"{prefix}_text")
    messages.field("text")
    if expression.letter_name:
        st.caption(
            _(
                "Letter on file: {name}. Upload another file only to replace it.",
                name=ui.literal(expression.letter_name),
            )
        )
    upload = st.file_uploader(
        _("Letter signed by the mayor (PDF)"), type=["pdf"], key=f"{prefix}_letter"
    )
    messages.field("letter")
    messages.buttons()
    row = st.container(horizontal=True)
    save_clicked = row.form_submit_button(_("Save draft"), icon=":material/save:")
    submit_clicked = row.form_submit_button(_("Submit"), type="primary", icon=":material/send:")

live_word_counts(
    {LABEL_TEXT: EXPRESSION_MAX_WORDS}, _("{count} / {limit} words"), key="expression_words"
)

if expression.letter_id is not None:
    st.download_button(
        _("Download the letter on file"),
        lambda: attachment_service.read_attachment(db, user, expression.letter_id)[1],
        file_name=expression.letter_name,
        mime="application/pdf",
        icon=":material/download:",
    )


def store_letter(typed: ExpressionOfInterest) -> ExpressionOfInterest | None:
    """The typed content with the newly uploaded letter (None when the file is refused)."""
    if upload is None:
        return typed
    try:
        letter = attachment_service.store_pdf(
            db, user, opened.city_id, "letter", upload.name, upload.getvalue()
        )
    except DomainError as error:
        messages.show(error)
        return None
    return ExpressionOfInterest(
        typed.letter_date, typed.contact, typed.text, letter.id, letter.original_name
    )


if save_clicked or submit_clicked:
    typed = store_letter(
        ExpressionOfInterest(
            letter_date, contact, text, expression.letter_id, expression.letter_name
        )
    )
    if typed is None:
        st.stop()
    save_or_submit(user, opened, typed, submit_clicked, EDITING, messages)
