package io.pactwatch.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pactwatch.contracts.AgreementEvent;
import io.pactwatch.contracts.Json;
import io.pactwatch.contracts.Topics;
import io.pactwatch.local.testing.TopicReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads the agreement-events topic the way a downstream team does: each event's latest version wins. An event's
 * history may hold earlier states (a round first reported without its number), so tests compare latest states.
 */
final class EventsTopic {

    private EventsTopic() {
    }

    /** Latest version of each event, keyed by event id; asserts every record is keyed by its event id. */
    static Map<String, AgreementEvent> latest(String bootstrap) {
        Map<String, AgreementEvent> latest = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> r : TopicReader.readAll(bootstrap, Topics.AGREEMENT_EVENTS)) {
            AgreementEvent event = Json.read(r.value(), AgreementEvent.class);
            assertEquals(event.eventId(), r.key(), "record key is the event id");
            AgreementEvent previous = latest.get(r.key());
            if (previous == null || previous.version() < event.version()) {
                latest.put(r.key(), event);
            }
        }
        return latest;
    }
}
