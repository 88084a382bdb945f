package io.pactwatch.poller.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;

/**
 * Refuses addresses a feed URL must not reach (loopback, private, link-local incl. cloud metadata, unspecified,
 * multicast, reserved, unique-local IPv6, IPv4 embedded in IPv6 by mapping, compatibility or NAT64) unless an
 * operator's allowlist of CIDRs permits them, and hosts written as non-canonical numbers whatever the allowlist.
 */
public final class SsrfGuard {

    private final List<Cidr> allowlist;

    public SsrfGuard(List<String> allowlist) {
        this.allowlist = allowlist.stream().map(String::trim).filter(s -> !s.isEmpty()).map(Cidr::parse).toList();
    }

    /**
     * Null when the URL's host, as written, may be resolved; else why not: a missing host, or an IPv4 address in
     * decimal, octal, hex or short form ({@code 2130706433}, {@code 0177.0.0.1}, {@code 0x7f.1}, {@code 127.1}).
     * Parsers disagree on those forms, so they are refused outright (no feed needs them), allowlist or not.
     */
    public String hostRefusal(String host) {
        if (host == null || host.isBlank()) {
            return "the URL has no host name or address that can be checked";
        }
        if (!NumericHost.canonical(host)) {
            InetAddress read = NumericHost.inetAton(host);
            if (read != null) {
                return "non-canonical numeric address " + host + " (read as " + read.getHostAddress() + ")";
            }
        }
        return null;
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
        if (a.isAnyLocalAddress() || a.isMulticastAddress() || isReservedV4(a)) {
            return "non-routable address " + a.getHostAddress();
        }
        return null;
    }

    /** 0.0.0.0/8 (reaches this host on Linux), 240.0.0.0/4 and the broadcast address. */
    private static boolean isReservedV4(InetAddress a) {
        int first = a.getAddress()[0] & 0xff;
        return a instanceof Inet4Address && (first == 0 || first >= 240);
    }

    /**
     * The IPv4 address inside an IPv4-mapped ({@code ::ffff:a.b.c.d}), IPv4-compatible ({@code ::a.b.c.d}, not
     * {@code ::} or {@code ::1}) or NAT64 ({@code 64:ff9b::a.b.c.d}) IPv6 address; else the address itself.
     */
    private static InetAddress unmapped(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            boolean zeros = true;
            for (int i = 0; i < 10; i++) {
                zeros &= b[i] == 0;
            }
            boolean mapped = zeros && b[10] == (byte) 0xff && b[11] == (byte) 0xff;
            boolean compatible = zeros && b[10] == 0 && b[11] == 0 && (b[12] | b[13]) != 0;
            boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
            for (int i = 4; nat64 && i < 12; i++) {
                nat64 = b[i] == 0;
            }
            if (mapped || compatible || nat64) {
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
