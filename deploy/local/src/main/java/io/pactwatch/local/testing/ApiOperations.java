package io.pactwatch.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Lists a running service's HTTP operations from its own OpenAPI document and from the JAX-RS methods compiled into
 * it, and calls them, so abuse tests cover every endpoint the code has, including one added after the test was
 * written. Plain JDK HTTP client: the path is sent exactly as given, tricks included.
 */
public final class ApiOperations {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<String> HTTP_METHODS = List.of("get", "post", "put", "delete", "patch", "head", "options");

    private ApiOperations() {
    }

    /** One operation of the API; path parameters are filled with {@code 1}. */
    public record Operation(String baseUrl, String method, String path) {

        public String concretePath() {
            return path.replaceAll("\\{[^}]+}", "1");
        }

        /** Whether the operation takes a request body (POST, PUT, PATCH). */
        public boolean takesBody() {
            return ApiOperations.takesBody(method);
        }

        /** Calls the operation with these headers (and, for POST/PUT/PATCH, a JSON body); never follows redirects. */
        public Reply call(Map<String, String> headers, String jsonBody) {
            return send(baseUrl, method, concretePath(), headers, jsonBody, false);
        }

        /** As {@link #call}, the body sent chunked: no {@code Content-Length}, so its size is known only as it is read. */
        public Reply callChunked(Map<String, String> headers, String jsonBody) {
            return send(baseUrl, method, concretePath(), headers, jsonBody, true);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Status and body of one call. */
    public record Reply(int status, String body) {
    }

    /** Every operation of {@code GET /q/openapi?format=json}. */
    public static List<Operation> fromOpenApi(String baseUrl) {
        Reply doc = send(baseUrl, "GET", "/q/openapi?format=json", Map.of(), null);
        if (doc.status() != 200) {
            throw new IllegalStateException("no OpenAPI document at " + baseUrl + ": HTTP " + doc.status());
        }
        try {
            JsonNode paths = new ObjectMapper().readTree(doc.body()).path("paths");
            List<Operation> operations = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> path = it.next();
                for (String m : HTTP_METHODS) {
                    if (path.getValue().has(m)) {
                        operations.add(new Operation(baseUrl, m.toUpperCase(), path.getKey()));
                    }
                }
            }
            return operations;
        } catch (IOException e) {
            throw new IllegalStateException("unreadable OpenAPI document", e);
        }
    }

    /**
     * How many resource methods (methods carrying an HTTP-method annotation such as {@code @GET}, in classes carrying
     * {@code @Path}) are compiled in the class-path root that holds {@code anyServiceClass}: the OpenAPI document
     * must list as many, else an endpoint is hidden from it (and from the tests that read it).
     */
    public static int compiledJaxRsMethods(Class<?> anyServiceClass) {
        try {
            Path root = classesRoot(anyServiceClass);
            int count = 0;
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                    Class<?> type;
                    try {
                        type = Class.forName(name, false, anyServiceClass.getClassLoader());
                    } catch (ClassNotFoundException | LinkageError e) {
                        continue;
                    }
                    if (!hasAnnotation(type.getAnnotations(), "jakarta.ws.rs.Path")) {
                        continue;
                    }
                    for (Method method : type.getDeclaredMethods()) {
                        for (Annotation a : method.getAnnotations()) {
                            if (hasAnnotation(a.annotationType().getAnnotations(), "jakarta.ws.rs.HttpMethod")) {
                                count++;
                            }
                        }
                    }
                }
            }
            return count;
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The directory the class was compiled into (Quarkus may define transformed classes without a code source). */
    private static Path classesRoot(Class<?> type) throws java.net.URISyntaxException {
        var source = type.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null && "file".equals(source.getLocation().getProtocol())) {
            return Path.of(source.getLocation().toURI());
        }
        String file = type.getName().replace('.', '/') + ".class";
        java.net.URL url = type.getClassLoader().getResource(file);
        if (url != null && "file".equals(url.getProtocol())) {
            String path = Path.of(url.toURI()).toString();
            return Path.of(path.substring(0, path.length() - file.length()));
        }
        return Path.of("target", "classes").toAbsolutePath();
    }

