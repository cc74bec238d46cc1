-- Mentions in the headline: `field` says which text `start`/`end`/`sentence` point into
-- (`articles.title` or the body `articles.text`). Existing rows are body mentions.
ALTER TABLE mentions ADD COLUMN field text NOT NULL DEFAULT 'body' CHECK (field IN ('body', 'title'));
