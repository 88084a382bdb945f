package io.pactwatch.local.testing;

import io.pactwatch.local.KafkaBroker;

/**
 * One broker per test JVM, started on first use. Fault tests reach it through {@link #get()} to kill -9 and
 * restart it.
 */
public final class SharedBroker {

    private static KafkaBroker broker;

    private SharedBroker() {
    }

    public static synchronized KafkaBroker get() {
        if (broker == null) {
            broker = KafkaBroker.onFreePorts().start();
        }
        return broker;
    }
}
