"""PDFs of the step-1 forms: the theme sheet (source 001) and the expression of interest."""

from __future__ import annotations

from collections.abc import Callable

from ovpm.domain.rules import FIELD_LABELS
from ovpm.domain.submissions import AXIS_LABELS, NAMED_STAFF, Axis, ExpressionOfInterest, ThemeSheet
from ovpm.pdf import Document, DocumentInfo


def _axis(_: Callable[..., str], axis: int | None) -> str:
    if axis not in {int(a) for a in Axis}:
        return ""
    return f"{axis}. " + _(AXIS_LABELS[Axis(axis)])


def theme_sheet_pdf(sheet: ThemeSheet, info: DocumentInfo, _: Callable[..., str]) -> bytes:
    """Every field of the theme sheet, in the reader's language."""
    pdf = Document(info)
    pdf.title_block()
    pdf.section(_("Municipal staff concerned"))
    people = [
        [
            _(FIELD_LABELS[role]),
            getattr(sheet, role).name,
            getattr(sheet, role).title,
            getattr(sheet, role).email,
        ]
        for role in NAMED_STAFF
    ]
    people += [
        [_("Other staff member {n}", n=index + 1), person.name, person.title, person.email]
        for index, person in enumerate(sheet.others)
    ]
    pdf.table([_("Role"), _("Name"), _("Title"), _("E-mail")], people, [1.3, 1.3, 1.5, 1.6])
    pdf.section(_("Situation and main challenges"))
    pdf.paragraph(sheet.challenges)
    pdf.section(_("Actions under way or completed"))
    pdf.paragraph(sheet.actions)
    pdf.section(_("Identified themes"))
    rows = [
        [str(index + 1), theme.title, theme.description, _axis(_, theme.axis)]
        for index, theme in enumerate(sheet.themes)
    ]
    pdf.table(
        ["#", _("Short title"), _("Description"), _("Strategic axis")], rows, [0.3, 1.4, 2.6, 1.7]
    )
    pdf.section(_("Priority theme"))
    priority = sheet.priority_theme
    pdf.field(_("Priority theme"), priority.title if priority else "")
    pdf.field(_("Strategic axis"), _axis(_, priority.axis) if priority else "")
    pdf.field(_("Priority theme: description and relation to its axis"), sheet.priority_description)
    return pdf.to_bytes()


def expression_pdf(
    expression: ExpressionOfInterest, info: DocumentInfo, date_text: str, _: Callable[..., str]
) -> bytes:
    """The expression of interest with its contact person and the letter's file name."""
    pdf = Document(info)
    pdf.title_block()
    pdf.field(_("Date"), date_text)
    pdf.section(_("Contact person"))
    pdf.field(_("Name"), expression.contact.name)
    pdf.field(_("Title"), expression.contact.title)
    pdf.field(_("E-mail"), expression.contact.email)
    pdf.section(_("Text"))
    pdf.paragraph(expression.text)
    pdf.section(_("Letter signed by the mayor (PDF)"))
    pdf.paragraph(expression.letter_name)
    return pdf.to_bytes()
