package io.pactwatch.bench.classifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.pactwatch.classifier.domain.ArticleInput;
import io.pactwatch.classifier.domain.Classifier;
import io.pactwatch.classifier.domain.ClassifierFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Classification throughput (articles per second, one thread) on the realistic mix of the development corpus:
 * relevant and irrelevant articles, HTML items, background paragraphs and page furniture, cycled in file order.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClassifierThroughput {

    /** "corpus": articles as labelled; "long-pages": every article padded with all pads, like scraped pages. */
    @Param({"corpus", "long-pages"})
    public String mix;

    private Classifier classifier;
    private List<ArticleInput> articles;
    private int next;

    @Setup(Level.Trial)
    public void load() throws IOException {
        classifier = ClassifierFactory.bundled();
        articles = readCorpus(corpusDir(), "long-pages".equals(mix));
        double chars = articles.stream().mapToInt(a -> a.title().length()
                + (a.summary() == null ? 0 : a.summary().length()) + a.content().length()).average().orElse(0);
        System.out.printf("%n%d articles, %.0f characters on average%n", articles.size(), chars);
        if (articles.isEmpty()) {
            throw new IllegalStateException("no corpus articles found");
        }
    }

    @Benchmark
    public void classifyOneArticle(Blackhole bh) {
        ArticleInput a = articles.get(next);
        next = next + 1 == articles.size() ? 0 : next + 1;
        bh.consume(classifier.classify(a));
    }

    static Path corpusDir() {
        String configured = System.getProperty("corpus.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        for (String candidate : List.of("services/classifier/src/test/resources/corpus",
                "../../services/classifier/src/test/resources/corpus")) {
            if (Files.isDirectory(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("corpus not found; run from the repository root or pass -Dcorpus.dir=");
    }

    @SuppressWarnings("unchecked")
    static List<ArticleInput> readCorpus(Path dir, boolean allPads) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, String> pads = yaml.readValue(dir.resolve("pads.yaml").toFile(), Map.class);
        List<ArticleInput> out = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("dev-corpus-")).sorted().toList()) {
                for (JsonNode n : yaml.readTree(p.toFile())) {
                    StringBuilder content = new StringBuilder(n.path("content").asText(""));
                    if (allPads) {
                        pads.values().forEach(v -> content.append('\n').append(v));
                    } else {
                        for (JsonNode pad : n.path("pads")) {
                            content.append('\n').append(pads.get(pad.asText()));
                        }
                    }
                    out.add(new ArticleInput(n.path("title").asText(),
                            n.hasNonNull("summary") ? n.get("summary").asText() : null, content.toString(),
                            Instant.parse(n.path("published").asText())));
                }
            }
        }
        return out;
    }
}
