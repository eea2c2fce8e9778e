"""The progress model: stages computed from the data, targets, late and due-next items, what
changed since a date, access, the overview workbook and the briefing pack."""

from __future__ import annotations

import io
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from ovpm import clock
from ovpm.domain.errors import PermissionDenied, ValidationError
from ovpm.domain.stages import Stage
from ovpm.services import progress as service
from ovpm.services import submissions as submission_service
from tests.services.test_meetings import preparatory_meeting
from tests.services.test_networks import pdf_text

E, T, N = Stage.EXPRESSION, Stage.PRIORITY_THEME, Stage.NETWORK
W, P, EV, C = Stage.WORKSHOP, Stage.PILOT_PROJECT, Stage.EVALUATION, Stage.CONTRIBUTION
# "Heritage and creative economy" (ovpm/demo_pilot_projects.py): preparatory meeting 19 April
# and plan approved 2 May 2023; deliverables approved 3 July; first report approved 8 November;
# evaluation 22 February and contribution 26 February 2024.
HERITAGE = {
    N: date(2023, 5, 2),
    W: date(2023, 7, 3),
    P: date(2023, 11, 8),
    EV: date(2024, 2, 22),
    C: date(2024, 2, 26),
}

# Worked by hand from the demo's story (ovpm/demo*.py), today being 2024-03-01.
CITIES = {
    "Bordeaux": (N, {E: date(2022, 10, 3), T: date(2023, 1, 16), N: date(2023, 9, 15)}),
    # Bruges takes part in a constituted network but its theme sheet awaits review.
    "Bruges": (E, {E: date(2022, 10, 9), N: date(2023, 9, 15)}),
    "Cusco": (N, {E: date(2022, 11, 2), T: date(2023, 3, 2), N: date(2023, 9, 15)}),
    "Córdoba": (E, {E: date(2022, 10, 15)}),
    "Kazan": (T, {E: date(2022, 10, 27), T: date(2023, 2, 21)}),
    "Québec": (None, {}),
    # Suzhou pilots the complete path; Évora carries one of its projects (so it reaches the
    # stages of step 2 on through it); Cuenca only takes part (network and workshop only).
    "Suzhou": (C, {E: date(2022, 11, 8), T: date(2023, 3, 11), **HERITAGE}),
    "Évora": (C, {E: date(2022, 11, 14), T: date(2023, 3, 20), **HERITAGE}),
    "Cuenca": (None, {N: HERITAGE[N], W: HERITAGE[W]}),
}
NETWORKS = {
    # preparatory meeting 24 May 2023, plan approved 15 Sept 2023
    "Living with water": (N, {N: date(2023, 9, 15)}),
    # plan approved 20 Nov 2023, but no preparatory meeting
    "Multicultural neighbourhoods": (None, {}),
    "Living Andean heritage": (None, {}),
    "Heritage and creative economy": (C, HERITAGE),
}


def table(items) -> dict:
    return {item.name: (item.reached, item.done) for item in items}


def test_stages_match_the_hand_made_table(db, actors):
    current = service.overview(db, actors["secretariat"])
    assert table(current.cities) == CITIES  # Sintra withdrew: not in the programme
    assert table(current.networks) == NETWORKS
    assert current.days_left == 207
    late = {(d.progress.name, d.stage) for d in current.late}
    assert ("Bruges", N) not in late and ("Bruges", T) in late
    assert ("Québec", E) in late and ("Living Andean heritage", N) in late
    # 11 stage targets passed, 2 deliverables of the demo workshop overdue since 15 January and
    # a progress report since 15 February
    assert len([d for d in current.late if not d.what]) == 11
    assert {(d.progress.name, d.what) for d in current.late if d.what} == {
        ("Living with water", "priority_problem"),
        ("Living with water", "pilot_draft"),
        ("Heritage and creative economy", "progress_report"),
    }
    # the workshop target (29 March 2024) is due for everyone who has not held one
    assert {d.stage for d in current.due} == {Stage.WORKSHOP}
    held = {"Suzhou", "Évora", "Cuenca", "Heritage and creative economy"}
    assert len(current.due) == len(CITIES) + len(NETWORKS) - len(held)


