"""The programme cycle and its milestones."""

from __future__ import annotations

from ovpm.domain.errors import NotFound
from ovpm.domain.models import Cycle, Milestone
from ovpm.store.db import next_id


def current(cur) -> Cycle:
    """The current programme cycle (the latest one) with its milestones in date order."""
    row = cur.execute(
        "SELECT id, name_fr, name_en, name_es, congress_starts, congress_ends FROM cycles "
        "ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        raise NotFound("cycle")
    milestones = cur.execute(
        "SELECT key, starts, ends, label_fr, label_en, label_es FROM milestones "
        "WHERE cycle_id = ? ORDER BY starts, id",
        [row[0]],
    ).fetchall()
    return Cycle(
        id=row[0],
        names={"fr": row[1], "en": row[2], "es": row[3]},
        congress_starts=row[4],
        congress_ends=row[5],
        milestones=tuple(
            Milestone(key=m[0], starts=m[1], ends=m[2], labels={"fr": m[3], "en": m[4], "es": m[5]})
            for m in milestones
        ),
    )


def insert(cur, cycle: Cycle) -> Cycle:
    """Add a cycle and its milestones."""
    cycle_id = next_id(cur, "cycles")
    cur.execute(
        "INSERT INTO cycles (id, name_fr, name_en, name_es, congress_starts, congress_ends)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [
            cycle_id,
            cycle.names["fr"],
            cycle.names["en"],
            cycle.names["es"],
            cycle.congress_starts,
            cycle.congress_ends,
        ],
    )
    replace_milestones(cur, cycle_id, cycle.milestones)
    return current(cur)


def replace_milestones(cur, cycle_id: int, milestones) -> None:
    """The cycle's milestones become exactly these."""
    cur.execute("DELETE FROM milestones WHERE cycle_id = ?", [cycle_id])
    for milestone in milestones:
        cur.execute(
            "INSERT INTO milestones (id, cycle_id, key, starts, ends, label_fr, label_en, label_es)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                next_id(cur, "milestones"),
                cycle_id,
                milestone.key,
                milestone.starts,
                milestone.ends,
                milestone.labels["fr"],
                milestone.labels["en"],
                milestone.labels["es"],
            ],
        )
