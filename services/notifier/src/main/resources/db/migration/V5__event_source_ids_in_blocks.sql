-- The notifier takes event_source ids fifty at a time (EventSourceEntity), so a batch's sources are inserted in
-- statement batches instead of one INSERT ... RETURNING round trip each. The column's default still works.
ALTER SEQUENCE event_source_id_seq INCREMENT BY 50;
