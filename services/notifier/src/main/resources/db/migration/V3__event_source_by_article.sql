-- A batch asks which of its articles an event already has (EventStore): looked up by article, a handful of rows, not
-- by event, whose sources grow with every report (a 1,000,000-record replay slowed down with thousands per event).
CREATE INDEX event_source_article ON event_source (article_id);
