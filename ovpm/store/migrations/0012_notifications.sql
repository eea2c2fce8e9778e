-- E-mail notifications (issue 17): each user's choices, and the outbox the sender works from.
CREATE TABLE notification_settings (
    user_id INTEGER PRIMARY KEY,
    digest BOOLEAN NOT NULL DEFAULT FALSE,  -- one message a day instead of one per event
    muted VARCHAR[] NOT NULL DEFAULT []     -- the events the user does not want
);

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    created_at TIMESTAMP NOT NULL,
    user_id INTEGER NOT NULL,
    email VARCHAR NOT NULL,
    event VARCHAR NOT NULL,
    once_key VARCHAR,                       -- a reminder's item and day: never queued twice
    subject VARCHAR NOT NULL,
    body VARCHAR NOT NULL,
    status VARCHAR NOT NULL,                -- queued, held (for the digest), sent, digested, failed
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    last_error VARCHAR NOT NULL DEFAULT '',
    sent_at TIMESTAMP
);
CREATE INDEX outbox_status ON outbox (status);
