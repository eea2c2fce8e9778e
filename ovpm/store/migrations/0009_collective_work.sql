-- When the preparation of a participatory workshop started (source 004 asks for three months).
ALTER TABLE meetings ADD COLUMN preparation_started DATE;

-- The shared diagnosis of a network or of a city's own process (source 004): obstacles, levers,
-- needs and resources, each brought by a city or a person; merged entries point to the one kept.
CREATE TABLE diagnosis_entries (
    id INTEGER PRIMARY KEY,
    network_id INTEGER,
    city_id INTEGER NOT NULL,  -- the host: the network's pilot city, or the city's own process
    kind VARCHAR NOT NULL,
    text VARCHAR NOT NULL,
    brought_by_city_id INTEGER,
    brought_by VARCHAR NOT NULL DEFAULT '',  -- 'contact:<id>' or 'user:<id>'
    tags VARCHAR[] NOT NULL DEFAULT [],
    merged_into INTEGER,
    created_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);

-- Project seeds carried by action groups (source 004); a seed promoted to a pilot project keeps
-- the decision until the pilot-project screens create the project from it.
CREATE TABLE project_seeds (
    id INTEGER PRIMARY KEY,
    network_id INTEGER,
    city_id INTEGER NOT NULL,
    title VARCHAR NOT NULL,
    need VARCHAR NOT NULL DEFAULT '',
    diagnosis_ids INTEGER[] NOT NULL DEFAULT [],
    plan VARCHAR NOT NULL DEFAULT '',
    group_people VARCHAR[] NOT NULL DEFAULT [],
    contact_person VARCHAR NOT NULL DEFAULT '',
    status VARCHAR NOT NULL,
    decision_note VARCHAR NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);

-- Working groups as source 003 runs them: three meetings each (meetings.working_group_id and
-- working_group_meeting = 1, 2 or 3); the action plans of the third meetings' minutes are
-- gathered into the network's common action plan.
CREATE TABLE working_groups (
    id INTEGER PRIMARY KEY,
    network_id INTEGER,
    city_id INTEGER NOT NULL,
    theme VARCHAR NOT NULL,
    members VARCHAR[] NOT NULL DEFAULT [],  -- person keys
    facilitator VARCHAR NOT NULL DEFAULT '',
    spokesperson VARCHAR NOT NULL DEFAULT '',
    created_at TIMESTAMP NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
ALTER TABLE meetings ADD COLUMN working_group_id INTEGER;
ALTER TABLE meetings ADD COLUMN working_group_meeting INTEGER;
