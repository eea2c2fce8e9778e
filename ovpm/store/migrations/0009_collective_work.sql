-- When the preparation of a participatory workshop started (source 004 asks for three months).
ALTER TABLE meetings ADD COLUMN preparation_started DATE;
