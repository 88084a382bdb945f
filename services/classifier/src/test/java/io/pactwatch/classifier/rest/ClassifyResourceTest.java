package io.pactwatch.classifier.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The debugging endpoint: shape of the response, several events, irrelevant input, bad input. */
@QuarkusTest
class ClassifyResourceTest {

    @Test
    void returnsBothSigningsOfTheSameDay() {
        given().contentType("application/json").body("""
                {"title":"Japan and US sign security pacts with Ukraine",
                 "summary":"<p>Both accords run for ten years.</p>",
                 "content":"Ukraine signed bilateral security agreements with the United States and Japan on Thursday at the G7 summit in Italy.",
                 "url":"https://example.org/a","publishedAt":"2024-06-13T19:00:00Z"}""")
                .when().post("/api/classify")
                .then().statusCode(200)
                .body("relevant", equalTo(true))
                .body("trackerId", equalTo("ua-security-agreements"))
                .body("classifierVersion", startsWith("1."))
                .body("events", hasSize(2))
                .body("events.find { it.counterpart == 'US' }.type", equalTo("SIGNED"))
                .body("events.find { it.counterpart == 'US' }.date", equalTo("2024-06-13"))
                .body("events.find { it.counterpart == 'JP' }.certainty", equalTo("CONFIRMED"))
                .body("verdicts", hasSize(1));
    }

    @Test
    void mineralsDealIsNotRelevant() {
        given().contentType("application/json").body("""
                {"title":"US and Ukraine sign minerals deal",
                 "content":"The United States and Ukraine signed an agreement on Wednesday creating a joint investment fund fed by revenue from critical minerals.",
                 "publishedAt":"2025-04-30T21:00:00Z"}""")
                .when().post("/api/classify")
                .then().statusCode(200)
                .body("relevant", equalTo(false))
                .body("events", hasSize(0));
    }

    @Test
    void readinessNamesTheTrackersInService() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'trackers' }.data.trackers", equalTo("ua-security-agreements"));
    }

    @Test
    void rejectsABadDate() {
        given().contentType("application/json").body("{\"title\":\"x\",\"publishedAt\":\"yesterday\"}")
                .when().post("/api/classify")
                .then().statusCode(400);
    }
}
