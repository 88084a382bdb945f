package io.pactwatch.notifier.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards the management API with {@code Authorization: Bearer <PACTWATCH_ADMIN_TOKEN>}: every {@code /api} call
 * except reads of the public read API (events, articles, agreements) needs it, so an endpoint added later is closed
 * until someone opens it here; with no token configured every management call answers 401. The signed links in mails
 * ({@code /subscriptions/...}) stay public.
 */
public class AdminTokenFilter {

    private final Optional<String> token;

    public AdminTokenFilter(@ConfigProperty(name = "pactwatch.admin-token") Optional<String> token) {
        this.token = token.filter(t -> !t.isBlank());
    }

    private static final java.util.List<String> PUBLIC_READS = java.util.List.of("/api/events", "/api/articles", "/api/agreements");

    static boolean isPublic(String method, String path) {
        if (!path.startsWith("/api")) {
            return true;
        }
        boolean read = "GET".equals(method) || "HEAD".equals(method);
        return read && PUBLIC_READS.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }

    @ServerRequestFilter
    public Optional<Response> requireToken(ContainerRequestContext request) {
        if (isPublic(request.getMethod(), request.getUriInfo().getPath())) {
            return Optional.empty();
        }
        String header = request.getHeaderString("Authorization");
        boolean ok = token.isPresent() && header != null && header.startsWith("Bearer ")
                && MessageDigest.isEqual(header.substring(7).trim().getBytes(StandardCharsets.UTF_8),
                        token.get().getBytes(StandardCharsets.UTF_8));
        return ok ? Optional.empty() : Optional.of(Response.status(401).header("WWW-Authenticate", "Bearer")
                .type(MediaType.APPLICATION_JSON).entity(Map.of("error", token.isPresent()
                        ? "missing or wrong bearer token" : "no admin token configured (PACTWATCH_ADMIN_TOKEN)")).build());
    }
}
