-- The feed registry: what to poll, when, and how each feed is doing.
CREATE TABLE feed (
    id                   BIGSERIAL PRIMARY KEY,
    name                 TEXT        NOT NULL UNIQUE,
    url                  TEXT        NOT NULL UNIQUE,
    interval_seconds     INTEGER     NOT NULL,
    enabled              BOOLEAN     NOT NULL DEFAULT TRUE,
    tags                 TEXT[]      NOT NULL DEFAULT '{}',
    full_text            BOOLEAN     NOT NULL DEFAULT FALSE,
    origin               TEXT        NOT NULL DEFAULT 'api',      -- 'api' or 'config'
    etag                 TEXT,
    last_modified        TEXT,
    next_poll_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    lease_owner          TEXT,
    lease_until          TIMESTAMPTZ,
    last_polled_at       TIMESTAMPTZ,
    last_success_at      TIMESTAMPTZ,
    last_status          INTEGER,
    last_error           TEXT,
    last_error_at        TIMESTAMPTZ,
    consecutive_failures INTEGER     NOT NULL DEFAULT 0,
    items_published      BIGINT      NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX feed_due ON feed (next_poll_at) WHERE enabled;

-- Every item ever published, with the revision and content hash last published: re-polls and restarts
-- republish nothing, and a changed item is published as the next revision of the same article id.
CREATE TABLE seen_item (
    article_id    TEXT PRIMARY KEY,
    feed_id       BIGINT      NOT NULL,
    revision      INTEGER     NOT NULL,
    content_hash  TEXT        NOT NULL,
    first_seen_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
