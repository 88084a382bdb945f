package io.pactwatch.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variable names a service really reads, derived from its code at test time: the keys of its
 * application.properties (profile prefixes dropped), {@code ${NAME}} references in it, {@code @ConfigProperty} names
 * and the keys {@code @ConfigMapping} interfaces declare in its sources (see {@link ConfigMappingKeys}), mapped the way Quarkus maps env names to keys (upper case,
 * every other character to '_'). Quarkus's own keys ({@code QUARKUS_*}), {@code KAFKA_BOOTSTRAP_SERVERS}
 * (the Kafka connector's default key) and the JVM settings the images' start script reads ({@link #RUN_JAVA}) are
 * always accepted.
 */
record ConfigKeys(String service, Set<String> exact, Set<String> prefixes) {

    private static final Pattern CONFIG_MAPPING = Pattern.compile("@ConfigMapping\\s*\\([^)]*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\s*\\([^)]*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(?::[^}]*)?}");

    static ConfigKeys of(ServiceFacts service) {
        Set<String> exact = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        for (String key : service.properties().stringPropertyNames()) {
            exact.add(toEnv(key.replaceFirst("^%[^.]+\\.", "")));
            Matcher m = EXPRESSION.matcher(service.properties().getProperty(key));
            while (m.find()) {
                exact.add(toEnv(m.group(1)));
            }
        }
        for (Path source : javaSources(service.directory().resolve("src/main/java"))) {
            String text = read(source);
            ConfigMappingKeys.Keys mapping = ConfigMappingKeys.of(text);
            mapping.exact().forEach(k -> exact.add(toEnv(k)));
            mapping.prefixes().forEach(k -> prefixes.add(toEnv(k) + "_"));
            // A mapping this reader finds no accessors in is accepted by its prefix, as a last resort.
            if (mapping.exact().isEmpty() && mapping.prefixes().isEmpty()) {
                CONFIG_MAPPING.matcher(text).results().forEach(r -> prefixes.add(toEnv(r.group(1)) + "_"));
            }
            CONFIG_PROPERTY.matcher(text).results().forEach(r -> exact.add(toEnv(r.group(1))));
        }
        return new ConfigKeys(service.name(), exact, prefixes);
    }

    /** Quarkus's env → key convention, as a key → env mapping: "pactwatch.admin-token" → "PACTWATCH_ADMIN_TOKEN". */
    static String toEnv(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** Read by run-java.sh in the services' base image (Dockerfile.jvm: ubi9/openjdk-17-runtime), not by the service. */
    static final Set<String> RUN_JAVA = Set.of("JAVA_MAX_MEM_RATIO", "JAVA_INITIAL_MEM_RATIO", "GC_CONTAINER_OPTIONS");

    /** Why an env var name maps to no config key of this service, or empty if it does. */
    Optional<String> problem(String env) {
        if (env.startsWith("QUARKUS_") || env.equals("KAFKA_BOOTSTRAP_SERVERS") || RUN_JAVA.contains(env) || exact.contains(env)
                || prefixes.stream().anyMatch(env::startsWith)) {
            return Optional.empty();
        }
        return Optional.of(service + ": env " + env + " maps to no config key of the service (application.properties "
                + "keys: " + exact + ", @ConfigMapping prefixes: " + prefixes + ")");
    }

    private static Set<Path> javaSources(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return new TreeSet<>(s.filter(p -> p.toString().endsWith(".java")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
