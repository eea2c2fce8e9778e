"""Pilot projects, their indicators and measured values, and their progress reports."""

from __future__ import annotations

from datetime import date, datetime

from ovpm.domain.errors import ConflictError, NotFound
from ovpm.domain.indicators import Direction, Indicator, Measure
from ovpm.domain.pilot_projects import Origin, Project, ProjectStatus
from ovpm.store.db import next_id

# The title is the definition's: its approved revision's, else its working copy's.
_SELECT = (
    "SELECT p.id, p.network_id, p.city_id, p.status, p.origin, p.origin_id, p.definition_id, "
    "coalesce(json_extract_string(r.content, '$.title'), "
    "json_extract_string(s.content, '$.title'), ''), p.launched_on, p.report_every_months, "
    "p.report_dates, p.version, c.name, n.name, n.pilot_city_id, p.evaluation_id "
    "FROM pilot_projects p "
    "JOIN submissions s ON s.id = p.definition_id "
    "LEFT JOIN submission_revisions r ON r.submission_id = s.id "
    "AND r.number = s.approved_revision "
    "JOIN cities c ON c.id = p.city_id JOIN networks n ON n.id = p.network_id "
)


def _project(row: tuple) -> Project:
    return Project(
        row[0],
        row[1],
        row[2],
        ProjectStatus(row[3]),
        Origin(row[4]),
        *row[5:10],
        tuple(row[10] or ()),
        *row[11:],
    )


def every(cur, network_id: int | None = None) -> list[Project]:
    """Every pilot project (of one network), by network then title."""
    where, params = ("WHERE p.network_id = ? ", [network_id]) if network_id else ("", [])
    rows = cur.execute(_SELECT + where + "ORDER BY n.name, 8, p.id", params).fetchall()
    return [_project(row) for row in rows]


def get(cur, project_id: int) -> Project:
    """One pilot project, or NotFound."""
    row = cur.execute(_SELECT + "WHERE p.id = ?", [project_id]).fetchone()
    if row is None:
        raise NotFound(f"pilot project {project_id}")
    return _project(row)


def by_origin(cur, origin: str, origin_id: int) -> Project | None:
    """The project started from this report or seed, if any."""
    row = cur.execute(
        _SELECT + "WHERE p.origin = ? AND p.origin_id = ?", [origin, origin_id]
    ).fetchone()
    return _project(row) if row else None


def titles(cur) -> dict[int, str]:
    """project id → its title."""
    return {project.id: project.title for project in every(cur)}


def members_by_network(cur) -> dict[int, frozenset[int]]:
    """network id → the cities taking part in it."""
    rows = cur.execute(
        "SELECT network_id, list(city_id) FROM network_members "
        "WHERE status = 'participating' GROUP BY network_id"
    ).fetchall()
    return {network_id: frozenset(ids) for network_id, ids in rows}


def unstarted_reports(cur) -> list[tuple[int, str, int]]:
    """Approved reports on a workshop's initial draft no project was started from:
    (submission id, network name, its pilot city id)."""
    return cur.execute(
        "SELECT s.id, n.name, n.pilot_city_id FROM submissions s "
        "JOIN networks n ON n.id = s.network_id WHERE s.kind = 'pilot_draft' "
        "AND s.approved_revision IS NOT NULL AND s.id NOT IN "
        "(SELECT origin_id FROM pilot_projects WHERE origin = 'pilot_draft') ORDER BY n.name"
    ).fetchall()


def unstarted_seeds(cur) -> list[tuple[int, str, int, str, int]]:
    """Promoted seeds of a network no project was started from: (seed id, title, network id,
    network name, its pilot city id)."""
    return cur.execute(
        "SELECT s.id, s.title, n.id, n.name, n.pilot_city_id FROM project_seeds s "
        "JOIN networks n ON n.id = s.network_id WHERE s.status = 'promoted' AND s.id NOT IN "
        "(SELECT origin_id FROM pilot_projects WHERE origin = 'seed') ORDER BY n.name, s.id"
    ).fetchall()


def of_submission(cur, submission_id: int) -> int | None:
    """The project whose definition, progress report or evaluation this submission is."""
    row = cur.execute(
        "SELECT id FROM pilot_projects WHERE ? IN (definition_id, evaluation_id) UNION ALL "
        "SELECT project_id FROM progress_reports WHERE submission_id = ?",
        [submission_id, submission_id],
    ).fetchone()
    return row[0] if row else None


def insert(cur, project: Project, at: datetime) -> int:
    """A new project; its id."""
    project_id = next_id(cur, "pilot_projects")
    cur.execute(
        "INSERT INTO pilot_projects (id, network_id, city_id, status, origin, origin_id, "
        "definition_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            project_id,
            project.network_id,
            project.city_id,
            str(project.status),
            str(project.origin),
            project.origin_id,
            project.definition_id,
            at,
        ],
    )
    return project_id


def set_evaluation(cur, project_id: int, submission_id: int) -> None:
    """Link the project to its evaluation's submission."""
    cur.execute(
        "UPDATE pilot_projects SET evaluation_id = ? WHERE id = ?", [submission_id, project_id]
    )


