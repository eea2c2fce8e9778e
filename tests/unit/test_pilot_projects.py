"""Pilot projects' first rules: starting from a report or a seed keeps every field, the moves
between statuses, indicator progress in both directions, and an import of values refused row by
row with nothing kept."""

from datetime import date
from decimal import Decimal

from ovpm.domain.deliverables import Indicator as DraftIndicator
from ovpm.domain.deliverables import PilotDraftReport, Step
from ovpm.domain.diagnosis import ProjectSeed
from ovpm.domain.indicators import (
    Direction,
    Indicator,
    Measure,
    indicator_errors,
    measures_from_rows,
    progress,
)
from ovpm.domain.pilot_projects import (
    Origin,
    ProjectDefinition,
    ProjectStatus,
    can_move,
    definition_errors,
)

D = Decimal


def test_a_definition_from_the_workshop_report_keeps_every_field():
    report = PilotDraftReport(
        "Flood-ready quays",
        "Protect the quays",
        "Fewer closures",
        (DraftIndicator("Days closed", "days", "10"),),
        "Port authority",
        (Step("Shared map", date(2024, 9, 30)),),
        "185000",
        "EUR",
    )
    definition = ProjectDefinition.from_pilot_draft(report, 42)
    assert (definition.title, definition.objectives, definition.expected_results) == (
        "Flood-ready quays",
        "Protect the quays",
        "Fewer closures",
    )
    assert definition.partners == "Port authority" and definition.timeline == report.timeline
    assert (definition.origin, definition.origin_id) == (Origin.PILOT_DRAFT, 42)
    assert definition_errors(definition) == []


def test_a_definition_from_a_promoted_seed_keeps_its_link():
    seed = ProjectSeed(
        7, 1, 3, "Night guides", "Visitors at night", (), "Train guides", ("user:4",)
    )
    definition = ProjectDefinition.from_seed(seed, {"user:4": "Officer of Bruges"})
    assert (definition.title, definition.objectives, definition.expected_results) == (
        "Night guides",
        "Visitors at night",
        "Train guides",
    )
    assert definition.partners == "Officer of Bruges" and definition.origin_id == 7
    assert {e.field for e in definition_errors(ProjectDefinition())} == {
        "project_title",
        "objectives",
        "expected_results",
    }


def test_only_the_moves_that_make_sense():
    assert can_move(ProjectStatus.APPROVED, ProjectStatus.LAUNCHED)
    assert not can_move(ProjectStatus.PROPOSED, ProjectStatus.LAUNCHED)  # approval first
    assert can_move(ProjectStatus.SUSPENDED, ProjectStatus.UNDER_WAY)
    assert not can_move(ProjectStatus.COMPLETED, ProjectStatus.UNDER_WAY)
    assert not can_move(ProjectStatus.DROPPED, ProjectStatus.LAUNCHED)


def values(*pairs):
    return [Measure(1, day, D(v)) for day, v in pairs]


def test_progress_when_higher_is_better():
    visitors = Indicator(1, 9, "Visitors", "people", D(100), D(200), Direction.HIGHER)
    assert progress(visitors, values((date(2024, 1, 1), "150"))) == D("0.5")
    assert progress(visitors, values((date(2024, 1, 1), "250"))) == D("1.5")  # beyond
    assert progress(visitors, values((date(2024, 1, 1), "90"))) == D("-0.1")  # wrong way
    latest_wins = values((date(2024, 2, 1), "200"), (date(2024, 1, 1), "120"))
    assert progress(visitors, latest_wins) == 1


def test_progress_when_lower_is_better_and_without_a_baseline():
    closures = Indicator(1, 9, "Days closed", "days", D(10), D(4), Direction.LOWER)
    assert progress(closures, values((date(2024, 1, 1), "7"))) == D("0.5")
    assert progress(closures, values((date(2024, 1, 1), "3"))) > 1
    unknown = Indicator(1, 9, "Days closed", "days", None, D(4), Direction.LOWER)
    assert progress(unknown, values((date(2024, 1, 1), "7"))) is None
    assert progress(closures, []) is None


def test_a_target_on_the_wrong_side_of_the_baseline_is_refused():
    wrong = Indicator(1, 9, "Days closed", "days", D(10), D(12), Direction.LOWER)
    assert [e.field for e in indicator_errors(wrong)] == ["target"]
    same = Indicator(1, 9, "Visitors", "people", D(10), D(10))
    assert [e.field for e in indicator_errors(same)] == ["target"]
    assert indicator_errors(Indicator(1, 9, "Visitors", "people", None, D(10))) == []


def test_an_import_with_one_bad_row_keeps_nothing_and_names_the_row():
    indicators = {"Days closed": 1, "Visitors": 2}
    good = {"indicator": "days  CLOSED", "date": "2024-03-01", "value": "7", "source": "Agency"}
    kept, errors = measures_from_rows([good], indicators)
    assert kept == [Measure(1, date(2024, 3, 1), D(7), "Agency")] and errors == []
    bad = {"indicator": "Visits", "date": "1 March", "value": "many"}
    kept, errors = measures_from_rows([good, bad], indicators)
    assert kept == []
    assert [(e.line, e.field) for e in errors] == [(3, "indicator"), (3, "date"), (3, "value")]
