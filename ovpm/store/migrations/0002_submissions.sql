-- Step 1 of the Quebec Roadmap: attachments, submissions with frozen revisions, review events
-- and advisory comments.
CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    sha256 VARCHAR NOT NULL,
    media_type VARCHAR NOT NULL,
    size_bytes BIGINT NOT NULL,
    original_name VARCHAR NOT NULL,
    stored_name VARCHAR NOT NULL,
    city_id INTEGER,
    uploaded_by VARCHAR NOT NULL,
    uploaded_at TIMESTAMP NOT NULL
);

CREATE TABLE submissions (
    id INTEGER PRIMARY KEY,
    kind VARCHAR NOT NULL,
    city_id INTEGER NOT NULL,
    status VARCHAR NOT NULL,
    revision INTEGER NOT NULL DEFAULT 0,
    approved_revision INTEGER,
    content JSON NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX submissions_city ON submissions (city_id);

CREATE TABLE submission_revisions (
    submission_id INTEGER NOT NULL,
    number INTEGER NOT NULL,
    content JSON NOT NULL,
    submitted_by VARCHAR NOT NULL,
    submitted_at TIMESTAMP NOT NULL,
    outcome VARCHAR NOT NULL,
    decided_by VARCHAR,
    decided_at TIMESTAMP,
    comment VARCHAR NOT NULL DEFAULT '',
    PRIMARY KEY (submission_id, number)
);

CREATE TABLE submission_events (
    id INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    action VARCHAR NOT NULL,
    actor_username VARCHAR NOT NULL,
    happened_at TIMESTAMP NOT NULL,
    comment VARCHAR NOT NULL DEFAULT ''
);

CREATE TABLE submission_comments (
    id INTEGER PRIMARY KEY,
    submission_id INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    author_username VARCHAR NOT NULL,
    author_role VARCHAR NOT NULL,
    body VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL
);
