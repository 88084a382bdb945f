package io.pactwatch.classifier.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pactwatch.classifier.domain.Classifier;
import io.pactwatch.classifier.domain.ClassifierFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Speed work must not change a single result: the full {@link Classifier.Result} (text, verdicts, events with their
 * evidence, offsets, dates, rules and scores) of every corpus variant, under the bundled tracker and the UK trade
 * tracker together, is compared with a digest recorded from the code before the speed work. Regenerate the record
 * only for a deliberate rule change: {@code -Dtest=ResultsUnchangedTest -Dgolden.write=true}.
 */
class ResultsUnchangedTest {

    private static final String GOLDEN = "golden/classifier-results.tsv";

    static Classifier bothTrackers() throws IOException {
        Path repo = Path.of(System.getProperty("pactwatch.repo.root", "../.."));
        String bundled;
        try (InputStream in = ResultsUnchangedTest.class.getClassLoader()
                .getResourceAsStream(ClassifierFactory.BUNDLED.get(0))) {
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String trade = Files.readString(repo.resolve("docs/trackers/uk-free-trade-agreements.yaml"));
        return ClassifierFactory.fromSources(Map.of("ua.yaml", bundled, "uk.yaml", trade));
    }

    /** One line per variant: label, relevant verdicts, events, and a digest of the whole result. */
    static List<String> record(Classifier classifier) {
        List<String> lines = new ArrayList<>();
        for (CorpusVariants.Variant v : CorpusVariants.all()) {
            Classifier.Result r = classifier.classify(v.input());
            long relevant = r.verdicts().stream().filter(x -> x.relevant()).count();
            int events = r.verdicts().stream().mapToInt(x -> x.events().size()).sum();
            lines.add(v.label() + "\t" + relevant + "\t" + events + "\t" + digest(r.toString()));
        }
        return lines;
    }

    @Test
    void everyVariantIsClassifiedAsRecorded() throws IOException {
        List<String> actual = record(bothTrackers());
        if (Boolean.getBoolean("golden.write")) {
            Path out = Path.of("src/test/resources", GOLDEN);
            Files.createDirectories(out.getParent());
            Files.write(out, actual);
            return;
        }
        List<String> expected;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(GOLDEN)) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String e = i < expected.size() ? expected.get(i) : "(none)";
            String a = i < actual.size() ? actual.get(i) : "(none)";
            if (!e.equals(a)) {
                differences.add("expected " + e + " but got " + a);
            }
        }
        assertTrue(actual.size() > 2500, "variants: " + actual.size());
        assertEquals(List.of(), differences.subList(0, Math.min(20, differences.size())),
                differences.size() + " of " + actual.size() + " results differ");
    }

    private static String digest(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
