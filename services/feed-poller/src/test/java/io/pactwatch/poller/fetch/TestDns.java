package io.pactwatch.poller.fetch;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * Stands in for DNS in the poller's tests: names under {@code .pactwatch.test} resolve to internal addresses (as a
 * hostile DNS zone would answer), every other name goes to the system resolver. Without it no test could make a name
 * resolve to 169.254.169.254 on a machine without a DNS server of its own.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestDns extends HostResolver {

    static final Map<String, String[]> ZONE = Map.of(
            "metadata.pactwatch.test", new String[] {"169.254.169.254"},
            "intranet.pactwatch.test", new String[] {"10.20.30.40"},
            "loopback.pactwatch.test", new String[] {"127.0.0.2"},
            "mapped.pactwatch.test", new String[] {"::ffff:192.168.0.10"},
            "v6-loopback.pactwatch.test", new String[] {"::1"},
            "half-internal.pactwatch.test", new String[] {"127.0.0.1", "10.0.0.1"});

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String[] answer = ZONE.get(host.toLowerCase(java.util.Locale.ROOT));
        if (answer == null) {
            return super.resolve(host);
        }
        InetAddress[] addresses = new InetAddress[answer.length];
        for (int i = 0; i < answer.length; i++) {
            addresses[i] = InetAddress.getByAddress(host, InetAddress.getByName(answer[i]).getAddress());
        }
        return addresses;
    }
}
