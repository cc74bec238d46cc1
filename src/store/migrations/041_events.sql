-- Event mentions (one per trigger found in an article) and the merged events they are evidence of.
CREATE TABLE event_mentions (
  article_id     text NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx            integer NOT NULL,
  type           text NOT NULL,
  mode           text,
  trigger_start  integer NOT NULL,
  trigger_end    integer NOT NULL,
  trigger_text   text NOT NULL,
  sentence_index integer NOT NULL,
  sentence       text NOT NULL,
  actors         jsonb NOT NULL,   -- [{name, text, kbId, type}] canonical name + surface
  recipients     jsonb NOT NULL,
  place          text,
  date_value     text,
  date_source    text NOT NULL,    -- 'text' | 'publication'
  date_lo        date,             -- calendar interval the date covers, for compatibility checks
  date_hi        date,
  status         text NOT NULL,
  speaker        text,
  event_id       text,
  PRIMARY KEY (article_id, idx)
);
CREATE INDEX event_mentions_event ON event_mentions (event_id);
CREATE INDEX event_mentions_unmerged ON event_mentions (article_id) WHERE event_id IS NULL;

CREATE TABLE events (
  id          text PRIMARY KEY,
  type        text NOT NULL,
  mode        text,
  date_value  text,
  date_source text NOT NULL,
  date_lo     date,
  date_hi     date,
  status      text NOT NULL,
  place       text,
  actors      jsonb NOT NULL,   -- canonical names
  recipients  jsonb NOT NULL,
  sources     integer NOT NULL, -- distinct original articles
  mentions    integer NOT NULL
);
CREATE INDEX events_type_date ON events (type, date_lo);

-- Consistency warnings about one article (a role its text gives a person who did not hold it then).
CREATE TABLE article_warnings (
  article_id text NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx        integer NOT NULL,
  kind       text NOT NULL,
  message    text NOT NULL,
  span_start integer,
  span_end   integer,
  PRIMARY KEY (article_id, idx)
);
