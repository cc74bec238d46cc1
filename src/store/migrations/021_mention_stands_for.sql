-- A metonym (`Moskau erklärte …`, `der Kreml`) is a mention of its own entity (Moskau, Kreml)
-- that stands for another (Russland): that second entity.
ALTER TABLE mentions ADD COLUMN stands_for text REFERENCES entities(id) ON DELETE SET NULL;
