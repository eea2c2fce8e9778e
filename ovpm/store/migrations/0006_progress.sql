-- Progress overview: a target date per stage of the cycle, and the date of the last Advisory
-- Group meeting (the default "what changed since" date).
CREATE TABLE stage_targets (
    cycle_id INTEGER NOT NULL,
    stage VARCHAR NOT NULL,
    target DATE NOT NULL,
    PRIMARY KEY (cycle_id, stage)
);
ALTER TABLE cycles ADD COLUMN last_advisory_meeting DATE;
