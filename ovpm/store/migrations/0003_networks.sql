-- Stage 1.3: collaborative networks, their members and Advisory Group members, thematic round
-- tables, preparatory meetings; action plans are submissions tied to a network.
ALTER TABLE cities ADD COLUMN timezone VARCHAR NOT NULL DEFAULT 'UTC';
ALTER TABLE submissions ADD COLUMN network_id INTEGER;

CREATE TABLE networks (
    id INTEGER PRIMARY KEY,
    name VARCHAR NOT NULL,
    theme VARCHAR NOT NULL,
    axis INTEGER NOT NULL,
    pilot_city_id INTEGER NOT NULL,
    status VARCHAR NOT NULL,
    source_submission_id INTEGER,
    created_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE network_members (
    network_id INTEGER NOT NULL,
    city_id INTEGER NOT NULL,
    status VARCHAR NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (network_id, city_id)
);

CREATE TABLE network_advisors (
    network_id INTEGER NOT NULL,
    user_id INTEGER NOT NULL,
    PRIMARY KEY (network_id, user_id)
);

CREATE TABLE round_tables (
    id INTEGER PRIMARY KEY,
    network_id INTEGER,
    number INTEGER NOT NULL,
    theme VARCHAR NOT NULL,
    host_name VARCHAR NOT NULL,
    host_title VARCHAR NOT NULL DEFAULT '',
    host_city_id INTEGER NOT NULL,
    starts_at TIMESTAMP NOT NULL,
    recording_url VARCHAR NOT NULL DEFAULT '',
    synthesis VARCHAR NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE preparatory_meetings (
    id INTEGER PRIMARY KEY,
    network_id INTEGER NOT NULL,
    starts_at TIMESTAMP NOT NULL,
    duration_minutes INTEGER NOT NULL,
    link VARCHAR NOT NULL DEFAULT '',
    participants INTEGER[] NOT NULL DEFAULT [],
    notes VARCHAR NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1
);
