-- Where a mention's place comes from: the sentence ('text') or the article's dateline ('dateline').
ALTER TABLE event_mentions ADD COLUMN place_source text;
