package io.pactwatch.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schemas published in docs/schemas must be the ones the build ships, one per topic. */
class PublishedSchemasTest {

    @Test
    void docsSchemasMatchTheShippedSchemas() throws IOException {
        Path docs = Path.of("../../docs/schemas");
        for (String topic : List.of(Topics.ARTICLES_RAW, Topics.ARTICLES_CLASSIFIED, Topics.AGREEMENT_EVENTS)) {
            String file = topic + ".schema.json";
            try (InputStream shipped = getClass().getResourceAsStream("/schemas/" + file)) {
                assertEquals(new String(shipped.readAllBytes(), StandardCharsets.UTF_8),
                        Files.readString(docs.resolve(file)), "docs/schemas/" + file
                                + " differs from services/contracts/src/main/resources/schemas/" + file);
            }
        }
    }
}
