-- Event mentions in the headline: `field` says which text trigger and sentence are in (`articles.title`
-- or the body), as for entity mentions (022). A headline mention joins the event of the article's body
-- mention `joins_idx` (the one it summarises) and never starts an event. Existing rows are body mentions.
ALTER TABLE event_mentions ADD COLUMN field text NOT NULL DEFAULT 'body' CHECK (field IN ('body', 'title'));
ALTER TABLE event_mentions ADD COLUMN joins_idx integer;
