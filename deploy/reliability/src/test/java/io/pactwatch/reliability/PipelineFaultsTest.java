package io.pactwatch.reliability;

import io.pactwatch.local.testing.TopicReader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pactwatch.contracts.Json;
import io.pactwatch.contracts.Topics;
import io.pactwatch.local.Http;
import io.pactwatch.local.Services;
import io.pactwatch.reliability.KnownArticles.Country;
import io.pactwatch.reliability.KnownArticles.Known;
import io.pactwatch.reliability.ScriptableSmtp.Fault;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults on one running pipeline (real KRaft broker, the machine's PostgreSQL, the three service jars as processes),
 * one scenario after the other. Each scenario sends its own known articles about its own counterparts and has its own
 * subscriptions, so its counts are its own: sent, stored, correctly dropped, lost, duplicate events and duplicate
 * alerts, with 0 lost and 0 duplicates asserted. The database is a private PostgreSQL cluster of this test (so the
 * outage scenario can stop it without touching the machine's shared server).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineFaultsTest {

    static final Profile PROFILE = Profile.current();
    static PrivatePostgres postgres;
    static Stack stack;

    @BeforeAll
    static void start() throws Exception {
        postgres = PrivatePostgres.create();
        stack = Stack.start("faults", postgres.client(), Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    @Order(1)
    void poisonRecordsLandInTheirDeadLetterTopicsWhileTheirPartitionsKeepMoving() throws Exception {
        List<Country> countries = List.of(new Country("Norway", "NO"), new Country("Spain", "ES"));
        List<String> codes = Scenarios.codes(countries);
        stack.subscribeSlack("poison", codes);
        List<Known> known = KnownArticles.generate("poison", countries, PROFILE.sideArticles(), 11);
        List<String> rawPoison = List.of("{{{ not json", "{\"title\":\"an article without its id\"}", "null");
        List<String> classifiedPoison = List.of("<rss>not json</rss>",
                "{\"articleId\":\"poison-no-date\",\"revision\":1,\"relevant\":true}", "[]",
                // parses, but a relevant article without URL and title can never be stored
                "{\"articleId\":\"poison-no-url\",\"revision\":1,\"publishedAt\":\"2026-11-20T12:00:00Z\","
                        + "\"relevant\":true,\"score\":1.0,\"classifierVersion\":\"x\",\"verdicts\":[]}");
        try (RawProducer producer = new RawProducer(stack.bootstrap())) {
            for (int p = 0; p < 3; p++) {
                producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW, p, "poison-raw-" + p, rawPoison.get(p)));
                producer.send(new ProducerRecord<>(Topics.ARTICLES_CLASSIFIED, p, "poison-classified-" + p,
                        classifiedPoison.get(p)));
            }
            producer.send(new ProducerRecord<>(Topics.ARTICLES_CLASSIFIED, 0, "poison-classified-3", classifiedPoison.get(3)));
            producer.sendAll(known);
        }
        long sentAt = System.nanoTime();
        Await.until("4 classified records dead-lettered", () -> TopicReader.readAll(stack.bootstrap(),
                Topics.ARTICLES_CLASSIFIED_DLQ).size() >= 4, Duration.ofSeconds(30));
        double dlqSeconds = (System.nanoTime() - sentAt) / 1e9;
        Scenarios.awaitSettled(stack, "poison", known, codes, List.of("poison"), List.of(), Duration.ofMinutes(3));

        List<ConsumerRecord<String, String>> rawDlq = TopicReader.readAll(stack.bootstrap(), Topics.ARTICLES_RAW_DLQ);
        List<ConsumerRecord<String, String>> classifiedDlq = TopicReader.readAll(stack.bootstrap(),
                Topics.ARTICLES_CLASSIFIED_DLQ);
        assertEquals(Set.copyOf(rawPoison), rawDlq.stream().map(ConsumerRecord::value).collect(Collectors.toSet()),
                "raw DLQ");
        assertEquals(3, rawDlq.size(), "each raw poison record dead-lettered once");
        assertEquals(Set.copyOf(classifiedPoison), classifiedDlq.stream().map(ConsumerRecord::value)
                .collect(Collectors.toSet()), "classified DLQ");
        assertEquals(4, classifiedDlq.size(), "each classified poison record dead-lettered once");
        assertLaterRecordsOnSamePartition(Topics.ARTICLES_RAW, "poison-raw-");
        assertLaterRecordsOnSamePartition(Topics.ARTICLES_CLASSIFIED, "poison-classified-");

        Tally tally = Scenarios.tally(stack, "poison", known, codes, List.of("poison"), List.of());
        Figures.record(tally, String.format("poison records: 3 on raw (one per partition), 4 on classified (one per partition"
                + " + one that parses but cannot be stored), all in their DLQ within %.1f s; later records on the same"
                + " partitions processed", dlqSeconds));
        Scenarios.assertClean(tally);
    }

    @Test
    @Order(2)
    void slackAndSmtpFailuresAreRetriedWithPacingAndPermanentOnesAreVisible() throws Exception {
        List<Country> countries = List.of(new Country("Portugal", "PT"), new Country("Belgium", "BE"),
                new Country("Sweden", "SE"));
        List<String> codes = Scenarios.codes(countries);
        long flakySlack = stack.subscribeSlack("flaky", codes);
        long goneSlack = stack.subscribeSlack("gone", codes);
        long flakyMail = stack.subscribeEmail("flaky@known.example", codes);
        long bounceMail = stack.subscribeEmail("bounce@known.example", codes);
        stack.pipeline.slack().script("flaky", new int[] {429, 3}, new int[] {500, 0}, new int[] {504, 0, 3000},
                new int[] {503, 0}, new int[] {429, 2}, new int[] {502, 0, 3000}, new int[] {500, 0});
        for (int i = 0; i < 1000; i++) {
            stack.pipeline.slack().script("gone", new int[] {404, 0});
        }
        stack.smtp.failNext("flaky@known.example", Fault.RCPT_451, Fault.DROP_AFTER_DATA, Fault.DATA_452,
                Fault.DROP_AT_RCPT, Fault.RCPT_451, Fault.DROP_AFTER_DATA);
        stack.smtp.rejectAlways("bounce@known.example", "550 5.1.1 mailbox unavailable");

        List<Known> known = KnownArticles.generate("channels", countries, PROFILE.sideArticles(), 12);
        try (RawProducer producer = new RawProducer(stack.bootstrap())) {
            producer.sendAll(known);
        }
        Scenarios.awaitSettled(stack, "channels", known, codes, List.of("flaky"), List.of("flaky@known.example"), Duration.ofMinutes(4));
        Await.until("both permanent failures visible", () -> "FAILING".equals(stack.subscription(goneSlack)
                .path("status").asText()) && "FAILING".equals(stack.subscription(bounceMail).path("status").asText()),
                Duration.ofMinutes(1));

        Await.until("the failing-subscriptions gauge (sampled every second) to show both", () -> stack.metric(
                Services.NOTIFIER, "pactwatch_notifier_subscriptions_failing", "") >= 2, Duration.ofSeconds(10));
        Tally tally = Scenarios.tally(stack, "channels", known, codes, List.of("flaky"), List.of("flaky@known.example"));
        List<Instant> attempts = stack.pipeline.slack().attempts("flaky");
        long minGapMillis = Long.MAX_VALUE;
        for (int i = 1; i < attempts.size(); i++) {
            minGapMillis = Math.min(minGapMillis, Duration.between(attempts.get(i - 1), attempts.get(i)).toMillis());
        }
        long afterRetryAfter = Duration.between(attempts.get(0), attempts.get(1)).toMillis();
        JsonNode gone = stack.subscription(goneSlack);
        JsonNode bounce = stack.subscription(bounceMail);
        double failing = stack.metric(Services.NOTIFIER, "pactwatch_notifier_subscriptions_failing", "");
        double permanent = stack.metric(Services.NOTIFIER, "pactwatch_notifier_deliveries_total", "outcome=\"permanent\"");
        double retried = stack.metric(Services.NOTIFIER, "pactwatch_notifier_deliveries_total", "outcome=\"retry\"");
        Figures.record(tally, String.format("Slack: %d attempts for %d messages, min gap %d ms, %d ms after 429 Retry-After: 3;"
                + " SMTP: %d attempts for %d mails; 404 hook and 550 mailbox FAILING (%s / %s); metrics: failing=%.0f,"
                + " permanent=%.0f, retry=%.0f", attempts.size(), stack.pipeline.slack().received().stream()
                .filter(r -> r.hook().equals("flaky")).count(), minGapMillis, afterRetryAfter,
                stack.smtp.attempts("flaky@known.example"), stack.smtp.acceptedFor("flaky@known.example").size(),
                gone.path("failureReason").asText(), bounce.path("failureReason").asText(), failing, permanent, retried));
        Scenarios.assertClean(tally);
        assertTrue(afterRetryAfter >= 2900, "second attempt waited for Retry-After: 3 s, was " + afterRetryAfter + " ms");
        assertTrue(minGapMillis >= 900, "attempts to one webhook at least ~1 s apart, min gap " + minGapMillis + " ms");
        assertTrue(attempts.size() >= tally.eventsExpected() + 7, "the 7 scripted failures were retried: " + attempts.size());
        assertEquals("FAILING", gone.path("status").asText());
        assertTrue(gone.path("failureReason").asText().contains("404"), gone.toString());
        assertEquals("FAILING", bounce.path("status").asText());
        assertTrue(bounce.path("failureReason").asText().contains("550"), bounce.toString());
        assertEquals(2.0, failing, "pactwatch_notifier_subscriptions_failing");
        assertTrue(permanent >= 2, "permanent deliveries counted: " + permanent);
        assertTrue(retried >= 13, "7 Slack and 6 SMTP failures counted as retries: " + retried);
        assertEquals(0, stack.smtp.acceptedFor("bounce@known.example").stream()
                .filter(m -> !m.subject().contains("onfirm")).count(), "nothing accepted for the bouncing mailbox");
        Map<String, Integer> goneDeliveries = stack.db.deliveries(goneSlack);
        assertTrue(goneDeliveries.getOrDefault("FAILED", 0) > 0 && !goneDeliveries.containsKey("SENT"),
                "the 404 hook's deliveries failed, none sent: " + goneDeliveries);
        assertEquals(Map.of("SENT", tally.eventsExpected()), stack.db.deliveries(flakyMail), "flaky mailbox deliveries");
        assertEquals(Map.of("SENT", tally.eventsExpected()), stack.db.deliveries(flakySlack), "flaky hook deliveries");
    }

    @Test
    @Order(3)
    void killNineOfEachServiceRepeatedlyWhileArticlesFlowLosesAndDuplicatesNothing() throws Exception {
        List<Country> countries = List.of(new Country("Iceland", "IS"), new Country("Poland", "PL"),
                new Country("Czechia", "CZ"), new Country("Estonia", "EE"));
        List<String> codes = Scenarios.codes(countries);
        long killsSlack = stack.subscribeSlack("kills", codes);
        long killsMail = stack.subscribeEmail("kills@known.example", codes);
        List<Known> known = KnownArticles.generate("kills", countries, PROFILE.killArticles(), 13);
        List<Known> viaFeeds = known.subList(0, PROFILE.feedItems());
        List<Known> viaRaw = known.subList(PROFILE.feedItems(), known.size());
        long flowMillis = 1000L * viaRaw.size() / PROFILE.articlesPerSecond();
        List<String> kills = new ArrayList<>();
        // the feeds release their items over the whole kill sequence, so the poller is killed while it publishes
        try (KnownFeedServer feeds = new KnownFeedServer(viaFeeds, 10, flowMillis * 3 / 2);
                RawProducer producer = new RawProducer(stack.bootstrap())) {
            for (int f = 0; f < feeds.feeds(); f++) {
                Http.Response r = Http.postJson(stack.pipeline.serviceUrl(Services.POLLER) + "/api/feeds",
                        stack.pipeline.settings().adminToken(), Json.write(Map.of("name", "known-" + f, "url", feeds.url(f),
                                "intervalSeconds", 1, "enabled", true, "fullText", false)));
                assertEquals(201, r.status(), "feed registered: " + r);
            }
            feeds.release();
            producer.sendAtRate(viaRaw, PROFILE.articlesPerSecond());
            List<String> order = List.of(Services.POLLER, Services.CLASSIFIER, Services.NOTIFIER);
            int total = order.size() * PROFILE.killRounds();
            long startedAt = System.currentTimeMillis();
            for (int k = 0; k < total; k++) {
                // kills on a fixed schedule over the flow; a restart that took longer only delays the next kill
                Thread.sleep(Math.max(1000, startedAt + (k + 1) * flowMillis / (total + 1) - System.currentTimeMillis()));
                String service = order.get(k % order.size());
                stack.pipeline.kill9(service);
                kills.add(service + "@" + producer.acked());
                Thread.sleep(1000);
                stack.pipeline.restart(service);
            }
            producer.await();
            assertEquals(List.of(), producer.failed(), "every raw record acknowledged by the broker");
            Await.until("every feed item released", () -> feeds.released() == viaFeeds.size(), Duration.ofMinutes(5));
            Scenarios.awaitSettled(stack, "kills", known, codes, List.of("kills"), List.of("kills@known.example"), Duration.ofMinutes(10));
        }
        Tally tally = Scenarios.tally(stack, "kills", known, codes, List.of("kills"), List.of("kills@known.example"));
        // the raw topic also holds the poison records of the first scenario: only values that parse are counted
        List<String> rawUrls = TopicReader.readAll(stack.bootstrap(), Topics.ARTICLES_RAW).stream()
                .map(r -> urlOf(r.value())).filter(u -> u != null && u.startsWith(KnownArticles.urlPrefix("kills")))
                .toList();
        long republished = rawUrls.size() - rawUrls.stream().distinct().count();
        int resent = stack.db.resentAfterCrash(killsSlack) + stack.db.resentAfterCrash(killsMail);
        Figures.record(tally, String.format("%d via %d feeds (poller), %d to the raw topic at %d/s; kill -9 + restart"
                + " (service@raw records acked so far): %s; raw records published twice (poller killed between the broker's"
                + " ack and its seen-mark, absorbed downstream): %d; deliveries re-sent after a notifier crash left them"
                + " claimed: %d", viaFeeds.size(), 10, viaRaw.size(), PROFILE.articlesPerSecond(), kills, republished,
                resent));
        // A notifier killed after Slack or the SMTP server accepted a message and before it recorded SENT sends that
        // message again once the claim expires (docs/alerts.md: at-least-once in that window; neither Slack webhooks
        // nor SMTP take an idempotency key). Such duplicates are counted and reported; any other is a failure.
        Scenarios.assertClean(tally.withoutDuplicateAlertsUpTo(resent));
    }

    @Test
    @Order(4)
    void brokerKillNineAndRestartMidStreamResumesByItself() throws Exception {
        List<Country> countries = List.of(new Country("Lithuania", "LT"), new Country("Luxembourg", "LU"),
                new Country("Romania", "RO"));
        List<String> codes = Scenarios.codes(countries);
        stack.subscribeSlack("broker", codes);
        List<Known> known = KnownArticles.generate("broker", countries, PROFILE.sideArticles() * 2, 14);
        List<String> services = List.of(Services.CLASSIFIER, Services.NOTIFIER, Services.POLLER);
        long downMillis;
        try (HealthWatch health = new HealthWatch(stack, services);
                RawProducer producer = new RawProducer(stack.bootstrap())) {
            producer.sendAtRate(known, PROFILE.articlesPerSecond());
            Await.until("a third of the records sent", () -> producer.acked() >= known.size() / 3, Duration.ofMinutes(2));
            stack.pipeline.broker().kill9();
            long killedAt = System.currentTimeMillis();
            Await.until("classifier and notifier readiness DOWN", () -> !stack.ready(Services.CLASSIFIER)
                    && !stack.ready(Services.NOTIFIER), Duration.ofSeconds(60));
            Thread.sleep(Math.max(0, PROFILE.brokerOutageSeconds() * 1000L - (System.currentTimeMillis() - killedAt)));
            stack.pipeline.broker().start();
            downMillis = System.currentTimeMillis() - killedAt;
            Await.until("every service ready again", () -> services.stream().allMatch(stack::ready), Duration.ofMinutes(3));
            producer.await();
            assertEquals(List.of(), producer.failed(), "every raw record acknowledged by the broker");
            Scenarios.awaitSettled(stack, "broker", known, codes, List.of("broker"), List.of(), Duration.ofMinutes(5));
            Tally tally = Scenarios.tally(stack, "broker", known, codes, List.of("broker"), List.of());
            Figures.record(tally, String.format("broker down %.1f s; readiness seen: classifier %s, notifier %s, poller %s",
                    downMillis / 1000.0, health.states(Services.CLASSIFIER), health.states(Services.NOTIFIER),
                    health.states(Services.POLLER)));
            Scenarios.assertClean(tally);
            for (String s : List.of(Services.CLASSIFIER, Services.NOTIFIER)) {
                List<String> states = health.states(s);
                assertTrue(states.contains("DOWN") && states.get(states.size() - 1).equals("UP"), s + " readiness " + states);
            }
        }
    }

    @Test
    @Order(5)
    void postgresStoppedAndRestartedMidStreamLosesAndDuplicatesNothing() throws Exception {
        List<Country> countries = List.of(new Country("Greece", "GR"), new Country("Ireland", "IE"),
                new Country("Slovenia", "SI"));
        List<String> codes = Scenarios.codes(countries);
        stack.subscribeSlack("pg", codes);
        stack.subscribeEmail("pg@known.example", codes);
        List<Known> known = KnownArticles.generate("pgoutage", countries, PROFILE.sideArticles() * 2, 15);
        List<String> services = List.of(Services.NOTIFIER, Services.POLLER);
        double deadLettersBefore = stack.metric(Services.NOTIFIER, "pactwatch_notifier_dead_letters_total", "");
        int dlqBefore = TopicReader.readAll(stack.bootstrap(), Topics.ARTICLES_CLASSIFIED_DLQ).size();
        try (HealthWatch health = new HealthWatch(stack, services);
                RawProducer producer = new RawProducer(stack.bootstrap())) {
            producer.sendAtRate(known, PROFILE.articlesPerSecond());
            Await.until("a third of the records sent", () -> producer.acked() >= known.size() / 3, Duration.ofMinutes(2));
            postgres.stopFast();
            long stoppedAt = System.currentTimeMillis();
            Await.until("notifier and poller readiness DOWN", () -> !stack.ready(Services.NOTIFIER)
                    && !stack.ready(Services.POLLER), Duration.ofSeconds(60));
            long downSeenAfter = System.currentTimeMillis() - stoppedAt;
            Thread.sleep(Math.max(0, PROFILE.postgresOutageSeconds() * 1000L - downSeenAfter));
            postgres.start();
            long outage = System.currentTimeMillis() - stoppedAt;
            Await.until("notifier and poller ready again", () -> services.stream().allMatch(stack::ready),
                    Duration.ofMinutes(3));
            long upAfter = System.currentTimeMillis() - stoppedAt - outage;
            producer.await();
            assertEquals(List.of(), producer.failed(), "every raw record acknowledged by the broker");
            Scenarios.awaitSettled(stack, "pgoutage", known, codes, List.of("pg"), List.of("pg@known.example"),
                    Duration.ofMinutes(5));
            Tally tally = Scenarios.tally(stack, "pgoutage", known, codes, List.of("pg"), List.of("pg@known.example"));
            int dlqAfter = TopicReader.readAll(stack.bootstrap(), Topics.ARTICLES_CLASSIFIED_DLQ).size();
            Figures.record(tally, String.format("PostgreSQL (private cluster) stopped with pg_ctl -m fast for %.1f s;"
                    + " readiness DOWN seen after %.1f s, UP again %.1f s after the restart; readiness seen: notifier %s,"
                    + " poller %s; dead-lettered during the outage: %d", outage / 1000.0, downSeenAfter / 1000.0,
                    upAfter / 1000.0, health.states(Services.NOTIFIER), health.states(Services.POLLER), dlqAfter - dlqBefore));
            Scenarios.assertClean(tally);
            for (String s : services) {
                List<String> states = health.states(s);
                assertTrue(states.contains("DOWN") && states.get(states.size() - 1).equals("UP"), s + " readiness " + states);
            }
            assertEquals(dlqBefore, dlqAfter, "nothing dead-lettered because of the outage");
            assertEquals(deadLettersBefore, stack.metric(Services.NOTIFIER, "pactwatch_notifier_dead_letters_total", ""),
                    "notifier dead-letter counter unchanged");
        }
    }

    private static String urlOf(String rawValue) {
        try {
            return Json.read(rawValue, io.pactwatch.contracts.RawArticle.class).url();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static void assertLaterRecordsOnSamePartition(String topic, String poisonKeyPrefix) {
        List<ConsumerRecord<String, String>> records = TopicReader.readAll(stack.bootstrap(), topic);
        for (ConsumerRecord<String, String> poison : records.stream().filter(r -> r.key() != null
                && r.key().startsWith(poisonKeyPrefix)).toList()) {
            long later = records.stream().filter(r -> r.partition() == poison.partition() && r.offset() > poison.offset())
                    .count();
            assertTrue(later > 0, "known records after the poison record on partition " + poison.partition());
        }
    }
}
