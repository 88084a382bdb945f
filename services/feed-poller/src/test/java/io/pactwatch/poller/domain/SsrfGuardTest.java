package io.pactwatch.poller.domain;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Loopback, private, link-local/metadata, IPv4-mapped IPv6 and unique-local addresses are refused unless allowlisted. */
class SsrfGuardTest {

    static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void refusesInternalAddresses() throws Exception {
        SsrfGuard guard = new SsrfGuard(List.of());
        for (String s : List.of("127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                "0.0.0.0", "::1", "fe80::1", "fd00::7", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "2130706433")) {
            assertNotNull(guard.refusal(ip(s)), s);
        }
    }

    @Test
    void publicAddressesPass() throws Exception {
        SsrfGuard guard = new SsrfGuard(List.of());
        assertNull(guard.refusal(ip("93.184.216.34")));
        assertNull(guard.refusal(ip("2606:4700::1111")));
    }

    @Test
    void allowlistLetsTheLocalDemoThroughAndNothingElse() throws Exception {
        SsrfGuard guard = new SsrfGuard(List.of("127.0.0.1/32", " "));
        assertNull(guard.refusal(ip("127.0.0.1")));
        assertNotNull(guard.refusal(ip("127.0.0.2")));
        assertNotNull(guard.refusal(ip("10.0.0.1")));
        assertNull(new SsrfGuard(List.of("10.0.0.0/8")).refusal(ip("10.200.3.4")));
    }
}