    private static boolean hasAnnotation(Annotation[] annotations, String type) {
        for (Annotation a : annotations) {
            if (a.annotationType().getName().equals(type)) {
                return true;
            }
        }
        return false;
    }

    /** Authorization headers that must not pass, built around the real token (near misses included). */
    public static List<Map<String, String>> badCredentials(String token) {
        return List.of(Map.of(), Map.of("Authorization", "Bearer"),
                Map.of("Authorization", "Bearer wrong"), Map.of("Authorization", "Bearer " + token + "x"),
                Map.of("Authorization", "Bearer " + token.substring(0, token.length() - 1)),
                Map.of("Authorization", token), Map.of("Authorization", "Token " + token),
                Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + token).getBytes(StandardCharsets.UTF_8))),
                Map.of("X-Admin-Token", token), Map.of("Cookie", "token=" + token));
    }

    /**
     * Of these operations, those that take a body (POST, PUT, PATCH) and do not refuse one of {@code bytes} bytes
     * with a 413 carrying {@code {"errors":[…]}}, sent with its length declared and sent chunked: each must, a declared
     * one before it reads the body or checks the caller.
     */
    public static List<String> notRefusedAsTooLarge(List<Operation> operations, Map<String, String> headers, int bytes) {
        String body = "{\"name\":\"" + "n".repeat(Math.max(0, bytes - 12)) + "\"}";
        List<String> wrong = new ArrayList<>();
        for (Operation op : operations) {
            if (op.takesBody()) {
                for (boolean chunked : new boolean[] {false, true}) {
                    Reply r = chunked ? op.callChunked(headers, body) : op.call(headers, body);
                    if (r.status() != 413 || !r.body().contains("\"errors\"")) {
                        wrong.add(op + (chunked ? " (chunked)" : "") + " -> " + r.status() + " "
                                + (r.body().length() > 200 ? r.body().substring(0, 200) : r.body()));
                    }
                }
            }
        }
        return wrong;
    }

    /** Of these raw paths, those answered 2xx without any credentials (each must be 401 or 404). */
    public static List<String> answeredWithoutToken(String baseUrl, List<String> rawPaths) {
        List<String> leaked = new ArrayList<>();
        for (String p : rawPaths) {
            Reply r = send(baseUrl, "GET", p, Map.of(), null);
            if (r.status() >= 200 && r.status() < 300) {
                leaked.add(p + " -> " + r.status());
            }
        }
        return leaked;
    }

    private static boolean takesBody(String method) {
        return List.of("POST", "PUT", "PATCH").contains(method);
    }

    public static Reply send(String baseUrl, String method, String rawPath, Map<String, String> headers, String jsonBody) {
        return send(baseUrl, method, rawPath, headers, jsonBody, false);
    }

    private static Reply send(String baseUrl, String method, String rawPath, Map<String, String> headers, String jsonBody,
            boolean chunked) {
        boolean withBody = jsonBody != null && takesBody(method);
        byte[] bytes = withBody ? jsonBody.getBytes(java.nio.charset.StandardCharsets.UTF_8) : new byte[0];
        HttpRequest.BodyPublisher publisher = !withBody ? HttpRequest.BodyPublishers.noBody()
                : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))
                : HttpRequest.BodyPublishers.ofByteArray(bytes);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + rawPath)).timeout(Duration.ofSeconds(10))
                .method(method, publisher);
        if (chunked) {
            b.version(HttpClient.Version.HTTP_1_1); // Transfer-Encoding: chunked, not an HTTP/2 upgrade
        }
        if (withBody) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach((k, v) -> {
            if (!v.isEmpty()) {
                b.header(k, v);
            }
        });
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + rawPath + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
