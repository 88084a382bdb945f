package io.pactwatch.local.testing;

import io.pactwatch.local.KafkaBroker;

/**
 * One broker per test JVM, started on first use. Fault tests reach it through {@link #get()} to kill -9 and
 * restart it. When the JVM exits the broker stops and its data goes; its broker.log stays in the temporary directory.
 */
public final class SharedBroker {

    private static KafkaBroker broker;

    private SharedBroker() {
    }

    public static synchronized KafkaBroker get() {
        if (broker == null) {
            KafkaBroker started = KafkaBroker.onFreePorts().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.stop();
                started.deleteData();
            }, "stop-shared-broker"));
            broker = started;
        }
        return broker;
    }
}
