package io.pactwatch.poller.polling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.pactwatch.poller.config.PollerConfig;
import io.pactwatch.poller.persistence.FeedRepository;
import io.pactwatch.poller.persistence.PollSuccess;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The group commit of poll outcomes: the first outcome is written at once, the ones that arrive meanwhile go together
 * in the next write, each caller completes only when its own write did, and a failed write fails exactly its batch.
 */
class OutcomeWriterTest {

    /** Records each batch it is asked to write and completes it only when the test says so. */
    static final class ManualRepository extends FeedRepository {
        final List<List<PollSuccess>> batches = new ArrayList<>();
        final List<UniEmitter<? super Void>> writes = new ArrayList<>();

        ManualRepository() {
            super(null, io.pactwatch.poller.domain.CredentialSeal.none());
        }

        @Override
        public Uni<Void> recordSuccesses(List<PollSuccess> outcomes) {
            return Uni.createFrom().emitter(e -> {
                batches.add(List.copyOf(outcomes));
                writes.add(e);
            });
        }
    }

    private final ManualRepository repository = new ManualRepository();
    private final OutcomeWriter writer = new OutcomeWriter(repository, config(3));

    private static PollSuccess outcome(long feed) {
        return new PollSuccess(feed, 304, "\"e" + feed + "\"", null, Instant.EPOCH.plusSeconds(feed), 0);
    }

    private UniAssertSubscriber<Void> record(long feed) {
        return writer.record(outcome(feed)).subscribe().withSubscriber(UniAssertSubscriber.create());
    }

    @Test
    void outcomesArrivingDuringAWriteGoTogetherInTheNextWrite() {
        UniAssertSubscriber<Void> a = record(1);
        UniAssertSubscriber<Void> b = record(2);
        UniAssertSubscriber<Void> c = record(3);
        assertEquals(List.of(List.of(outcome(1))), repository.batches, "the first is written at once, alone");
        b.assertNotTerminated();
        c.assertNotTerminated();

        repository.writes.get(0).complete(null);
        a.assertCompleted();
        assertEquals(List.of(outcome(2), outcome(3)), repository.batches.get(1), "the waiting ones in one statement");
        b.assertNotTerminated();

        repository.writes.get(1).complete(null);
        b.assertCompleted();
        c.assertCompleted();
        assertEquals(2, repository.batches.size());
    }

    @Test
    void aBatchIsCappedAndTheRestFollows() {
        record(1);
        for (long feed = 2; feed <= 6; feed++) {
            record(feed);
        }
        repository.writes.get(0).complete(null);
        assertEquals(List.of(outcome(2), outcome(3), outcome(4)), repository.batches.get(1));
        repository.writes.get(1).complete(null);
        assertEquals(List.of(outcome(5), outcome(6)), repository.batches.get(2));
    }

    @Test
    void aFailedWriteFailsItsOwnBatchOnlyAndTheNextStillRuns() {
        UniAssertSubscriber<Void> a = record(1);
        UniAssertSubscriber<Void> b = record(2);
        RuntimeException down = new RuntimeException("database down");
        repository.writes.get(0).fail(down);
        assertSame(down, a.getFailure());
        b.assertNotTerminated();
        repository.writes.get(1).complete(null);
        b.assertCompleted();
    }

    /** A PollerConfig whose outcome batch size is {@code size} (nothing else is read). */
    private static PollerConfig config(int size) {
        return (PollerConfig) Proxy.newProxyInstance(PollerConfig.class.getClassLoader(), new Class<?>[] {PollerConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("outcomeBatchSize")) {
                        return size;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
