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

    private final BroadcastProcessor<AgreementEvent> processor = BroadcastProcessor.create();

    public synchronized void publish(AgreementEvent event) {
        processor.onNext(event);
    }

    public Multi<AgreementEvent> events() {
        return processor;
    }
}
