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
 * Guards the management API ({@code /api/subscriptions}) with {@code Authorization: Bearer <PACTWATCH_ADMIN_TOKEN>};
 * with no token configured every management call answers 401. The read API and the signed links stay public.
 */
public class AdminTokenFilter {

    private final Optional<String> token;

    public AdminTokenFilter(@ConfigProperty(name = "pactwatch.admin-token") Optional<String> token) {
        this.token = token.filter(t -> !t.isBlank());
    }

    @ServerRequestFilter
    public Optional<Response> requireToken(ContainerRequestContext request) {
        if (!request.getUriInfo().getPath().startsWith("/api/subscriptions")) {
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
