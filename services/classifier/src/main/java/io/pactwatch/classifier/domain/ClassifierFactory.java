package io.pactwatch.classifier.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Builds a {@link Classifier} from tracker YAML documents (file name to content) or from the trackers bundled in
 * the jar. The version digests the definitions, so a changed tracker changes {@code classifierVersion}.
 */
public final class ClassifierFactory {

    /** Trackers shipped in the jar, used when no trackers directory is configured. */
    public static final List<String> BUNDLED = List.of("trackers/ua-security-agreements.yaml");

    private ClassifierFactory() {
    }

    public static Classifier bundled() {
        Map<String, String> sources = new TreeMap<>();
        for (String path : BUNDLED) {
            try (InputStream in = ClassifierFactory.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing bundled tracker " + path);
                }
                sources.put(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return fromSources(sources);
    }

    /** All documents must be valid and ids unique; otherwise one exception lists every problem. */
    public static Classifier fromSources(Map<String, String> sources) {
        Gazetteer gazetteer = WorldGazetteer.get();
        TrackerParser parser = new TrackerParser(gazetteer);
        List<TrackerClassifier> runners = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Map<String, String> sorted = new TreeMap<>(sources);
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            try {
                Tracker t = parser.parse(e.getKey(), e.getValue());
                if (!ids.add(t.id())) {
                    problems.add(e.getKey() + ": duplicate tracker id '" + t.id() + "'");
                }
                runners.add(new TrackerClassifier(t, gazetteer));
            } catch (TrackerValidationException ex) {
                problems.add(ex.getMessage());
            }
        }
        if (sorted.isEmpty()) {
            problems.add("no tracker definitions found");
        }
        if (!problems.isEmpty()) {
            throw new TrackerValidationException("trackers", problems);
        }
        return new Classifier(runners, Classifier.RULES_VERSION + "+" + digest(sorted));
    }

    private static String digest(Map<String, String> sorted) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String yaml : sorted.values()) {
                md.update(yaml.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
