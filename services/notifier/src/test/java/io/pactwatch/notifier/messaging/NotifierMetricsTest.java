package io.pactwatch.notifier.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class NotifierMetricsTest {

    @Test
    void pollBatchesAreCountedWithTheirRecordsApartByWhetherTheyTookATransaction() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        NotifierMetrics metrics = new NotifierMetrics(registry);
        metrics.batchStored(350, true);
        metrics.batchStored(20, true);
        metrics.batchStored(7, false);

        DistributionSummary transactions = registry.get("pactwatch_notifier_batch_records").tag("transaction", "true").summary();
        DistributionSummary without = registry.get("pactwatch_notifier_batch_records").tag("transaction", "false").summary();
        assertEquals(2, transactions.count());
        assertEquals(370, transactions.totalAmount());
        assertEquals(350, transactions.max());
        assertEquals(1, without.count());
        assertEquals(7, without.totalAmount());
    }

    @Test
    void articlesAreCountedByRelevanceInBulk() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        NotifierMetrics metrics = new NotifierMetrics(registry);
        metrics.articlesConsumed(false, 300);
        metrics.articlesConsumed(false, 45);
        metrics.articlesConsumed(true, 12);
        metrics.articlesConsumed(true, 0);

        assertEquals(345, registry.get("pactwatch_notifier_articles_consumed_total").tag("relevant", "false").counter().count());
        assertEquals(12, registry.get("pactwatch_notifier_articles_consumed_total").tag("relevant", "true").counter().count());
    }
}
