-- Relevant articles, one row per revision.
CREATE TABLE article (
    id                 TEXT PRIMARY KEY,              -- article_id '#' revision
    article_id         TEXT        NOT NULL,
    revision           INTEGER     NOT NULL,
    feed_name          TEXT,
    url                TEXT        NOT NULL,
    title              TEXT        NOT NULL,
    summary            TEXT,
    published_at       TIMESTAMPTZ NOT NULL,
    classifier_version TEXT        NOT NULL,
    score              DOUBLE PRECISION NOT NULL,
    stored_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (article_id, revision)
);

-- Real-world events. identity_key is set for events whose identity needs no date window
-- (numbered rounds, talks opened, planned signing, signing): it makes concurrent creation impossible.
CREATE TABLE agreement_event (
    id                 TEXT PRIMARY KEY,
    identity_key       TEXT UNIQUE,
    tracker_id         TEXT        NOT NULL,
    counterpart        TEXT        NOT NULL,
    counterpart_name   TEXT,
    type               TEXT        NOT NULL,
    round              INTEGER,
    event_date         DATE        NOT NULL,
    corroboration      INTEGER     NOT NULL,
    linked_event_id    TEXT,
    version            BIGINT      NOT NULL,
    first_reported_at  TIMESTAMPTZ NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX agreement_event_lookup ON agreement_event (tracker_id, counterpart, type);

-- Every report of an event; (event, article) is unique, so a redelivered or re-classified article attaches once.
CREATE TABLE event_source (
    id           BIGSERIAL PRIMARY KEY,
    event_id     TEXT        NOT NULL REFERENCES agreement_event (id),
    article_id   TEXT        NOT NULL,
    feed_name    TEXT,
    url          TEXT        NOT NULL,
    title        TEXT,
    published_at TIMESTAMPTZ,
    evidence     TEXT,
    attached_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (event_id, article_id)
);

-- Transactional outbox for pactwatch.agreement-events: written with the change, relayed after commit.
CREATE TABLE event_outbox (
    id           BIGSERIAL PRIMARY KEY,
    event_id     TEXT        NOT NULL,
    version      BIGINT      NOT NULL,
    payload      TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at TIMESTAMPTZ
);
CREATE INDEX event_outbox_pending ON event_outbox (id) WHERE published_at IS NULL;

CREATE TABLE subscription (
    id                BIGSERIAL PRIMARY KEY,
    channel           TEXT        NOT NULL,           -- slack | email | webhook | console
    target            TEXT        NOT NULL,
    event_types       TEXT[]      NOT NULL,
    trackers          TEXT[]      NOT NULL DEFAULT '{}',
    counterparts      TEXT[]      NOT NULL DEFAULT '{}',
    min_corroboration INTEGER     NOT NULL DEFAULT 1,
    status            TEXT        NOT NULL,           -- PENDING_CONFIRMATION | ACTIVE | FAILING | UNSUBSCRIBED
    failure_reason    TEXT,
    next_send_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    confirmed_at      TIMESTAMPTZ,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Alert outbox: one row per (event, subscription), written in the event's transaction.
CREATE TABLE delivery (
    id              BIGSERIAL PRIMARY KEY,
    subscription_id BIGINT      NOT NULL REFERENCES subscription (id) ON DELETE CASCADE,
    event_id        TEXT        NOT NULL REFERENCES agreement_event (id),
    status          TEXT        NOT NULL,             -- PENDING | SENDING | SENT | FAILED
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    claimed_until   TIMESTAMPTZ,
    last_error      TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at         TIMESTAMPTZ,
    UNIQUE (subscription_id, event_id)
);
CREATE INDEX delivery_pending ON delivery (subscription_id, id) WHERE status IN ('PENDING', 'SENDING');
