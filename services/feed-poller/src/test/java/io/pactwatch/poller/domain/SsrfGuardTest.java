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

    @Test
    void reservedAndEmbeddedIpv4FormsAreRefused() throws Exception {
        SsrfGuard guard = new SsrfGuard(List.of());
        for (String s : List.of("0.1.2.3", "240.0.0.1", "255.255.255.255", "::127.0.0.1", "::a9fe:a9fe",
                "64:ff9b::a9fe:a9fe", "64:ff9b::10.0.0.1", "::ffff:169.254.169.254", "fe80::1%1")) {
            assertNotNull(guard.refusal(ip(s)), s);
        }
        assertNull(guard.refusal(ip("64:ff9b::5db8:d822")), "NAT64 of a public address passes");
    }

    @Test
    void nonCanonicalNumericHostsAreRefusedWhateverTheAllowlist() {
        SsrfGuard guard = new SsrfGuard(List.of("127.0.0.0/8"));
        java.util.Map<String, String> forms = java.util.Map.of("2130706433", "127.0.0.1", "0177.0.0.1", "127.0.0.1",
                "0x7f.0.0.1", "127.0.0.1", "127.1", "127.0.0.1", "0x7f000001", "127.0.0.1", "017700000001", "127.0.0.1",
                "2852039166", "169.254.169.254", "0xa9.0xfe.0xa9.0xfe", "169.254.169.254", "10.0.1", "10.0.0.1");
        forms.forEach((host, read) -> {
            String refusal = guard.hostRefusal(host);
            assertNotNull(refusal, host);
            org.junit.jupiter.api.Assertions.assertTrue(refusal.contains("read as " + read), refusal);
        });
        for (String fine : List.of("127.0.0.1", "93.184.216.34", "feeds.example.org", "0.example", "1e100.net", "::1")) {
            assertNull(guard.hostRefusal(fine), fine);
        }
        assertNotNull(guard.hostRefusal(null));
        assertNotNull(guard.hostRefusal(" "));
    }
}
