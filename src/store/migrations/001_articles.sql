-- Articles: one row per distinct article id; exact and near duplicates are rows too, marked.
CREATE TABLE articles (
  id              text PRIMARY KEY,
  origin          text NOT NULL,
  url             text,
  format          text NOT NULL,
  raw_hash        text NOT NULL,
  encoding        text NOT NULL,
  title           text,
  published       text,            -- TIMEX3 value at its precision (2025-08-07, 2025-01, 2025)
  published_raw   text,
  published_sort  date,            -- first day of `published`, for ordering and ranges only
  author          text,
  source          text,
  agency          text,
  dateline        text,
  language        text NOT NULL,
  text            text NOT NULL,
  content_hash    text NOT NULL,
  duplicate_of    text REFERENCES articles(id),
  duplicate_kind  text,            -- 'exact' or 'near'
  duplicate_score real,
  story_id        text,
  ingested_at     timestamptz NOT NULL DEFAULT now(),
  ts_config       text NOT NULL DEFAULT 'simple',
  search          tsvector NOT NULL
);
CREATE INDEX articles_content_hash ON articles (content_hash);
CREATE INDEX articles_published_sort ON articles (published_sort);
CREATE INDEX articles_search ON articles USING gin (search);

-- Every place an article was seen (a second file with the same body, the same URL in two feeds).
CREATE TABLE article_origins (
  article_id text NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  origin     text NOT NULL,
  raw_hash   text NOT NULL,
  first_seen timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (article_id, origin)
);
