-- International workshops of the networks (source 000): one at a time per network that is not
-- cancelled, its programme by half-day (JSON), and its participants from the address book.
-- Its costs are budget lines (source 'workshop', line key 'workshop-<id>-…'); its deliverables
-- are submissions of the network.
CREATE TABLE workshops (
    id INTEGER PRIMARY KEY,
    network_id INTEGER NOT NULL,
    place VARCHAR NOT NULL,
    first_day DATE NOT NULL,
    last_day DATE NOT NULL,
    status VARCHAR NOT NULL,
    activity_key VARCHAR NOT NULL DEFAULT '',
    provides_room BOOLEAN NOT NULL DEFAULT FALSE,
    provides_meals BOOLEAN NOT NULL DEFAULT FALSE,
    provides_other VARCHAR NOT NULL DEFAULT '',
    programme JSON NOT NULL,
    deliverables_due DATE,
    theme_sheet_not_needed VARCHAR NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX workshops_network ON workshops (network_id);

CREATE TABLE workshop_participants (
    workshop_id INTEGER NOT NULL,
    contact_id INTEGER NOT NULL,
    role VARCHAR NOT NULL,
    funded BOOLEAN NOT NULL DEFAULT FALSE,
    agreement VARCHAR NOT NULL DEFAULT '',
    PRIMARY KEY (workshop_id, contact_id)
);
