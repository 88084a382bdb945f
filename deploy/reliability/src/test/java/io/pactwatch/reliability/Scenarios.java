package io.pactwatch.reliability;

import io.pactwatch.local.testing.TopicReader;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.pactwatch.reliability.KnownArticles.Country;
import io.pactwatch.reliability.KnownArticles.Known;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What every scenario does around its fault: wait until the pipeline settled, count, assert nothing lost or doubled. */
final class Scenarios {

    private Scenarios() {
    }

    static List<String> codes(List<Country> countries) {
        return countries.stream().map(Country::code).toList();
    }

    static Tally tally(Stack stack, String scenario, List<Known> known, List<String> codes, List<String> hooks, List<String> mails) {
        List<Tally.Alerts> alerts = new ArrayList<>();
        hooks.forEach(h -> alerts.add(Tally.slack(stack.pipeline.slack(), h)));
        mails.forEach(m -> alerts.add(new Tally.Alerts("mail:" + m, stack.smtp.acceptedFor(m).stream()
                .map(ScriptableSmtp.Accepted::subject).filter(s -> !s.contains("onfirm")).toList())));
        return Tally.of(scenario, known, stack.bootstrap(), stack.db, codes, alerts);
    }

    /**
     * Waits until every relevant known article is stored, every expected alert arrived and every known article is on
     * the classified topic (or the timeout passed), then a few seconds more so that duplicates, if the system made any, arrive before counting.
     */
    static void awaitSettled(Stack stack, String scenario, List<Known> known, List<String> codes, List<String> hooks,
            List<String> mails, Duration timeout) throws InterruptedException {
        long relevant = KnownArticles.relevant(known);
        int events = KnownArticles.events(known).size();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean stored = stack.db.storedArticles(KnownArticles.urlPrefix(scenario)).size() >= relevant;
            boolean alerted = hooks.stream().allMatch(h -> Tally.slack(stack.pipeline.slack(), h).received().size() >= events)
                    && mails.stream().allMatch(m -> stack.smtp.acceptedFor(m).stream()
                            .filter(a -> !a.subject().contains("onfirm")).count() >= events);
            if (stored && alerted) {
                break;
            }
            Thread.sleep(500);
        }
        // irrelevant articles behind the last relevant one may still be on their way through the classifier
        while (System.nanoTime() < deadline && classifiedUrls(stack, scenario) < known.size()) {
            Thread.sleep(3000);
        }
        Thread.sleep(3000);
    }

    /** Distinct known URLs of the scenario on the classified topic. */
    static long classifiedUrls(Stack stack, String scenario) {
        String prefix = KnownArticles.urlPrefix(scenario);
        return TopicReader.readAll(stack.bootstrap(), io.pactwatch.contracts.Topics.ARTICLES_CLASSIFIED).stream()
                .map(r -> r.value()).filter(v -> v != null && v.contains(prefix))
                .map(v -> v.replaceAll("(?s).*\"url\":\"(" + java.util.regex.Pattern.quote(prefix) + "[^\"]*)\".*", "$1"))
                .distinct().count();
    }

    static void assertClean(Tally t) {
        assertEquals(t.sent(), t.stored() + t.dropped(), "every article stored or correctly dropped; lost: " + t.lostSample());
        assertEquals(0, t.lost(), "lost: " + t.lostSample());
        assertEquals(Set.of(), t.missingEvents(), "events missing");
        assertEquals(Set.of(), t.unexpectedEvents(), "events nobody reported");
        assertEquals(0, t.duplicateEvents(), "duplicate events");
        assertEquals(0, t.missingAlerts(), "alerts missing: " + t);
        assertEquals(0, t.duplicateAlerts(), "duplicate alerts: " + t);
    }

}
