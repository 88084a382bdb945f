package io.pactwatch.poller.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Recognises IPv4 hosts written in the forms that {@code inet_aton}, curl and browsers accept but Java reads
 * differently or not at all (decimal {@code 2130706433}, octal {@code 0177.0.0.1}, hex {@code 0x7f.1}, short
 * {@code 127.1}), so the SSRF guard can refuse them by name instead of trusting one parser's reading.
 */
public final class NumericHost {

    private static final Pattern PART = Pattern.compile("0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*");
    private static final Pattern CANONICAL = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");

    private NumericHost() {
    }

    /** True for a plain dotted quad such as {@code 93.184.216.34} (no leading zeros, no short form). */
    public static boolean canonical(String host) {
        if (!CANONICAL.matcher(host).matches()) {
            return false;
        }
        for (String part : host.split("\\.")) {
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    /**
     * The address {@code inet_aton} would read from {@code host}, or null when the host is not a numeric IPv4 form
     * at all (a name). Out-of-range numeric forms are also null: no resolver connects to them.
     */
    public static InetAddress inetAton(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length < 1 || parts.length > 4) {
            return null;
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (!PART.matcher(p).matches() || p.length() > 12) {
                return null;
            }
            if (p.startsWith("0x") || p.startsWith("0X")) {
                values[i] = p.length() == 2 ? 0 : Long.parseLong(p.substring(2), 16);
            } else if (p.startsWith("0") && p.length() > 1) {
                values[i] = Long.parseLong(p.substring(1), 8);
            } else {
                values[i] = Long.parseLong(p);
            }
        }
        long address = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 255) {
                return null;
            }
            address |= values[i] << (8 * (3 - i));
        }
        long last = values[values.length - 1];
        if (last >= 1L << (8 * (5 - values.length))) {
            return null;
        }
        address |= last;
        try {
            return InetAddress.getByAddress(new byte[] {(byte) (address >>> 24), (byte) (address >>> 16),
                    (byte) (address >>> 8), (byte) address});
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
