package io.pactwatch.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Free ports come from below the kernel's ephemeral range, where no outgoing connection takes them first. */
class PortsTest {

    @Test
    void freePortsAreDistinctBindableAndBelowTheEphemeralRange() throws IOException {
        int ephemeralStart = Ports.ephemeralRange()[0];
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = Ports.free();
            assertTrue(port >= 10_000 && port < ephemeralStart, () -> port + " is outside [10000, " + ephemeralStart + ")");
            ports.add(port);
        }
        assertEquals(50, ports.size(), "no port handed out twice");
        int port = Ports.free();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("127.0.0.1", port));
            assertTrue(Ports.isListening("127.0.0.1", port));
        }
    }
}
