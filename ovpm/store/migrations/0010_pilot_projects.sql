-- Pilot projects of step 2 and their evaluation in step 3 (source 001): each started from an approved report on a workshop's
-- initial draft or from a promoted project seed (origin, origin_id), its definition a submission
-- reviewed before launch; its indicators and their measured values; its progress reports
-- (submissions, each answering one due date of the schedule set by the Secretariat). Its costs
-- are budget lines (source 'project', line key 'project-<id>-…').
CREATE TABLE pilot_projects (
    id INTEGER PRIMARY KEY,
    network_id INTEGER NOT NULL,
    city_id INTEGER NOT NULL,  -- the city carrying it
    status VARCHAR NOT NULL,
    origin VARCHAR NOT NULL,
    origin_id INTEGER NOT NULL,
    definition_id INTEGER NOT NULL,  -- the submission of its definition
    evaluation_id INTEGER,  -- the submission of its evaluation (step 3), once started
    launched_on DATE,
    report_every_months INTEGER,
    report_dates DATE[] NOT NULL DEFAULT [],
    created_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    UNIQUE (origin, origin_id)
);
CREATE INDEX pilot_projects_network ON pilot_projects (network_id);

CREATE TABLE project_indicators (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL,
    name VARCHAR NOT NULL,
    unit VARCHAR NOT NULL DEFAULT '',
    baseline DECIMAL(18, 4),
    target DECIMAL(18, 4),
    direction VARCHAR NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX project_indicators_project ON project_indicators (project_id);

CREATE TABLE indicator_values (
    id INTEGER PRIMARY KEY,
    indicator_id INTEGER NOT NULL,
    measured_on DATE NOT NULL,
    value DECIMAL(18, 4) NOT NULL,
    source VARCHAR NOT NULL DEFAULT '',
    entered_by VARCHAR NOT NULL,
    entered_at TIMESTAMP NOT NULL
);
CREATE INDEX indicator_values_indicator ON indicator_values (indicator_id);

CREATE TABLE progress_reports (
    submission_id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL,
    due_on DATE NOT NULL,
    UNIQUE (project_id, due_on)
);
