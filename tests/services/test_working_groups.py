"""Working groups as source 003 runs them: three meetings with the default agendas, people
among the members, and the common action plan built from the third meetings' minutes."""

from __future__ import annotations

from datetime import datetime

import pytest

from ovpm.domain.errors import PermissionDenied, ValidationError
from ovpm.domain.meetings import MeetingKind, Minutes
from ovpm.domain.working_groups import WorkingGroup
from ovpm.services import diagnosis
from ovpm.services import working_groups as service
from tests.services.test_networks import pdf_text

WATER = 1


def test_a_group_comes_with_its_three_meetings_and_source_003s_agendas(db, actors):
    bordeaux = actors["bordeaux"]  # writes in French
    process = diagnosis.process_of(db, bordeaux, WATER, None)
    members = ("user:4", "user:3")
    group = service.create_group(
        db,
        bordeaux,
        WorkingGroup(None, WATER, process.city_id, "Visitors", members, "user:3", "user:4"),
        datetime(2024, 4, 9, 12),
        "Europe/Paris",
    )
    first, second, third = service.group_meetings(db, bordeaux, group)
    assert [m.starts_at.day for m in (first, second, third)] == [9, 7, 4]  # four weeks apart
    assert {m.kind for m in (first, second, third)} == {MeetingKind.WORKING_GROUP}
    assert first.agenda[0] == "Tour de table" and len(second.agenda) == 2
    assert third.agenda[0].startswith("Un premier niveau de plan d’action")
    assert {i.key for i in first.invitees} == set(members)
    with pytest.raises(ValidationError) as refused:
        service.create_group(
            db,
            bordeaux,
            WorkingGroup(None, WATER, process.city_id, "", members, "user:1", ""),
            datetime(2024, 4, 9, 12),
            "Europe/Paris",
        )
    assert {e.field for e in refused.value.errors} == {"theme", "facilitator"}
    with pytest.raises(PermissionDenied):  # a member city reads the groups; the pilot creates
        service.create_group(
            db,
            actors["bruges"],
            WorkingGroup(None, WATER, process.city_id, "Mine", members),
            datetime(2024, 4, 9, 12),
            "Europe/Paris",
        )


def test_the_common_action_plan_is_built_from_the_third_meetings(db, actors):
    process = diagnosis.process_of(db, actors["bruges"], WATER, None)
    [plan] = service.common_plan(db, actors["bruges"], process)
    assert plan.approved and [i.idea for i in plan.ideas] == [
        "A shared flood map (demo)",
        "Residents' flood wardens (demo)",
    ]
    text = pdf_text(service.common_plan_pdf(db, actors["advisory"], process, "en"))
    assert "Common action plan" in text and "flood wardens (demo)" in text
    assert "DRAFT" not in text.replace("\n", "")
    with pytest.raises(PermissionDenied):
        service.common_plan(db, actors["cordoba"], process)


def test_a_third_meeting_not_approved_yet_makes_a_draft_common_plan(db, actors):
    from ovpm.domain.meetings import IdeaPlan
    from ovpm.services import minutes

    bordeaux = actors["bordeaux"]
    process = diagnosis.process_of(db, bordeaux, WATER, None)
    group = service.create_group(
        db,
        bordeaux,
        WorkingGroup(None, WATER, process.city_id, "Night", ("user:3",)),
        datetime(2024, 1, 9, 12),
        "Europe/Paris",
    )
    third = service.group_meetings(db, bordeaux, group)[2]
    minutes.write_minutes(
        db, bordeaux, third.id, Minutes(ideas=(IdeaPlan("Night guides"),)), {}, None
    )
    plans = {p.group.theme: p for p in service.common_plan(db, bordeaux, process)}
    assert not plans["Night"].approved and plans["Night"].ideas[0].idea == "Night guides"
    # a member city reads the plan from approved minutes only
    member_view = {p.group.theme: p for p in service.common_plan(db, actors["bruges"], process)}
    assert member_view["Night"].ideas == ()
    text = pdf_text(service.common_plan_pdf(db, bordeaux, process, "fr"))
    assert "BROUILLON" in text.replace("\n", "")