def test_stages_move_when_a_submission_is_approved_and_a_meeting_held(db, actors):
    secretariat = actors["secretariat"]
    sheets = submission_service.listing(db, secretariat, kinds=["theme_sheet"])
    bruges_sheet = int(sheets[sheets["city"] == "Bruges"].iloc[0]["id"])
    opened = submission_service.get_submission(db, secretariat, bruges_sheet)
    with clock.recording_at(datetime(2024, 2, 28, 10)):
        submission_service.approve(db, secretariat, opened.id, opened.version)
    networks = {n.name: n.id for n in service.overview(db, secretariat).networks}
    preparatory_meeting(
        db, secretariat, networks["Multicultural neighbourhoods"], datetime(2024, 2, 20, 14), 45
    )
    current = service.overview(db, secretariat)
    cities, nets = table(current.cities), table(current.networks)
    assert cities["Bruges"] == (
        N,
        {E: date(2022, 10, 9), T: date(2024, 2, 28), N: date(2023, 9, 15)},
    )
    assert nets["Multicultural neighbourhoods"] == (N, {N: date(2024, 2, 20)})
    assert cities["Kazan"][0] == N and cities["Kazan"][1][N] == date(2024, 2, 20)
    # Suzhou and Évora reached 1.3 earlier through "Heritage and creative economy"
    assert cities["Suzhou"][1][N] == cities["Évora"][1][N] == date(2023, 5, 2)


def test_a_city_sees_its_own_city_and_networks_the_advisory_group_everything(db, actors):
    mine = service.overview(db, actors["bordeaux"])
    assert [c.name for c in mine.cities] == ["Bordeaux"]
    assert [n.name for n in mine.networks] == ["Living with water"]
    assert [c.name for c in service.overview(db, actors["cordoba"]).cities] == ["Córdoba"]
    assert service.overview(db, actors["cordoba"]).networks == []
    advisory = service.overview(db, actors["advisory"])
    assert table(advisory.cities) == CITIES and table(advisory.networks) == NETWORKS
    for name in ("advisory", "bordeaux"):
        with pytest.raises(PermissionDenied):
            service.save_settings(db, actors[name], {}, None)


def test_scope_narrows_by_axis_region_and_network(db, actors):
    secretariat = actors["secretariat"]
    water = next(
        n.id for n in service.overview(db, secretariat).networks if n.name == "Living with water"
    )
    scoped = service.overview(db, secretariat, service.Scope(networks=(water,)))
    assert {c.name for c in scoped.cities} == {"Bordeaux", "Bruges", "Cusco"}
    assert [n.name for n in scoped.networks] == ["Living with water"]
    axis_three = service.overview(db, secretariat, service.Scope(axes=(3,)))
    assert {c.name for c in axis_three.cities} == {"Kazan", "Évora"}
    assert [n.name for n in axis_three.networks] == ["Multicultural neighbourhoods"]


def test_what_changed_since_follows_the_access_rules(db, actors):
    since = date(2024, 1, 18)
    everything = service.changes_since(db, actors["advisory"], since, "en")
    assert list(everything["area"]).count("Budget") == 5
    assert "Action plan — Submitted · Revision 2" in set(everything["what"])
    bordeaux = service.changes_since(db, actors["bordeaux"], since, "en")
    assert set(bordeaux["network"]) == {"Living with water"}
    assert service.changes_since(db, actors["cordoba"], since, "es").empty


