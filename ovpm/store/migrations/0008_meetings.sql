-- Meetings of every kind, of a network or of a city's own process (SPEC.md §4.9): the agenda,
-- the invitees and their attendance, and the action items the minutes name. The minutes are a
-- submission (kind 'minutes') of the host city, linked by meetings.minutes_id. The preparatory
-- meetings of the networks become meetings of kind 'preparatory_meeting' (times were kept in
-- Québec's zone; their brainstorm notes become the meeting's notes; a meeting without a title
-- is shown by its kind).
CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    network_id INTEGER,
    city_id INTEGER NOT NULL,
    kind VARCHAR NOT NULL,
    title VARCHAR NOT NULL,
    starts_at TIMESTAMP NOT NULL,
    duration_minutes INTEGER NOT NULL,
    time_zone VARCHAR NOT NULL,
    link VARCHAR NOT NULL DEFAULT '',
    place VARCHAR NOT NULL DEFAULT '',
    agenda VARCHAR[] NOT NULL DEFAULT [],
    notes VARCHAR NOT NULL DEFAULT '',
    group_name VARCHAR NOT NULL DEFAULT '',
    minutes_id INTEGER,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX meetings_network ON meetings (network_id);
CREATE INDEX meetings_city ON meetings (city_id);

CREATE TABLE meeting_invitees (
    meeting_id INTEGER NOT NULL,
    person VARCHAR NOT NULL,  -- 'contact:<id>' or 'user:<id>'
    attendance VARCHAR NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_id, person)
);

CREATE TABLE action_items (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL,
    number INTEGER NOT NULL,
    what VARCHAR NOT NULL,
    owner VARCHAR NOT NULL,  -- 'contact:<id>' or 'user:<id>'
    due DATE,
    status VARCHAR NOT NULL DEFAULT 'open',
    note VARCHAR NOT NULL DEFAULT '',
    updated_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX action_items_meeting ON action_items (meeting_id);

INSERT INTO meetings (id, network_id, city_id, kind, title, starts_at, duration_minutes,
                      time_zone, link, notes, version)
SELECT p.id, p.network_id, n.pilot_city_id, 'preparatory_meeting', '',
       p.starts_at, p.duration_minutes, 'America/Toronto', p.link, p.notes, p.version
FROM preparatory_meetings p JOIN networks n ON n.id = p.network_id;

INSERT INTO meeting_invitees (meeting_id, person)
SELECT DISTINCT id, 'contact:' || CAST(unnest(participants) AS VARCHAR) FROM preparatory_meetings;

DROP TABLE preparatory_meetings;
