package io.pactwatch.poller.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Allowed addresses are reused for their time to live only, per host; a zero time to live keeps nothing. */
class CheckedAddressesTest {

    private long now;

    @Test
    void anAllowedAddressIsReusedUntilItsTimeToLiveEnds() throws Exception {
        CheckedAddresses cache = new CheckedAddresses(Duration.ofSeconds(30), () -> now);
        InetAddress address = InetAddress.getByName("192.0.2.7");
        cache.put("feeds.example", address);
        now += Duration.ofSeconds(29).toNanos();
        assertEquals(address, cache.get("feeds.example"));
        assertNull(cache.get("other.example"), "per host");
        now += Duration.ofSeconds(1).toNanos();
        assertNull(cache.get("feeds.example"), "looked up again after 30 s");
    }

    @Test
    void zeroTimeToLiveKeepsNothing() throws Exception {
        CheckedAddresses cache = new CheckedAddresses(Duration.ZERO, () -> now);
        cache.put("feeds.example", InetAddress.getByName("192.0.2.7"));
        assertNull(cache.get("feeds.example"));
    }
}
