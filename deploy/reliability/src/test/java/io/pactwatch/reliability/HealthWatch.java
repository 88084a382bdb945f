package io.pactwatch.reliability;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Samples the readiness of services every 250 ms on a thread of its own and keeps the transitions, so a test can
 * assert that health went DOWN during a fault and came back UP after it.
 */
final class HealthWatch implements AutoCloseable {

    private final Map<String, List<Boolean>> transitions = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    HealthWatch(Stack stack, List<String> services) {
        services.forEach(s -> transitions.put(s, new CopyOnWriteArrayList<>()));
        thread = new Thread(() -> {
            while (running) {
                for (String s : services) {
                    boolean up = stack.ready(s);
                    List<Boolean> seen = transitions.get(s);
                    if (seen.isEmpty() || seen.get(seen.size() - 1) != up) {
                        seen.add(up);
                    }
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "health-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** Readiness states in the order seen, e.g. [UP, DOWN, UP]. */
    List<String> states(String service) {
        return transitions.get(service).stream().map(up -> up ? "UP" : "DOWN").toList();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
