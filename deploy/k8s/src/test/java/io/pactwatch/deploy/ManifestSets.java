package io.pactwatch.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The manifest sets every check runs on: the base's files as written, and the base and each overlay as
 * rendered (kubectl/kustomize, else the MiniKustomize fallback).
 */
final class ManifestSets {

    static final List<String> RENDERED = List.of("base", "overlays/dev", "overlays/prod");
    private static final Map<String, ManifestSet> CACHE = new ConcurrentHashMap<>();

    private ManifestSets() {
    }

    static ManifestSet baseFiles() {
        return CACHE.computeIfAbsent("base files", k -> ManifestSet.baseFiles());
    }

    static ManifestSet rendered(String dir) {
        return CACHE.computeIfAbsent(dir, ManifestSet::rendered);
    }

    static List<ManifestSet> all() {
        List<ManifestSet> sets = new ArrayList<>();
        sets.add(baseFiles());
        RENDERED.forEach(d -> sets.add(rendered(d)));
        return sets;
    }

    /** Argument source: every set. */
    static java.util.stream.Stream<ManifestSet> sets() {
        return all().stream();
    }

    /** Argument source: every set with every service name. */
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> setsAndServices() {
        return sets().flatMap(set -> ServiceFacts.ALL.stream()
                .map(s -> org.junit.jupiter.params.provider.Arguments.of(set, s.name())));
    }

    /** Sets in which every Secret is expected to be present (dev generates its throwaway secrets). */
    static boolean secretsIncluded(ManifestSet set) {
        return set.name().startsWith("rendered overlays/dev");
    }
}
