package io.pactwatch.notifier.messaging;

import io.pactwatch.contracts.AgreementEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;

/** In-process broadcast of committed event changes, feeding the SSE endpoint. */
@ApplicationScoped
public class EventStream {

    private final BroadcastProcessor<AgreementEvent> processor = BroadcastProcessor.create();

    public void publish(AgreementEvent event) {
        processor.onNext(event);
    }

    public Multi<AgreementEvent> events() {
        return processor;
    }
}
