package io.pactwatch.poller.fetch;

import io.pactwatch.poller.config.PollerConfig;
import io.pactwatch.poller.domain.CredentialSeal;
import io.pactwatch.poller.domain.PollSchedule;
import io.pactwatch.poller.domain.SsrfGuard;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fetches a feed with a non-blocking Vert.x client: conditional GET, gzip decompressed under a body cap, redirects
 * followed by hand (each hop re-checked by the SSRF guard) up to a cap, connect/idle/total timeouts. Every request
 * connects to the very address the guard checked (no second DNS lookup, so no DNS rebinding in between). Credentials
 * in the URL's userinfo are sent as HTTP Basic authentication.
 */
@ApplicationScoped
public class FeedFetcher {

    private static final String USER_AGENT = "pactwatch-feed-poller/0.1 (+https://github.com/pactwatch)";

    private final HttpClient client;
    private final PollerConfig.Limits limits;
    private final SsrfGuard guard;
    private final HostResolver resolver;
    private final CheckedAddresses checkedAddresses;

    public FeedFetcher(Vertx vertx, PollerConfig config, HostResolver resolver) {
        this.resolver = resolver;
        this.limits = config.limits();
        this.guard = new SsrfGuard(config.ssrfAllowlist().orElse(java.util.List.of()));
        this.checkedAddresses = new CheckedAddresses(config.limits().addressCacheTtl());
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) limits.connectTimeout().toMillis())
                .setIdleTimeout((int) limits.readTimeout().toMillis()).setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setDecompressionSupported(true)
                .setMaxPoolSize(Math.min(config.maxConcurrentFetches(), config.maxConnectionsPerHost()))
                .setTrustAll(false));
    }

    public SsrfGuard guard() {
        return guard;
    }

    public Uni<FetchResult> fetch(String url, String etag, String lastModified) {
        if (CredentialSeal.isSealed(url)) { // the repository could not open them: never send them
            return Uni.createFrom().failure(new FetchException(FetchException.Kind.CREDENTIALS, "the feed's credentials"
                    + " are stored sealed with another credentials key (or none is set): set that key, or enter them again"));
        }
        return hop(URI.create(url), etag, lastModified, limits.maxRedirects())
                .ifNoItem().after(limits.totalTimeout())
                .failWith(() -> new FetchException(FetchException.Kind.TIMEOUT,
                        "no complete response within the total timeout of " + limits.totalTimeout().toSeconds() + " s"));
    }

    /**
     * Resolves the host (on a worker: DNS is blocking) and refuses the URL unless every address it resolves to is
     * allowed; yields the address to connect to. A host checked and allowed within {@code address-cache-ttl} yields
     * the same address again without a lookup.
     */
    public Uni<InetAddress> checkAddress(URI uri) {
        String known = hostOf(uri);
        InetAddress checked = known == null ? null : checkedAddresses.get(known);
        if (checked != null) {
            return Uni.createFrom().item(checked);
        }
        return Uni.createFrom().item(() -> {
            String host = hostOf(uri);
            String hostRefusal = guard.hostRefusal(host);
            if (hostRefusal != null) {
                throw new FetchException(FetchException.Kind.REFUSED_ADDRESS, "refused: " + hostRefusal);
            }
            try {
                InetAddress[] addresses = resolver.resolve(host);
                for (InetAddress address : addresses) {
                    String refusal = guard.refusal(address);
                    if (refusal != null) {
                        throw new FetchException(FetchException.Kind.REFUSED_ADDRESS,
                                "refused: " + host + " resolves to a " + refusal);
                    }
                }
                checkedAddresses.put(host, addresses[0]);
                return addresses[0];
            } catch (UnknownHostException e) {
                throw new FetchException(FetchException.Kind.NETWORK, "unknown host " + host);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** The host as written, brackets of an IPv6 literal removed; null when the URL has none Java can read. */
    private static String hostOf(URI uri) {
        String host = uri.getHost();
        if (host == null && uri.getRawAuthority() != null) {
            // e.g. http://127.1/ or http://0x7f.1/: java.net.URI reads no host, yet other parsers do
            String authority = uri.getRawAuthority().replaceFirst("^.*@", "").replaceFirst(":\\d*$", "");
            return authority.isBlank() ? null : authority;
        }
        return host != null && host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private Uni<FetchResult> hop(URI uri, String etag, String lastModified, int redirectsLeft) {
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            return Uni.createFrom().failure(new FetchException(FetchException.Kind.NETWORK, "unsupported URL " + uri));
        }
        return checkAddress(uri).chain(address -> request(uri, address, etag, lastModified)).chain(result -> {
            if (result.status() >= 300 && result.status() < 400 && result.status() != 304) {
                if (redirectsLeft <= 0) {
                    return Uni.createFrom().failure(new FetchException(FetchException.Kind.REDIRECTS,
                            "more than " + limits.maxRedirects() + " redirects"));
                }
                if (result.finalUrl() == null) {
                    return Uni.createFrom().failure(new FetchException(FetchException.Kind.HTTP_ERROR,
                            "redirect " + result.status() + " without Location", result.status(), null));
                }
                return hop(uri.resolve(result.finalUrl()), etag, lastModified, redirectsLeft - 1);
            }
            return Uni.createFrom().item(result);
        });
    }

    private Uni<FetchResult> request(URI uri, InetAddress address, String etag, String lastModified) {
        return Uni.createFrom().emitter(emitter -> {
            AtomicReference<HttpClientRequest> inFlight = new AtomicReference<>();
            emitter.onTermination(() -> {
                HttpClientRequest r = inFlight.get();
                if (r != null) {
                    r.reset();
                }
            });
            RequestOptions options = new RequestOptions().setAbsoluteURI(uri.toString()).setMethod(HttpMethod.GET)
                    .setFollowRedirects(false)
                    .setServer(io.vertx.core.net.SocketAddress.inetSocketAddress(port(uri), address.getHostAddress()))
                    .putHeader("User-Agent", USER_AGENT)
                    .putHeader("Accept", "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1");
            String credentials = basicCredentials(uri);
            if (credentials != null) {
                options.putHeader("Authorization", credentials);
            }
            if (etag != null) {
                options.putHeader("If-None-Match", etag);
            }
            if (lastModified != null) {
                options.putHeader("If-Modified-Since", lastModified);
            }
            client.request(options).onFailure(e -> emitter.fail(network(e))).onSuccess(req -> {
                inFlight.set(req);
                req.send().onFailure(e -> emitter.fail(network(e))).onSuccess(resp -> read(uri, resp, emitter, inFlight));
            });
        });
    }

    /** Reads the response; a request that ended normally is forgotten so the termination hook does not reset it. */
    private void read(URI uri, HttpClientResponse resp, io.smallrye.mutiny.subscription.UniEmitter<? super FetchResult> emitter,
            AtomicReference<HttpClientRequest> inFlight) {
        int status = resp.statusCode();
        if (status == 429 || status == 503) {
            resp.request().reset();
            emitter.fail(new FetchException(FetchException.Kind.RATE_LIMITED, "HTTP " + status + " from " + uri.getHost(),
                    status, PollSchedule.parseRetryAfter(resp.getHeader("Retry-After"), Instant.now())));
            return;
        }
        if (status >= 400) {
            resp.request().reset();
            emitter.fail(new FetchException(FetchException.Kind.HTTP_ERROR, "HTTP " + status + " from " + uri, status, null));
            return;
        }
        if (status >= 300) {
            // 304 and redirects: nothing to read; drain the (normally empty) body so the connection can be reused.
            resp.handler(chunk -> {
            });
            resp.exceptionHandler(e -> emitter.fail(network(e)));
            resp.endHandler(v -> complete(inFlight, emitter, new FetchResult(status, resp.getHeader("ETag"), resp.getHeader("Last-Modified"),
                    resp.getHeader("Cache-Control"), null, new byte[0], resp.getHeader("Location"))));
            return;
        }
        String declared = resp.getHeader("Content-Length");
        if (resp.getHeader("Content-Encoding") == null && declared != null && declared.matches("\\d{1,18}")
                && Long.parseLong(declared) > limits.maxBodyBytes()) {
            resp.request().reset();
            emitter.fail(new FetchException(FetchException.Kind.TOO_LARGE, "body of " + declared
                    + " bytes (Content-Length) larger than the cap of " + limits.maxBodyBytes() + " bytes; not read"));
            return;
        }
        Buffer body = Buffer.buffer();
        resp.exceptionHandler(e -> emitter.fail(network(e)));
        resp.handler(chunk -> {
            if (body.length() + chunk.length() > limits.maxBodyBytes()) {
                resp.handler(null);
                emitter.fail(new FetchException(FetchException.Kind.TOO_LARGE,
                        "body larger than the cap of " + limits.maxBodyBytes() + " bytes (after decompression)"));
                resp.request().reset();
            } else {
                body.appendBuffer(chunk);
            }
        });
        resp.endHandler(v -> complete(inFlight, emitter, new FetchResult(status, resp.getHeader("ETag"),
                resp.getHeader("Last-Modified"), resp.getHeader("Cache-Control"), resp.getHeader("Content-Type"),
                body.getBytes(), uri.toString())));
    }

    private static void complete(AtomicReference<HttpClientRequest> inFlight,
            io.smallrye.mutiny.subscription.UniEmitter<? super FetchResult> emitter, FetchResult result) {
        inFlight.set(null);
        emitter.complete(result);
    }

    /**
     * HTTP Basic credentials from the URL's userinfo ({@code http://user:pass@host/feed}, percent-decoded), as feed
     * readers send them; the HTTP client itself ignores userinfo. Null when the URL has none.
     */
    static String basicCredentials(URI uri) {
        String userInfo = uri.getUserInfo();
        if (userInfo == null || userInfo.isEmpty()) {
            return null;
        }
        return "Basic " + java.util.Base64.getEncoder().encodeToString(userInfo.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    private static FetchException network(Throwable e) {
        if (e instanceof FetchException f) {
            return f;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        boolean timeout = e instanceof java.util.concurrent.TimeoutException || message.toLowerCase().contains("timeout")
                || message.toLowerCase().contains("timed out");
        return new FetchException(timeout ? FetchException.Kind.TIMEOUT : FetchException.Kind.NETWORK,
                (timeout ? "timeout: " : "network error: ") + message);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
