package io.pactwatch.poller.fetch;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The one place a feed's host name becomes addresses: the SSRF guard checks what this returns and the connection is
 * made to the address checked, so no second lookup can answer differently. Blocking; call it on a worker thread.
 */
@ApplicationScoped
public class HostResolver {

    public InetAddress[] resolve(String host) throws UnknownHostException {
        return InetAddress.getAllByName(host);
    }
}
