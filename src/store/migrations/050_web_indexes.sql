-- Indexes for the web pages' listings (owner: web UI). Newest-first article lists, the
-- timeline's date order, and "events of this entity" lookups on the canonical-name arrays.
CREATE INDEX articles_newest ON articles (published_sort DESC NULLS LAST, seq DESC);
CREATE INDEX events_date_order ON events (date_lo, date_value, id);
CREATE INDEX events_actors_gin ON events USING gin (actors);
CREATE INDEX events_recipients_gin ON events USING gin (recipients);
