-- Ingest order: "first seen" for exact duplicates and a stable tie-break for listings
-- (ingested_at is the same for every row of one transaction).
ALTER TABLE articles ADD COLUMN seq bigserial;
CREATE UNIQUE INDEX articles_seq ON articles (seq);
CREATE INDEX articles_duplicate_of ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX articles_story ON articles (story_id) WHERE story_id IS NOT NULL;
CREATE INDEX article_origins_origin ON article_origins (origin);
