-- Budget tracking: every budget line under follow-up (from approved action plans now;
-- workshops, missions and pilot projects later) and its commitments, expenses and refunds.
CREATE TABLE budget_lines (
    id INTEGER PRIMARY KEY,
    source VARCHAR NOT NULL,
    network_id INTEGER,
    owner_city_id INTEGER NOT NULL,  -- the city that records on the line (pilot, requester)
    line_key VARCHAR NOT NULL,       -- the plan line it follows, across plan revisions
    category VARCHAR NOT NULL,
    description VARCHAR NOT NULL,
    funder VARCHAR NOT NULL,
    funder_city_id INTEGER,
    funder_name VARCHAR NOT NULL DEFAULT '',
    currency VARCHAR NOT NULL,
    planned DECIMAL(14, 2) NOT NULL CHECK (planned >= 0),
    planned_on DATE NOT NULL,        -- the approval that set the planned amount
    in_plan BOOLEAN NOT NULL DEFAULT TRUE,
    updated_at TIMESTAMP NOT NULL,
    UNIQUE (source, network_id, line_key)
);
CREATE INDEX budget_lines_owner ON budget_lines (owner_city_id);

CREATE TABLE budget_entries (
    id INTEGER PRIMARY KEY,
    line_id INTEGER NOT NULL,
    kind VARCHAR NOT NULL,           -- commitment, expense, refund (never a negative amount)
    entry_date DATE NOT NULL,
    amount DECIMAL(14, 2) NOT NULL CHECK (amount > 0),
    reference VARCHAR NOT NULL DEFAULT '',
    attachment_id INTEGER,
    recorded_by VARCHAR NOT NULL,
    recorded_at TIMESTAMP NOT NULL,
    cancelled_by VARCHAR,
    cancelled_at TIMESTAMP
);
CREATE INDEX budget_entries_line ON budget_entries (line_id);
