-- The canonical link of each seen item, so an item whose GUID changed (same link, old GUID gone from the feed)
-- keeps its article id instead of being announced again.
ALTER TABLE seen_item ADD COLUMN canonical_url TEXT;
CREATE INDEX seen_item_feed_url ON seen_item (feed_id, canonical_url) WHERE canonical_url IS NOT NULL;
