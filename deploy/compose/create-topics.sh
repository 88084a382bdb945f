#!/bin/sh
# Creates the pipeline's topics on the compose broker (auto-creation is off there), idempotently.
# Names and partition counts must match io.pactwatch.local.TopicSpec: deploy/k8s's ComposeFileTest checks them.
set -eu
BOOTSTRAP=${BOOTSTRAP:-kafka:9092}
KT=/opt/kafka/bin/kafka-topics.sh

create_topic() { # name partitions cleanup-policy
  "$KT" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$1" --partitions "$2" \
    --replication-factor 1 --config "cleanup.policy=$3"
}

create_topic pactwatch.articles.raw 3 delete
create_topic pactwatch.articles.classified 3 delete
create_topic pactwatch.agreement-events 3 compact
create_topic pactwatch.articles.raw.dlq 1 delete
create_topic pactwatch.articles.classified.dlq 1 delete
"$KT" --bootstrap-server "$BOOTSTRAP" --describe --topics-with-overrides
