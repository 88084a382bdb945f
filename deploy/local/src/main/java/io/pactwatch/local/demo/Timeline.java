package io.pactwatch.local.demo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.pactwatch.contracts.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The demo story the local feed server plays: outlets and their items, each appearing {@code at} seconds after the
 * timeline starts. An item with the same guid appearing again is an edit of the earlier one.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Timeline(String description, List<Feed> feeds, List<Item> items) {

    /** One outlet's feed. {@code format} is {@code rss} (RSS 2.0) or {@code atom} (Atom 1.0). */
    public record Feed(String id, String title, String format) {
    }

    /** One item version. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(String feed, String guid, double at, Instant published, String title, List<String> body,
            boolean edited) {
    }

    /** The bundled demo timeline ({@code demo/timeline.json}). */
    public static Timeline bundled() {
        try (InputStream in = Timeline.class.getResourceAsStream("/demo/timeline.json")) {
            return Json.mapper().readValue(in, Timeline.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled demo timeline", e);
        }
    }

    public Feed feed(String id) {
        return feeds.stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
    }

    /** The last moment (seconds at speed 1) at which an item appears. */
    public double duration() {
        return items.stream().mapToDouble(Item::at).max().orElse(0);
    }
}
