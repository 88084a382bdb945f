package io.pactwatch.bench;

import io.pactwatch.local.Pipeline;

/**
 * The JVM options the pipeline benchmarks start the services with, unless {@code -Dpactwatch.service.jvm-options}
 * says otherwise: the full JIT, as deployed (the test harness defaults to C1 only, for start-up), a fixed 384 MiB heap
 * and a 256 MiB young generation. The notifier allocates about 250 MB/s while it replays; with the young generation the
 * JVM sizes on its own from a 128 MiB start (about 40 MiB), short-lived batch objects were promoted and a replay of
 * 200,000 records spent 6.8 s in 385 young and 32 full collections, against 1.5 s in 66 with these options.
 */
final class ServiceJvm {

    static final String OPTIONS = "-Xms384m -Xmx384m -Xmn256m -XX:+UseSerialGC";

    private ServiceJvm() {
    }

    /** Sets the default unless the caller chose options. */
    static void applyDefault() {
        if (System.getProperty(Pipeline.JVM_OPTIONS_PROPERTY) == null) {
            System.setProperty(Pipeline.JVM_OPTIONS_PROPERTY, OPTIONS);
        }
    }
}
