package io.pactwatch.reliability;

import io.pactwatch.local.testing.TopicReader;
import com.fasterxml.jackson.databind.JsonNode;
import io.pactwatch.contracts.ClassifiedArticle;
import io.pactwatch.contracts.Json;
import io.pactwatch.contracts.Topics;
import io.pactwatch.local.demo.SlackCapture;
import io.pactwatch.reliability.KnownArticles.Known;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The count of one scenario, from what the system kept (notifier tables, the classified topic, the Slack stand-in,
 * the mail server) against what the generator sent: every known article is either stored (relevant) or correctly
 * dropped (classified not relevant and not stored); whatever is neither is lost. Events and alerts are compared with
 * the events the generator wrote down.
 */
record Tally(String scenario, long sent, long stored, long dropped, long lost, Set<String> lostSample,
        int eventsExpected, int eventsFound, Set<String> missingEvents, int duplicateEvents, Set<String> unexpectedEvents,
        int alertsExpected, int alertsReceived, int duplicateAlerts, int missingAlerts) {

    /** Alerts of one subscription: the event ids (or subjects) received, one entry per message. */
    record Alerts(String name, List<String> received) {
    }

    static Tally of(String scenario, List<Known> sent, String bootstrap, NotifierDb db, List<String> counterparts,
            List<Alerts> alerts) {
        String prefix = KnownArticles.urlPrefix(scenario);
        Map<String, Integer> storedRows = db.storedArticles(prefix);
        Map<String, Boolean> classified = new HashMap<>();
        TopicReader.readAll(bootstrap, Topics.ARTICLES_CLASSIFIED).stream()
                .map(r -> safeRead(r.value())).filter(c -> c != null && c.url() != null && c.url().startsWith(prefix))
                .forEach(c -> classified.merge(c.url(), c.relevant(), Boolean::logicalOr));
        long stored = 0;
        long dropped = 0;
        Set<String> lost = new TreeSet<>();
        for (Known k : sent) {
            String url = k.article().url();
            if (k.relevant() && storedRows.containsKey(url)) {
                stored++;
            } else if (!k.relevant() && Boolean.FALSE.equals(classified.get(url)) && !storedRows.containsKey(url)) {
                dropped++;
            } else {
                lost.add(url.substring(prefix.length()) + (k.relevant() ? "(relevant)" : ""));
            }
        }
        Set<String> expected = KnownArticles.events(sent);
        List<NotifierDb.EventRow> rows = db.events(counterparts);
        Map<String, Long> perKey = rows.stream().collect(Collectors.groupingBy(NotifierDb.EventRow::key, Collectors.counting()));
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(perKey.keySet());
        Set<String> unexpected = new TreeSet<>(perKey.keySet());
        unexpected.removeAll(expected);
        int duplicateEvents = (int) perKey.values().stream().mapToLong(n -> n - 1).sum();
        int received = 0;
        int duplicates = 0;
        int missingAlerts = 0;
        for (Alerts a : alerts) {
            received += a.received().size();
            duplicates += a.received().size() - new HashSet<>(a.received()).size();
            missingAlerts += Math.max(0, expected.size() - new HashSet<>(a.received()).size());
        }
        return new Tally(scenario, sent.size(), stored, dropped, lost.size(), sample(lost), expected.size(),
                perKey.size(), missing, duplicateEvents, unexpected, expected.size() * alerts.size(), received, duplicates,
                missingAlerts);
    }

    /** The event ids of the Slack messages a hook received (from the message's context line). */
    static Alerts slack(SlackCapture slack, String hook) {
        return new Alerts("slack:" + hook, slack.received().stream().filter(r -> r.hook().equals(hook))
                .map(r -> eventIdOf(r.payload())).toList());
    }

    static String eventIdOf(JsonNode payload) {
        for (JsonNode block : payload.path("blocks")) {
            for (JsonNode element : block.path("elements")) {
                String text = element.path("text").asText("");
                int at = text.lastIndexOf("event ");
                if (at >= 0) {
                    return text.substring(at + "event ".length()).trim();
                }
            }
        }
        return payload.path("text").asText();
    }

    private static ClassifiedArticle safeRead(String value) {
        try {
            return Json.read(value, ClassifiedArticle.class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Set<String> sample(Collection<String> values) {
        return values.stream().limit(20).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * This tally with up to {@code explained} duplicate alerts taken out: for the notifier's documented at-least-once
     * window (a crash between the receiver's acceptance and the recorded SENT), measured and reported separately.
     */
    Tally withoutDuplicateAlertsUpTo(int explained) {
        int left = Math.max(0, duplicateAlerts - explained);
        return new Tally(scenario, sent, stored, dropped, lost, lostSample, eventsExpected, eventsFound, missingEvents,
                duplicateEvents, unexpectedEvents, alertsExpected, alertsReceived - (duplicateAlerts - left), left,
                missingAlerts);
    }

    String row(String extra) {
        return String.format("| %s | %,d | %,d | %,d | %,d | %d/%d | %d | %d/%d | %d | %s |", scenario, sent, stored, dropped,
                lost, eventsFound - unexpectedEvents.size(), eventsExpected, duplicateEvents, alertsReceived - duplicateAlerts,
                alertsExpected, duplicateAlerts, extra);
    }
}
