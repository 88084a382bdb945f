package io.pactwatch.notifier.rest.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.pactwatch.contracts.EventSource;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SourceLineTest {

    @Test
    void onlyWebAddressesBecomeLinks() {
        Instant at = Instant.parse("2024-05-20T12:00:00Z");
        assertEquals("https://ledger.example/a", DashboardResource.SourceLine.of(
                new EventSource("a", "Ledger", "https://ledger.example/a", "Title", at, "Quote.")).link());
        assertNull(DashboardResource.SourceLine.of(new EventSource("a", "Ledger", "javascript:alert(1)", "Title", at, "Q")).link());
        DashboardResource.SourceLine bare = DashboardResource.SourceLine.of(new EventSource("a", null, "HTTP://x.example/", null, null, null));
        assertEquals("HTTP://x.example/", bare.link());
        assertEquals("HTTP://x.example/", bare.title());
        assertEquals("(no sentence stored)", bare.evidence());
        assertEquals("", bare.published());
        assertEquals("2024-05-20", DashboardResource.SourceLine.of(new EventSource("a", "L", "https://l/", "T", at, "Q")).published());
    }
}
