-- Foundation: programme cycle, cities, users and sessions, address book, audit trail.
-- Ids are allocated under the write lock (max + 1): no sequences, so a backup restores exactly.
CREATE TABLE cycles (
    id INTEGER PRIMARY KEY,
    name_fr VARCHAR NOT NULL,
    name_en VARCHAR NOT NULL,
    name_es VARCHAR NOT NULL,
    congress_starts DATE NOT NULL,
    congress_ends DATE NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE milestones (
    id INTEGER PRIMARY KEY,
    cycle_id INTEGER NOT NULL,
    key VARCHAR NOT NULL,
    starts DATE NOT NULL,
    ends DATE NOT NULL,
    label_fr VARCHAR NOT NULL,
    label_en VARCHAR NOT NULL,
    label_es VARCHAR NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE cities (
    id INTEGER PRIMARY KEY,
    name VARCHAR NOT NULL,
    local_name VARCHAR NOT NULL DEFAULT '',
    country VARCHAR NOT NULL,
    iso2 VARCHAR NOT NULL,
    region VARCHAR NOT NULL,
    lat DOUBLE,
    lon DOUBLE,
    good_standing BOOLEAN NOT NULL DEFAULT TRUE,
    language VARCHAR NOT NULL DEFAULT 'en',
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    email VARCHAR NOT NULL DEFAULT '',
    role VARCHAR NOT NULL,
    city_id INTEGER,
    password_hash VARCHAR NOT NULL,
    language VARCHAR NOT NULL DEFAULT 'fr',
    active BOOLEAN NOT NULL DEFAULT TRUE,
    sessions_valid_after TIMESTAMP NOT NULL,
    created_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX users_username ON users (username);

CREATE TABLE login_attempts (
    username VARCHAR NOT NULL,
    address VARCHAR NOT NULL,
    happened_at TIMESTAMP NOT NULL,
    succeeded BOOLEAN NOT NULL
);

CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    name VARCHAR NOT NULL,
    title VARCHAR NOT NULL DEFAULT '',
    email VARCHAR NOT NULL DEFAULT '',
    phone VARCHAR NOT NULL DEFAULT '',
    city_id INTEGER,
    organisation VARCHAR NOT NULL DEFAULT '',
    kind VARCHAR NOT NULL,
    languages VARCHAR[] NOT NULL DEFAULT [],
    expertise VARCHAR[] NOT NULL DEFAULT [],
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE audit_log (
    id BIGINT PRIMARY KEY,
    happened_at TIMESTAMP NOT NULL,
    actor_id INTEGER,
    actor_username VARCHAR NOT NULL,
    city_id INTEGER,
    entity VARCHAR NOT NULL,
    entity_id BIGINT,
    action VARCHAR NOT NULL,
    before JSON,
    after JSON
);
