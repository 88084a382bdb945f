-- The outbox's payloads are whole event views (up to 100 sources, tens of kB of JSON each), which PostgreSQL
-- compresses out of line. Its default method, pglz, is several times slower than lz4; use lz4 where the server
-- has it (PostgreSQL 14+ built with lz4, as Debian's and the official images are), otherwise keep the default.
-- Rows already written keep their compression; new ones use lz4.
DO $$
BEGIN
    EXECUTE 'ALTER TABLE event_outbox ALTER COLUMN payload SET COMPRESSION lz4';
EXCEPTION
    WHEN feature_not_supported OR syntax_error THEN
        RAISE NOTICE 'event_outbox.payload keeps the default compression: %', SQLERRM;
END
$$;
