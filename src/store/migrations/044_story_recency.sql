-- Story recency: the count of clustered articles (story_df '__n__') when a story last grew.
-- Undated stories (and any story, for an undated article) stay candidates only while recent,
-- so the candidate set no longer grows with the store. Stories stored before count as recent now.
ALTER TABLE stories ADD COLUMN touched bigint NOT NULL DEFAULT 0;
UPDATE stories SET touched = COALESCE((SELECT df FROM story_df WHERE term = '__n__'), 0);
CREATE INDEX stories_touched ON stories (touched);
