-- A batch inserts its sources in one JDBC batch (statement-batch-size): Hibernate cannot batch IDENTITY inserts, so
-- source ids now come from the sequence 50 at a time (EventSourceEntity's pooled generator). Ids only break ties in
-- the order of an event's sources (published_at, id); nothing reads them as a sequence of inserts.
ALTER SEQUENCE event_source_id_seq INCREMENT BY 50;
