package io.pactwatch.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every contract record survives a JSON round trip and its JSON validates against the topic's published schema. */
class ContractsSerdeTest {

    static final Instant T = Instant.parse("2024-05-06T14:30:00Z");

    static RawArticle raw() {
        return new RawArticle("a-1", 2, "feed-1", "Kyiv Ledger", "https://example.org/a", "Fourth round held",
                "Summary", null, T, T.plusSeconds(60), "0".repeat(64));
    }

    static ClassifiedArticle classified() {
        ExtractedEvent event = new ExtractedEvent("US", "United States", EventType.ROUND, 4, LocalDate.of(2024, 5, 6),
                Certainty.CONFIRMED, 0.93, new Evidence("Kyiv and Washington held a fourth round.", 18, 57, "round.held"));
        return new ClassifiedArticle("a-1", 2, "Kyiv Ledger", "https://example.org/a", "Fourth round held", null, T,
                true, 0.93, "rules-1", T.plusSeconds(61),
                List.of(new TrackerVerdict("ua-security-agreements", true, 0.93, List.of(event))));
    }

    static AgreementEvent agreementEvent() {
        return new AgreementEvent("e-1", 3, ChangeKind.CORROBORATED, "ua-security-agreements", "US", "United States",
                EventType.ROUND, 4, LocalDate.of(2024, 5, 6), 2, null, T, T.plusSeconds(600),
                List.of(new EventSource("a-1", "Kyiv Ledger", "https://example.org/a", "Fourth round held", T, "q"),
                        new EventSource("a-2", "Other", "https://example.org/b", "Talks", T, "q2")));
    }

    @Test
    void rawArticleRoundTripsAndMatchesSchema() {
        assertRoundTripAndValid(raw(), RawArticle.class, Topics.ARTICLES_RAW);
    }

    @Test
    void classifiedArticleRoundTripsAndMatchesSchema() {
        assertRoundTripAndValid(classified(), ClassifiedArticle.class, Topics.ARTICLES_CLASSIFIED);
    }

    @Test
    void agreementEventRoundTripsAndMatchesSchema() {
        assertRoundTripAndValid(agreementEvent(), AgreementEvent.class, Topics.AGREEMENT_EVENTS);
    }

    @Test
    void datesAreIsoStrings() {
        String json = Json.write(classified());
        assertTrue(json.contains("\"publishedAt\":\"2024-05-06T14:30:00Z\""), json);
        assertTrue(json.contains("\"date\":\"2024-05-06\""), json);
    }

    @Test
    void schemaRejectsARecordWithoutItsKeyField() {
        String json = Json.write(raw()).replace("\"articleId\":\"a-1\",", "");
        assertTrue(!validate(Topics.ARTICLES_RAW, json).isEmpty(), "schema must require articleId");
    }

    @Test
    void malformedJsonIsAReadableMalformedRecord() {
        MalformedRecordException e = assertThrows(MalformedRecordException.class,
                () -> Json.read("{not json", RawArticle.class));
        assertTrue(e.getMessage().startsWith("malformed RawArticle record"), e.getMessage());
        assertThrows(MalformedRecordException.class, () -> Json.read("", RawArticle.class));
    }

    @Test
    void unknownFieldsAreIgnoredForForwardCompatibility() {
        String json = Json.write(raw()).replace("{", "{\"addedLater\":1,");
        assertEquals(raw(), Json.read(json, RawArticle.class));
    }

    @Test
    void deadLetterTopicsFollowTheNamingRule() {
        assertEquals("pactwatch.articles.raw.dlq", Topics.ARTICLES_RAW_DLQ);
        assertEquals(Topics.ARTICLES_CLASSIFIED_DLQ, Topics.deadLetterTopicOf(Topics.ARTICLES_CLASSIFIED));
    }

    private static <T> void assertRoundTripAndValid(T value, Class<T> type, String topic) {
        String json = Json.write(value);
        assertEquals(value, Json.read(json, type));
        Set<ValidationMessage> errors = validate(topic, json);
        assertTrue(errors.isEmpty(), () -> topic + " schema errors: " + errors + " for " + json);
    }

    static Set<ValidationMessage> validate(String topic, String json) {
        try (InputStream in = ContractsSerdeTest.class.getResourceAsStream("/schemas/" + topic + ".schema.json")) {
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
            JsonNode node = Json.mapper().readTree(json);
            return schema.validate(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
