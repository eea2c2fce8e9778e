"""Pilot projects as PDF: the definition, a progress report, an evaluation's results, and the
whole project (definition, indicators and their progress, reports). Never a budget figure."""

from __future__ import annotations

from collections.abc import Callable

from ovpm.domain.congress import Evaluation, IndicatorResult
from ovpm.domain.pilot_projects import ProgressReport, ProjectDefinition
from ovpm.pdf import Document, DocumentInfo

Translate = Callable[..., str]


def definition_block(pdf: Document, content: ProjectDefinition, _: Translate, day) -> None:
    pdf.section(_("Objectives"))
    pdf.paragraph(content.objectives)
    pdf.section(_("Expected results"))
    pdf.paragraph(content.expected_results)
    pdf.section(_("Partners"))
    pdf.paragraph(content.partners)
    pdf.section(_("Timeline of milestones"))
    pdf.table(
        [_("What"), _("By")],
        [[s.what, day(s.by) if s.by else ""] for s in content.timeline],
        [4.5, 1.5],
    )


def definition_pdf(content: ProjectDefinition, info: DocumentInfo, _: Translate, day) -> bytes:
    """A project's definition."""
    pdf = Document(info)
    pdf.title_block()
    pdf.field(_("Project title"), content.title)
    definition_block(pdf, content, _, day)
    return pdf.to_bytes()


def report_pdf(report: ProgressReport, info: DocumentInfo, _: Translate, day) -> bytes:
    """A progress report with the indicator values of its period."""
    pdf = Document(info)
    pdf.title_block()
    if report.period_start and report.period_end:
        pdf.field(_("Period"), day(report.period_start) + " – " + day(report.period_end))
    for label, text in (
        (_("What was done"), report.done),
        (_("Difficulties"), report.difficulties),
        (_("Next steps"), report.next_steps),
    ):
        pdf.section(label)
        pdf.paragraph(text)
    pdf.section(_("Indicator values of the period"))
    pdf.table(
        [_("Indicator"), _("Date measured"), _("Value"), _("Source")],
        [
            [v.indicator, day(v.measured_on), f"{v.value} {v.unit}".strip(), v.source]
            for v in report.values
        ],
        [2.4, 1.2, 1.2, 1.8],
    )
    return pdf.to_bytes()


def results_table(pdf: Document, found: tuple[IndicatorResult, ...], _: Translate, percent) -> None:
    """Every indicator's baseline, target, latest value and progress."""
    pdf.table(
        [
            _("Pilot project"),
            _("Indicator"),
            _("Baseline"),
            _("Target"),
            _("Latest value"),
            _("Progress"),
        ],
        [
            [
                r.project,
                r.indicator + (f" ({r.unit})" if r.unit else ""),
                r.baseline,
                r.target,
                r.latest,
                percent(r.progress) if r.progress else "",
            ]
            for r in found
        ],
        [1.7, 1.9, 0.8, 0.8, 0.9, 0.8],
    )


def evaluation_pdf(evaluation: Evaluation, info: DocumentInfo, _: Translate, percent) -> bytes:
    """An evaluation: results against every indicator, lessons, what would be done
    differently, recommendations for the New Urban Project."""
    pdf = Document(info)
    pdf.title_block()
    pdf.section(_("Results against every indicator"))
    results_table(pdf, evaluation.results, _, percent)
    for label, text in (
        (_("Lessons learned"), evaluation.lessons),
        (_("What would be done differently"), evaluation.differently),
        (_("Recommendations for the New Urban Project"), evaluation.recommendations),
    ):
        pdf.section(label)
        pdf.paragraph(text)
    return pdf.to_bytes()


def project_pdf(
    content: ProjectDefinition,
    facts: list[tuple[str, str]],
    results: tuple[IndicatorResult, ...],
    reports: list[list[str]],
    info: DocumentInfo,
    _: Translate,
    day,
    percent,
) -> bytes:
    """The whole project: its facts (network, city, status, origin), definition, indicators
    with their progress, and its reports due and done."""
    pdf = Document(info)
    pdf.title_block()
    for label, value in facts:
        pdf.field(label, value)
    definition_block(pdf, content, _, day)
    pdf.section(_("Indicators"))
    results_table(pdf, results, _, percent)
    pdf.section(_("Progress reports"))
    pdf.table([_("Due on"), _("Status"), _("Approved on")], reports, [2, 2, 2])
    return pdf.to_bytes()
