-- A fragment is a mention that cannot start an event of its own (no participants, or one side of a
-- meeting with neither place nor date). One that joined none of the events existing when it was
-- merged is marked tried: later batches retry it only against the events they touch, instead of
-- reloading every such fragment (and the events near it) in every batch.
ALTER TABLE event_mentions ADD COLUMN merge_tried boolean NOT NULL DEFAULT false;
CREATE INDEX event_mentions_fragments ON event_mentions (type, date_lo) WHERE event_id IS NULL AND merge_tried;
