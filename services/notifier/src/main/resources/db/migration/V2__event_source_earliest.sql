-- An event's earliest sources (its view carries at most 100) are read from this index, not by sorting all of them.
CREATE INDEX event_source_earliest ON event_source (event_id, published_at, id);
