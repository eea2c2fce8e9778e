"""Values derived from the data are kept between reruns and never outlive a write."""

from datetime import date, datetime, time

import pytest

from ovpm.domain.stages import Stage
from ovpm.services import networks as network_service
from ovpm.services import progress
from ovpm.services import submissions as submission_service
from tests.services.test_meetings import preparatory_meeting


def test_a_kept_value_lasts_until_a_write_is_committed(db):
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert db.derived("k", compute) == 1 and db.derived("k", compute) == 1
    with pytest.raises(RuntimeError), db.unit_of_work():
        raise RuntimeError("rolled back")
    assert db.derived("k", compute) == 1  # nothing was written
    with db.unit_of_work() as cur:
        cur.execute("SELECT 1")
    assert db.derived("k", compute) == 2


def test_the_networks_list_shows_an_approval_at_once(db, actors):
    secretariat = actors["secretariat"]
    before = network_service.overview(db, secretariat)
    assert network_service.overview(db, secretariat) is before  # kept between reruns
    plan = network_service.working_plan(db, secretariat, 2)
    assert plan.status == "submitted"
    submission_service.approve(db, secretariat, plan.id, plan.version)
    after = network_service.overview(db, secretariat)
    assert after.set_index("id").loc[2, "plan_status"] == "approved"


def test_stages_move_at_once_after_a_meeting_is_saved(db, actors):
    secretariat = actors["secretariat"]
    assert progress.network_stages(db, secretariat)[2] is None
    preparatory_meeting(db, secretariat, 2, datetime.combine(date(2024, 2, 20), time(14)), 30)
    assert progress.network_stages(db, secretariat)[2] == Stage.NETWORK
    names = [
        c.name for c in progress.overview(db, secretariat).cities if c.reached == Stage.NETWORK
    ]
    assert "Kazan" in names  # (Suzhou and Évora are further on through another network)
