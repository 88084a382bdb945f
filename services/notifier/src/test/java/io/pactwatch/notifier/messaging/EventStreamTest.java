package io.pactwatch.notifier.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pactwatch.contracts.AgreementEvent;
import io.pactwatch.contracts.ChangeKind;
import io.pactwatch.contracts.EventType;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventStreamTest {

    static AgreementEvent version(long v) {
        return new AgreementEvent("e1", v, v == 1 ? ChangeKind.NEW : ChangeKind.CORROBORATED, "t", "PL", "Poland",
                EventType.TALKS_OPENED, null, LocalDate.parse("2024-02-01"), (int) v, null, Instant.EPOCH, Instant.EPOCH,
                List.of());
    }

    @Test
    void aBurstReachesASubscriberThatHasNotYetAskedForMore() {
        EventStream stream = new EventStream();
        AssertSubscriber<AgreementEvent> client = stream.events().subscribe().withSubscriber(AssertSubscriber.create(1));
        stream.publish(version(1));
        stream.publish(version(2));
        stream.publish(version(3));
        client.request(10);
        client.assertNotTerminated();
        assertEquals(List.of(1L, 2L, 3L), client.getItems().stream().map(AgreementEvent::version).toList());
    }
}
