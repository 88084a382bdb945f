-- Runs once, on the first start of the compose PostgreSQL (empty data volume): one database per service.
CREATE DATABASE pactwatch_poller OWNER pactwatch;
CREATE DATABASE pactwatch_notifier OWNER pactwatch;
