package io.pactwatch.notifier.messaging;

import io.pactwatch.contracts.AgreementEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * In-process broadcast of committed event changes, feeding the SSE endpoint. Publishing is serialised: the consumer
 * runs one copy per partition, and a processor's signals must not overlap.
 */
@ApplicationScoped
public class EventStream {

    /** Changes a slow client may lag behind before its stream fails (an SSE client then reconnects). */
    static final int BUFFERED_PER_SUBSCRIBER = 1024;

    private final BroadcastProcessor<AgreementEvent> processor = BroadcastProcessor.create();

    public synchronized void publish(AgreementEvent event) {
        processor.onNext(event);
    }

    /**
     * Each subscriber gets its own buffer: the processor does not wait for a subscriber that has not yet requested
     * more (an SSE client still writing the previous event), and without one a quick burst of changes (a new event
     * and its corroboration from two partitions) failed the client's stream.
     */
    public Multi<AgreementEvent> events() {
        return processor.onOverflow().buffer(BUFFERED_PER_SUBSCRIBER);
    }
}
