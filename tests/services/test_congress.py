"""Step 3 and the Congress through the services: evaluations pull their results from the data
and freeze them; the contribution is assembled from the data with the network's own words; the
stages follow the approvals; the compendium gathers the approved contributions, and no budget
figure appears in it or in a public summary."""

from datetime import date
from decimal import Decimal

import pytest

from ovpm.domain.congress import Contribution, Evaluation
from ovpm.domain.errors import PermissionDenied, ValidationError
from ovpm.domain.indicators import Direction, Indicator
from ovpm.domain.stages import Stage
from ovpm.domain.submissions import SubmissionKind
from ovpm.services import congress as service
from ovpm.services import indicators as indicator_service
from ovpm.services import progress as progress_service
from ovpm.services import project_costs
from ovpm.services import submissions as submission_service
from tests.services.test_pilot_projects import WATER, launched_project
from tests.services.test_workshops import pdf_text


def measured_project(db, actors):
    project = launched_project(db, actors)
    bordeaux = actors["bordeaux"]
    ident = indicator_service.save_indicator(
        db,
        bordeaux,
        project,
        Indicator(
            None, project.id, "Days closed", "days", Decimal(10), Decimal(4), Direction.LOWER
        ),
    )
    indicator_service.add_measures(
        db, bordeaux, project, [indicator_service.new_measure(ident, date(2024, 2, 1), "7", "")]
    )
    project_costs.add_cost(
        db, bordeaux, project.id, "materials", "Flood sensors", "98765.43", "EUR", "pilot_city"
    )
    return project


def test_a_project_evaluation_freezes_its_results(db, actors):
    project = measured_project(db, actors)
    bordeaux, secretariat = actors["bordeaux"], actors["secretariat"]
    with pytest.raises(PermissionDenied):
        service.start_project_evaluation(db, actors["bruges"], project.id)
    draft = service.start_project_evaluation(db, bordeaux, project.id)
    shown = service.shown_content(db, bordeaux, draft, draft.content)
    closed = next(r for r in shown.results if r.indicator == "Days closed")
    assert (closed.baseline, closed.target, closed.latest, closed.progress) == (
        "10",
        "4",
        "7",
        "0.5",
    )
    with pytest.raises(ValidationError) as refused:
        submission_service.submit(db, bordeaux, draft.id, Evaluation(), draft.version)
    assert {e.field for e in refused.value.errors} == {"lessons", "recommendations"}
    draft = submission_service.get_submission(db, bordeaux, draft.id)
    done = submission_service.submit(
        db, bordeaux, draft.id, Evaluation("Maps help", "", "Share sensors"), draft.version
    )
    frozen = Evaluation.from_dict(done.content)
    assert any(r.indicator == "Days closed" and r.latest == "7" for r in frozen.results)
    indicator_service.add_measures(
        db,
        bordeaux,
        project,
        [
            indicator_service.new_measure(
                closed_id(db, bordeaux, project), date(2024, 2, 20), "5", ""
            )
        ],
    )
    again = service.shown_content(db, secretariat, done, done.content)
    assert next(r for r in again.results if r.indicator == "Days closed").latest == "7"  # frozen


def closed_id(db, actor, project) -> int:
    return next(
        s.indicator.id
        for s in indicator_service.states(db, actor, project)
        if s.indicator.name == "Days closed"
    )


def approve(db, actors, submission, content):
    bordeaux, secretariat = actors["bordeaux"], actors["secretariat"]
    done = submission_service.submit(db, bordeaux, submission.id, content, submission.version)
    return submission_service.approve(db, secretariat, done.id, done.version)


def test_evaluation_and_contribution_stages_and_the_compendium(db, actors):
    measured_project(db, actors)
    bordeaux, secretariat = actors["bordeaux"], actors["secretariat"]

    def done() -> dict:
        current = progress_service.overview(db, secretariat)
        return next(i for i in current.networks if i.id == WATER).done

    with pytest.raises(PermissionDenied):  # the pilot city writes it, not a member
        service.start_network_document(
            db, actors["bruges"], WATER, SubmissionKind.NETWORK_EVALUATION
        )
    evaluation = service.start_network_document(
        db, bordeaux, WATER, SubmissionKind.NETWORK_EVALUATION
    )
    assert Stage.EVALUATION not in done()
    approve(db, actors, evaluation, Evaluation("Lessons of the network", "", "Recommend maps"))
    assert Stage.EVALUATION in done()
    contribution = service.start_network_document(db, bordeaux, WATER, SubmissionKind.CONTRIBUTION)
    live = service.shown_content(db, bordeaux, contribution, contribution.content)
    assert live.assembled.lessons == "Lessons of the network"
    assert live.assembled.recommendations == "Recommend maps"
    assert live.assembled.network == "Living with water" and live.assembled.projects
    with pytest.raises(ValidationError):
        submission_service.submit(
            db, bordeaux, contribution.id, Contribution(), contribution.version
        )
    contribution = submission_service.get_submission(db, bordeaux, contribution.id)
    assert [e.network for e in service.compendium_entries(db)] == ["Heritage and creative economy"]
    approve(db, actors, contribution, Contribution("Our introduction", "Our conclusions"))
    assert Stage.CONTRIBUTION in done()
    entries = service.compendium_entries(db)
    # by axis: "Heritage and creative economy" (axis 2, approved in the demo), then this one
    assert [e.network for e in entries] == ["Heritage and creative economy", "Living with water"]
    text = pdf_text(service.compendium_pdf(db, actors["cordoba"], "fr"))
    assert "Living with water" in text and "Our introduction" in text and "Axe 2" in text
    assert "98765" not in text.replace(" ", "").replace(",", "")  # no budget figure
    assert "Flood sensors" not in text
    member_pdf = pdf_text(service.approved_contribution_pdf(db, actors["cordoba"], WATER, "en"))
    assert "Our conclusions" in member_pdf and "Flood sensors" not in member_pdf
