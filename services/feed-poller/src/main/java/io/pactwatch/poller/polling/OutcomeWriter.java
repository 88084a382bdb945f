package io.pactwatch.poller.polling;

import io.pactwatch.poller.config.PollerConfig;
import io.pactwatch.poller.persistence.FeedRepository;
import io.pactwatch.poller.persistence.PollSuccess;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the outcomes of successful polls to the registry in batches, as a group commit: while one write is in
 * flight, the outcomes that arrive wait and go together in the next statement. A busy pass costs a few statements
 * instead of one per feed, and an idle poller still writes each outcome at once (no timer, no added delay).
 */
@ApplicationScoped
public class OutcomeWriter {

    private record Pending(PollSuccess outcome, UniEmitter<? super Void> done) {
    }

    private final FeedRepository feeds;
    private final int maxBatch;
    private final List<Pending> waiting = new ArrayList<>();
    private boolean writing;

    public OutcomeWriter(FeedRepository feeds, PollerConfig config) {
        this.feeds = feeds;
        this.maxBatch = Math.max(1, config.outcomeBatchSize());
    }

    /** Completes when this outcome is in the registry (the feed's lease released), or fails with its batch. */
    public Uni<Void> record(PollSuccess outcome) {
        return Uni.createFrom().emitter(done -> {
            boolean start;
            synchronized (this) {
                waiting.add(new Pending(outcome, done));
                start = !writing;
                writing = true;
            }
            if (start) {
                writeNext();
            }
        });
    }

    private void writeNext() {
        List<Pending> batch;
        synchronized (this) {
            if (waiting.isEmpty()) {
                writing = false;
                return;
            }
            List<Pending> head = waiting.subList(0, Math.min(waiting.size(), maxBatch));
            batch = new ArrayList<>(head);
            head.clear();
        }
        feeds.recordSuccesses(batch.stream().map(Pending::outcome).toList()).subscribe().with(ok -> {
            writeNext();
            batch.forEach(p -> p.done().complete(null));
        }, error -> {
            writeNext();
            batch.forEach(p -> p.done().fail(error));
        });
    }
}
