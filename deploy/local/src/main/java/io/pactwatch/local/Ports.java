package io.pactwatch.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Small socket helpers: free ports for tests and waiting until a server listens. */
public final class Ports {

    private Ports() {
    }

    /** Lowest port {@link #free} picks. */
    private static final int LOWEST = 10_000;
    /** Linux's default ephemeral range, used when the kernel's cannot be read (macOS's starts higher still). */
    private static final int[] DEFAULT_EPHEMERAL = {32768, 60999};
    /** Every port this JVM handed out: none twice, even before its server binds it. */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /**
     * A port nothing listens on, for a server to start on soon, picked below the kernel's ephemeral range: a port
     * the kernel picked (a server socket on port 0) may be given again to any outgoing connection (a Kafka client,
     * a database pool) before the server binds it, and the server then fails to start ("port in use").
     */
    public static int free() {
        int below = ephemeralRange()[0];
        for (int attempt = 0; below - LOWEST >= 1000 && attempt < 200; attempt++) {
            int port = LOWEST + ThreadLocalRandom.current().nextInt(below - LOWEST);
            if (HANDED_OUT.add(port) && bindable(port)) {
                return port;
            }
        }
        for (int attempt = 0; attempt < 200; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free port found");
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The kernel's ephemeral port range (Linux), or the default one. */
    static int[] ephemeralRange() {
        try {
            String[] range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
            return new int[] {Integer.parseInt(range[0]), Integer.parseInt(range[1])};
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL;
        }
    }

    public static boolean isListening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until {@code host:port} accepts connections; throws with {@code what} in the message on timeout. */
    public static void awaitListening(String what, String host, int port, Duration timeout, ProcessHandle process) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (isListening(host, port)) {
                return;
            }
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(what + " exited before listening on " + host + ":" + port);
            }
            sleep(200);
        }
        throw new IllegalStateException(what + " not listening on " + host + ":" + port + " after " + timeout);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