def test_settings_are_kept_and_audited(db, actors):
    secretariat = actors["secretariat"]
    service.save_settings(db, secretariat, {Stage.WORKSHOP: date(2024, 5, 31)}, date(2024, 2, 15))
    current = service.overview(db, secretariat)
    assert current.targets == {Stage.WORKSHOP: date(2024, 5, 31)}
    assert current.last_advisory_meeting == date(2024, 2, 15)
    # 31 May is neither past nor within 30 days (the demo workshop's overdue deliverables are
    # items of their own, not of a stage target)
    assert [d for d in current.late if not d.what] == [] and current.due == []
    with pytest.raises(ValidationError):
        service.save_settings(db, secretariat, {}, date(2024, 3, 2))  # a meeting not yet held


def test_overview_workbook_holds_only_what_the_reader_may_see(db, actors):
    book = load_workbook(
        io.BytesIO(
            service.overview_xlsx(db, actors["bordeaux"], service.Scope(), date(2023, 1, 1), "fr")
        )
    )
    assert book.sheetnames[:5] == [
        "Par étape",
        "Réseaux",
        "Villes",
        "En retard",
        "À échéance dans les 30 jours",
    ]
    cities = [row[0] for row in book["Villes"].iter_rows(min_row=2, values_only=True)]
    assert cities == ["Bordeaux"]
    text = " ".join(
        str(v)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for v in row
        if v
    )
    assert "Multicultural" not in text and "Interpreters RU/EN" not in text


@pytest.mark.parametrize("language", ["fr", "en", "es"])
def test_briefing_pack_numbers_equal_the_overview_figures(db, actors, language):
    advisory = actors["advisory"]
    steps = []
    pdf = service.briefing_pdf(
        db, advisory, service.Scope(), date(2024, 1, 18), language, lambda s, m: steps.append(s)
    )
    text = pdf_text(pdf)
    current = service.overview(db, advisory)
    from ovpm.services import budget as budget_service

    money = budget_service.report(
        db, advisory, budget_service.Filters(networks=tuple(n.name for n in current.networks))
    )
    for label, value in service.key_figures(current, money, language):
        assert f"{label} {value}".replace("\u202f", " ").replace("\xa0", " ") in text
    for network in NETWORKS:
        assert network in text
    assert steps == sorted(steps) and steps[-1] >= 0.9
    assert text.count("\f") >= 5  # cover, charts, deadlines, a page per network, changes


def test_the_secretariat_edits_the_milestones(db, actors):
    from ovpm.domain.models import Milestone
    from ovpm.services.cycle import current_cycle

    secretariat = actors["secretariat"]
    kept = list(current_cycle(db).milestones)
    broken = Milestone(
        "x", date(2024, 5, 2), date(2024, 5, 1), {"fr": "Atelier", "en": "", "es": "Taller"}
    )
    with pytest.raises(ValidationError) as refused:
        service.save_milestones(db, secretariat, [*kept, broken])
    fields = {e.field for e in refused.value.errors}
    assert fields == {f"milestones.{len(kept)}.label_en", f"milestones.{len(kept)}.ends"}
    assert current_cycle(db).milestones == tuple(kept)  # nothing saved
    fixed = Milestone(
        "x", date(2024, 5, 2), date(2024, 5, 3), {"fr": "Atelier", "en": "Workshop", "es": "Taller"}
    )
    service.save_milestones(db, secretariat, [*kept, fixed])
    assert "x" in {m.key for m in current_cycle(db).milestones}
    with pytest.raises(PermissionDenied):
        service.save_milestones(db, actors["advisory"], kept)


def test_the_cities_view_ticks_no_stage_beyond_the_stage_reached(db, actors):
    current = service.overview(db, actors["secretariat"])
    matrix = service.stage_matrix(current, "city", "fr").set_index("name")
    bruges = matrix.loc["Bruges"]
    assert bruges["reached"] == "1.1 Expression d'intérêt"
    assert not bruges[str(N)].startswith("✓")
    assert "compte une fois 1.2 Thématique prioritaire atteinte" in bruges[str(N)]
    assert matrix.loc["Bordeaux"][str(N)].startswith("✓")
