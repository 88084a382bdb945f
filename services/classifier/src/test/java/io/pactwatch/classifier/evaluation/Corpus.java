package io.pactwatch.classifier.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Loads the labelled development corpus from the test resources, appending each article's pads to its content. */
public final class Corpus {

    public static final List<String> PARTS = List.of("corpus/dev-corpus-1.yaml", "corpus/dev-corpus-2.yaml",
            "corpus/dev-corpus-3.yaml", "corpus/dev-corpus-4.yaml", "corpus/dev-corpus-5.yaml",
            "corpus/dev-corpus-6.yaml", "corpus/dev-corpus-7.yaml",
            "corpus/dev-corpus-8.yaml", "corpus/dev-corpus-9.yaml",
            "corpus/dev-corpus-10.yaml", "corpus/dev-corpus-11.yaml",
            "corpus/dev-corpus-12.yaml", "corpus/dev-corpus-13.yaml",
            "corpus/dev-corpus-14.yaml", "corpus/dev-corpus-15.yaml",
            "corpus/dev-corpus-16.yaml", "corpus/dev-corpus-17.yaml",
            "corpus/dev-corpus-18.yaml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Corpus() {
    }

    /** The reusable page paddings by name, in file order. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> pads() {
        return read("corpus/pads.yaml", Map.class);
    }

    public static List<CorpusArticle> load() {
        Map<String, String> pads = pads();
        List<CorpusArticle> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (String part : PARTS) {
            JsonNode list = read(part, JsonNode.class);
            for (JsonNode n : list) {
                String id = n.path("id").asText();
                if (!ids.add(id)) {
                    throw new IllegalStateException("duplicate corpus id " + id);
                }
                StringBuilder content = new StringBuilder(n.path("content").asText(""));
                for (JsonNode pad : n.path("pads")) {
                    String text = pads.get(pad.asText());
                    if (text == null) {
                        throw new IllegalStateException(id + ": unknown pad " + pad.asText());
                    }
                    content.append('\n').append(text);
                }
                List<GoldEvent> events = new ArrayList<>();
                for (JsonNode e : n.path("events")) {
                    events.add(GoldEvent.parse(e.asText()));
                }
                out.add(new CorpusArticle(id, Instant.parse(n.path("published").asText()), n.path("title").asText(),
                        n.hasNonNull("summary") ? n.get("summary").asText() : null, content.toString(),
                        n.path("relevant").asBoolean(), events));
            }
        }
        return out;
    }

    private static <T> T read(String resource, Class<T> type) {
        try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
