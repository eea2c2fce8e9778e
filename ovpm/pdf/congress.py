"""The contribution of a network to the New Urban Project, and the compendium of every
approved contribution with a table of contents and the axis of each — what the Secretariat
takes to the 17th World Congress. Never a budget figure."""

from __future__ import annotations

from collections.abc import Callable

from ovpm.domain.congress import Assembled, CompendiumEntry, Contribution
from ovpm.pdf import BLUE, GREY, Document, DocumentInfo
from ovpm.pdf.projects import results_table

Translate = Callable[..., str]


def _contribution_body(
    pdf: Document, contribution: Contribution, data: Assembled, _: Translate, labels
) -> None:
    """`labels`: the axis label and a project status's name, translated."""
    axis_label, status_label, percent = labels
    pdf.field(_("Strategic axis"), axis_label(data.axis))
    pdf.field(_("Priority theme"), data.theme)
    pdf.field(_("Priority problem"), data.problem)
    pdf.field(_("Pilot city"), data.pilot_city)
    pdf.field(_("Cities taking part"), ", ".join(data.cities))
    pdf.section(_("Introduction"))
    pdf.paragraph(contribution.introduction)
    pdf.section(_("Concept and objectives"))
    pdf.paragraph(data.concept)
    pdf.section(_("Challenges the network will address"))
    pdf.paragraph(data.challenges)
    pdf.section(_("Pilot projects"))
    for part in data.projects:
        pdf.field(
            part.title + " — " + part.city + " · " + status_label(part.status),
            part.objectives,
        )
    pdf.section(_("Results against every indicator"))
    results_table(pdf, data.results, _, percent)
    pdf.section(_("Lessons learned"))
    pdf.paragraph(data.lessons)
    pdf.section(_("Recommendations for the New Urban Project"))
    pdf.paragraph(data.recommendations)
    pdf.section(_("Conclusions"))
    pdf.paragraph(contribution.conclusions)


def contribution_pdf(
    contribution: Contribution, data: Assembled, info: DocumentInfo, _: Translate, labels
) -> bytes:
    """One network's contribution (the network's deliverable for the Congress)."""
    pdf = Document(info)
    pdf.title_block()
    _contribution_body(pdf, contribution, data, _, labels)
    return pdf.to_bytes()


def compendium_pdf(
    entries: list[CompendiumEntry], info: DocumentInfo, _: Translate, labels
) -> bytes:
    """Every approved contribution, each from a new page, after a table of contents giving
    each network, its axis and its page."""
    axis_label = labels[0]
    pdf = Document(info)
    pdf.title_block()
    pdf.section(_("Contents"))
    pdf.insert_toc_placeholder(
        lambda doc, outline: _contents(doc, outline, entries, axis_label), pages=1
    )
    if not entries:
        pdf.paragraph(_("No contribution has been approved yet."))
    for number, entry in enumerate(entries):
        if number:  # the contents' placeholder already began a new page for the first
            pdf.add_page()
        pdf.start_section(entry.network, level=0)
        pdf.set_text_color(*BLUE)
        pdf._write(entry.network, 14, "B", 7)
        pdf.set_text_color(0, 0, 0)
        data = entry.contribution.assembled or Assembled(network=entry.network, axis=entry.axis)
        _contribution_body(pdf, entry.contribution, data, _, labels)
    return pdf.to_bytes()


def _contents(pdf: Document, outline, entries: list[CompendiumEntry], axis_label) -> None:
    by_name = {entry.network: entry for entry in entries}
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for section in outline:
        entry = by_name.get(section.name)
        pdf.set_x(pdf.l_margin)
        pdf.set_font("DejaVu", "B", 10)
        top = pdf.get_y()
        pdf.multi_cell(width - 15, 6, section.name, new_x="LMARGIN", new_y="NEXT")
        bottom = pdf.get_y()
        pdf.set_xy(pdf.l_margin + width - 15, top)
        pdf.cell(15, 6, str(section.page_number), align="R")
        pdf.set_xy(pdf.l_margin, bottom)
        pdf.set_font("DejaVu", "", 8.5)
        pdf.set_text_color(*GREY)
        pdf.multi_cell(
            width, 4.5, axis_label(entry.axis) if entry else "", new_x="LMARGIN", new_y="NEXT"
        )
        pdf.set_text_color(0, 0, 0)
        pdf.ln(2)