def approve_definition(cur, definition_id: int) -> None:
    """The approval of its definition approves a proposed project."""
    cur.execute(
        "UPDATE pilot_projects SET status = 'approved', version = version + 1 "
        "WHERE definition_id = ? AND status = 'proposed'",
        [definition_id],
    )


def update(cur, project: Project) -> Project:
    """Save the status, launch day and report schedule of the project opened at
    `project.version` (ConflictError when someone saved it since)."""
    changed = cur.execute(
        "UPDATE pilot_projects SET status = ?, launched_on = ?, report_every_months = ?, "
        "report_dates = ?, version = version + 1 WHERE id = ? AND version = ? RETURNING id",
        [
            str(project.status),
            project.launched_on,
            project.report_every_months,
            list(project.report_dates),
            project.id,
            project.version,
        ],
    ).fetchall()
    if not changed:
        raise ConflictError(get(cur, project.id))
    return get(cur, project.id)


# --- indicators and values -------------------------------------------------------------------


def indicators(cur, project_id: int | None = None) -> list[Indicator]:
    """The indicators of a project (or of every project), in the order they were added."""
    where, params = ("WHERE project_id = ? ", [project_id]) if project_id else ("", [])
    rows = cur.execute(
        "SELECT id, project_id, name, unit, baseline, target, direction, version "
        "FROM project_indicators " + where + "ORDER BY project_id, id",
        params,
    ).fetchall()
    return [Indicator(*row[:6], Direction(row[6]), row[7]) for row in rows]


def save_indicator(cur, indicator: Indicator) -> int:
    """Insert an indicator, or update the one opened at its version; its id."""
    values = [
        indicator.name,
        indicator.unit,
        indicator.baseline,
        indicator.target,
        str(indicator.direction),
    ]
    if indicator.id is None:
        new_id = next_id(cur, "project_indicators")
        cur.execute(
            "INSERT INTO project_indicators (name, unit, baseline, target, direction, id, "
            "project_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [*values, new_id, indicator.project_id],
        )
        return new_id
    changed = cur.execute(
        "UPDATE project_indicators SET name = ?, unit = ?, baseline = ?, target = ?, "
        "direction = ?, version = version + 1 WHERE id = ? AND version = ? RETURNING id",
        [*values, indicator.id, indicator.version],
    ).fetchall()
    if not changed:
        raise ConflictError(indicator)
    return indicator.id


def measures(cur, project_id: int | None = None) -> list[Measure]:
    """The measured values of a project's (or every project's) indicators, oldest first."""
    where, params = ("WHERE i.project_id = ? ", [project_id]) if project_id else ("", [])
    rows = cur.execute(
        "SELECT v.indicator_id, v.measured_on, v.value, v.source, v.id, v.entered_by "
        "FROM indicator_values v JOIN project_indicators i ON i.id = v.indicator_id "
        + where
        + "ORDER BY v.measured_on, v.id",
        params,
    ).fetchall()
    return [Measure(*row) for row in rows]


def insert_measures(cur, found: list[Measure], by: str, at: datetime) -> None:
    """Add measured values."""
    first = next_id(cur, "indicator_values")
    cur.executemany(
        "INSERT INTO indicator_values (id, indicator_id, measured_on, value, source, "
        "entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            [first + n, m.indicator_id, m.measured_on, m.value, m.source, by, at]
            for n, m in enumerate(found)
        ],
    )


# --- progress reports ------------------------------------------------------------------------


def reports(cur, project_id: int | None = None) -> list[tuple]:
    """(project id, due on, submission id, status, revision, approved revision, first approval
    day) of every progress report started (of one project)."""
    where, params = ("WHERE r.project_id = ? ", [project_id]) if project_id else ("", [])
    return cur.execute(
        "SELECT r.project_id, r.due_on, r.submission_id, s.status, s.revision, "
        "s.approved_revision, (SELECT CAST(min(e.happened_at) AS DATE) FROM submission_events e "
        "WHERE e.submission_id = s.id AND e.action = 'approved') FROM progress_reports r "
        "JOIN submissions s ON s.id = r.submission_id " + where + "ORDER BY r.due_on",
        params,
    ).fetchall()


def insert_report(cur, submission_id: int, project_id: int, due_on: date) -> None:
    """Link a progress report's submission to the due date it answers."""
    cur.execute(
        "INSERT INTO progress_reports (submission_id, project_id, due_on) VALUES (?, ?, ?)",
        [submission_id, project_id, due_on],
    )


def forget_withdrawn_report(cur, project_id: int, due_on: date) -> None:
    """Free a due date whose report was withdrawn, so that a new one answers it (the withdrawn
    submission stays readable)."""
    cur.execute(
        "DELETE FROM progress_reports WHERE project_id = ? AND due_on = ? AND submission_id IN "
        "(SELECT id FROM submissions WHERE status = 'withdrawn')",
        [project_id, due_on],
    )
