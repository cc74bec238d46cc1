-- Story clustering: each original article's term vectors, the streaming document frequencies,
-- and the stories (articles.story_id points here).
CREATE TABLE story_features (
  article_id text PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  terms      jsonb NOT NULL,      -- {"t:gipfel": 2, "b:…": n, "s:…": n, "e:Donald Trump": n}
  day        date
);

CREATE TABLE story_df (
  term text PRIMARY KEY,
  df   integer NOT NULL
);

CREATE TABLE stories (
  id        text PRIMARY KEY,
  label     text NOT NULL,
  first_day date,
  last_day  date,
  articles  integer NOT NULL,
  centroid  jsonb NOT NULL,       -- summed term counts of the members (top terms per kind)
  seq       bigserial
);
CREATE INDEX stories_last_day ON stories (last_day);
