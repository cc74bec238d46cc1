-- Time expressions found in an article's text (TIMEX3: type, normalised value, modifier), with
-- UTF-16 offsets into articles.text and the value they were resolved against.
CREATE TABLE timexes (
  article_id  text NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx         integer NOT NULL,
  span_start  integer NOT NULL,
  span_end    integer NOT NULL,
  text        text NOT NULL,
  type        text NOT NULL,      -- DATE | TIME | DURATION | SET
  value       text NOT NULL,      -- 2025-08-07, 2025-W33, P3D, PAST_REF, XXXX-WXX-1, ...
  mod         text,               -- APPROX, LESS_THAN, MORE_THAN, START, MID, END, ...
  anchor      text,               -- publication date or last absolute date used to resolve it
  sentence    integer NOT NULL,
  PRIMARY KEY (article_id, idx)
);
CREATE INDEX timexes_value ON timexes (value);
