-- Mission4City (source 002): a request (submission 'mission_request' of the requesting city)
-- instructed by the Secretariat in four steps, scheduled with its programme, followed by the
-- city's obligations and its report (submission 'mission_report'), published to the library of
-- good practices. Its costs are budget lines (source 'mission', no network, line key
-- 'mission-<id>-…', recorded on by the requesting city).
CREATE TABLE missions (
    id INTEGER PRIMARY KEY,
    city_id INTEGER NOT NULL,
    request_id INTEGER NOT NULL UNIQUE,
    report_id INTEGER,
    status VARCHAR NOT NULL,
    programme JSON NOT NULL DEFAULT '{}',
    decline_reason VARCHAR NOT NULL DEFAULT '',
    status_since TIMESTAMP NOT NULL,
    published_on DATE,
    created_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX missions_city ON missions (city_id);

CREATE TABLE mission_steps (
    mission_id INTEGER NOT NULL,
    step VARCHAR NOT NULL,
    done_on DATE NOT NULL,
    note VARCHAR NOT NULL,
    who VARCHAR NOT NULL DEFAULT '',
    recorded_by VARCHAR NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    PRIMARY KEY (mission_id, step)
);

CREATE TABLE mission_experts (
    mission_id INTEGER NOT NULL,
    contact_id INTEGER NOT NULL,
    local BOOLEAN NOT NULL,
    PRIMARY KEY (mission_id, contact_id)
);

CREATE TABLE mission_obligations (
    mission_id INTEGER NOT NULL,
    item VARCHAR NOT NULL,
    status VARCHAR NOT NULL,
    done_on DATE,
    note VARCHAR NOT NULL DEFAULT '',
    files INTEGER[] NOT NULL DEFAULT [],
    version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (mission_id, item)
);
