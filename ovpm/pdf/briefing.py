"""The Advisory Group briefing pack: cover and key figures, charts as images, late and
due-next items, one page per network, what changed since the last meeting."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field

from PIL import Image

from ovpm.pdf import Document, DocumentInfo


@dataclass(frozen=True)
class NetworkPage:
    name: str
    facts: list[tuple[str, str]]  # label, value (stage, pilot city, next activity, budget …)
    stages: list[tuple[str, str]]  # stage, done / late / target
    questions: list[str]


@dataclass(frozen=True)
class Briefing:
    """Everything the pack says, already translated and formatted."""

    info: DocumentInfo
    cover_lines: list[str]
    key_figures: list[tuple[str, str]]
    charts: list[tuple[str, bytes]]  # heading, PNG
    deadline_headings: list[str]
    late_title: str
    late: list[list[str]]
    due_title: str
    due: list[list[str]]
    nothing: str
    networks_title: str
    network_pages: list[NetworkPage]
    changes_title: str
    change_headings: list[str]
    changes: list[list[str]]
    labels: dict[str, str] = field(default_factory=dict)
    # the pilot projects' indicators: network, project, indicator, baseline, target, latest,
    # progress
    indicator_headings: list[str] = field(default_factory=list)
    indicators: list[list[str]] = field(default_factory=list)
    # Mission4City: figures (label, value) and the late obligations (city, request, item, due
    # on, days late)
    mission_figures: list[tuple[str, str]] = field(default_factory=list)
    mission_late_headings: list[str] = field(default_factory=list)
    mission_late: list[list[str]] = field(default_factory=list)


def briefing_pdf(briefing: Briefing, progress: Callable[[float, str], None]) -> bytes:
    """The pack as PDF; `progress(share, step)` is told how far it got."""
    pdf = Document(briefing.info)
    pdf.title_block()
    for line in briefing.cover_lines:
        pdf.paragraph(line)
    pdf.section(briefing.labels["key_figures"])
    pdf.table(
        [briefing.labels["figure"], briefing.labels["value"]],
        [[label, value] for label, value in briefing.key_figures],
        [110, 64],
    )
    for heading, png in briefing.charts:
        _picture(pdf, heading, png)
    progress(0.75, briefing.labels["step_tables"])
    for title, rows in ((briefing.late_title, briefing.late), (briefing.due_title, briefing.due)):
        pdf.section(title)
        if rows:
            pdf.table(briefing.deadline_headings, rows, [22, 52, 52, 30, 18])
        else:
            pdf.paragraph(briefing.nothing)
    for page in briefing.network_pages:
        pdf.add_page()
        pdf.section(briefing.networks_title + " — " + page.name)
        for label, value in page.facts:
            pdf.field(label, value)
        pdf.table(
            [briefing.labels["stage"], briefing.labels["state"]],
            [list(pair) for pair in page.stages],
            [80, 94],
        )
        pdf.section(briefing.labels["questions"])
        for question in page.questions or [briefing.labels["no_questions"]]:
            pdf.paragraph("• " + question)
    pdf.add_page()
    pdf.section(briefing.labels["indicators"])
    if briefing.indicators:
        pdf.table(briefing.indicator_headings, briefing.indicators, [24, 30, 32, 22, 16, 24, 26])
    else:
        pdf.paragraph(briefing.nothing)
    pdf.add_page()
    pdf.section(briefing.labels["missions"])
    pdf.table(
        [briefing.labels["figure"], briefing.labels["value"]],
        [[label, value] for label, value in briefing.mission_figures],
        [110, 64],
    )
    pdf.section(briefing.labels["missions_late"])
    if briefing.mission_late:
        pdf.table(briefing.mission_late_headings, briefing.mission_late, [28, 56, 52, 24, 14])
    else:
        pdf.paragraph(briefing.nothing)
    progress(0.9, briefing.labels["step_changes"])
    pdf.add_page()
    pdf.section(briefing.changes_title)
    if briefing.changes:
        pdf.table(briefing.change_headings, briefing.changes, [30, 22, 70, 24, 28])
    else:
        pdf.paragraph(briefing.nothing)
    return pdf.to_bytes()


def _picture(pdf: Document, heading: str, png: bytes) -> None:
    """A chart under its heading at the text width; both move to a new page when the image
    does not fit."""
    width_px, height_px = Image.open(io.BytesIO(png)).size
    width = pdf.epw
    height = width * height_px / width_px
    if pdf.get_y() + height + 12 > pdf.h - 22:
        pdf.add_page()
    pdf.section(heading)
    pdf.image(io.BytesIO(png), x=pdf.l_margin, y=pdf.get_y(), w=width, h=height)
    pdf.set_y(pdf.get_y() + height + 3)
