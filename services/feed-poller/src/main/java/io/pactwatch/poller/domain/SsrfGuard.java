package io.pactwatch.poller.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

/**
 * Refuses addresses a feed URL must not reach (loopback, private, link-local incl. cloud metadata, unspecified,
 * multicast, unique-local IPv6, IPv4-mapped forms of those) unless an operator's allowlist of CIDRs permits them.
 */
public final class SsrfGuard {

    private final List<Cidr> allowlist;

    public SsrfGuard(List<String> allowlist) {
        this.allowlist = allowlist.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
    }

    /** Null when the address may be fetched, else the reason it may not. */
    public String refusal(InetAddress address) {
        if (allowlist.stream().anyMatch(c -> c.contains(address))) {
            return null;
        }
        InetAddress a = unmapped(address);
        if (a.isLoopbackAddress()) {
            return "loopback address " + a.getHostAddress();
        }
        if (a.isLinkLocalAddress()) {
            return "link-local address " + a.getHostAddress() + " (e.g. cloud metadata)";
        }
        if (a.isSiteLocalAddress() || isCarrierGradeNat(a) || isUniqueLocal(a)) {
            return "private address " + a.getHostAddress();
        }
        if (a.isAnyLocalAddress() || a.isMulticastAddress()) {
            return "non-routable address " + a.getHostAddress();
        }
        return null;
    }

    private static InetAddress unmapped(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && b[10] == (byte) 0xff && b[11] == (byte) 0xff) {
                try {
                    return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
                } catch (java.net.UnknownHostException e) {
                    return address;
                }
            }
        }
        return address;
    }

    private static boolean isCarrierGradeNat(InetAddress a) {
        byte[] b = a.getAddress();
        return a instanceof Inet4Address && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
    }

    private static boolean isUniqueLocal(InetAddress a) {
        return a instanceof Inet6Address && (a.getAddress()[0] & 0xfe) == 0xfc;
    }

    /** An address block such as {@code 127.0.0.1/32} or {@code ::1/128}; a bare address is a single-address block. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.split("/", 2);
            try {
                byte[] net = InetAddress.getByName(parts[0]).getAddress();
                int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : net.length * 8;
                return new Cidr(net, prefix);
            } catch (java.net.UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not an address block: " + text, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] b = unmapped(address).getAddress();
            if (b.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >> (bit % 8);
                if ((b[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
