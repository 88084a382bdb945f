package io.pactwatch.poller.fetch;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The address each host resolved to and the SSRF guard allowed, kept for a short time (as the JVM's own DNS cache
 * keeps answers for 30 s), so the next fetch from the same host connects to it without a trip to a worker thread for
 * the lookup. Only allowed answers are kept; a refused host is looked up and refused again every time.
 */
final class CheckedAddresses {

    private record Entry(InetAddress address, long expiresNanos) {
    }

    private static final int MAX_HOSTS = 10_000;

    private final Map<String, Entry> byHost = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier clock;

    CheckedAddresses(Duration ttl) {
        this(ttl, System::nanoTime);
    }

    CheckedAddresses(Duration ttl, LongSupplier clock) {
        this.ttlNanos = ttl.toNanos();
        this.clock = clock;
    }

    /** The allowed address of {@code host} if it was checked less than the time to live ago; else null. */
    InetAddress get(String host) {
        Entry e = byHost.get(host);
        if (e == null) {
            return null;
        }
        if (clock.getAsLong() - e.expiresNanos() >= 0) {
            byHost.remove(host, e);
            return null;
        }
        return e.address();
    }

    void put(String host, InetAddress allowed) {
        if (ttlNanos <= 0) {
            return;
        }
        if (byHost.size() >= MAX_HOSTS) {
            byHost.clear();
        }
        byHost.put(host, new Entry(allowed, clock.getAsLong() + ttlNanos));
    }
}
