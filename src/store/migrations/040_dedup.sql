-- Near-duplicate detection: one MinHash signature per article and its LSH band keys.
-- Looking up a new article touches only the buckets of its own band keys, so the cost per
-- article does not grow with the corpus.
CREATE TABLE dedup_signatures (
  article_id text PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  signature  text NOT NULL,        -- bins as 8-digit hex, concatenated
  words      integer NOT NULL,
  seq        bigserial             -- first-seen order
);

CREATE TABLE dedup_bands (
  band       smallint NOT NULL,
  hash       integer NOT NULL,
  article_id text NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (band, hash, article_id)
);
