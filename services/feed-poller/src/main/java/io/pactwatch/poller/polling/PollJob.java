package io.pactwatch.poller.polling;

import io.pactwatch.contracts.RawArticle;
import io.pactwatch.contracts.UrlRedaction;
import io.pactwatch.poller.config.PollerConfig;
import io.pactwatch.poller.domain.ArticleText;
import io.pactwatch.poller.domain.FeedItem;
import io.pactwatch.poller.domain.FeedParseException;
import io.pactwatch.poller.domain.FeedParser;
import io.pactwatch.poller.domain.HtmlText;
import io.pactwatch.poller.domain.ItemDecision;
import io.pactwatch.poller.domain.ItemIdentity;
import io.pactwatch.poller.domain.ParsedFeed;
import io.pactwatch.poller.domain.PollSchedule;
import io.pactwatch.poller.fetch.FeedFetcher;
import io.pactwatch.poller.fetch.FetchException;
import io.pactwatch.poller.fetch.FetchResult;
import io.pactwatch.poller.messaging.PollMetrics;
import io.pactwatch.poller.messaging.RawArticlePublisher;
import io.pactwatch.poller.persistence.FeedRepository;
import io.pactwatch.poller.persistence.FeedRow;
import io.pactwatch.poller.persistence.PollSuccess;
import io.pactwatch.poller.persistence.SeenItemRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * One poll of one claimed feed: fetch, parse, publish what is new or edited (each item marked seen only after the
 * broker acknowledged it), then record the outcome and the next poll time (successes batched with other feeds' by
 * {@link OutcomeWriter}), which also releases the lease.
 */
@ApplicationScoped
public class PollJob {

    private static final Logger LOG = Logger.getLogger(PollJob.class);

    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final PollSchedule schedule;
    private final FeedRepository feeds;
    private final OutcomeWriter outcomes;
    private final SeenItemRepository seen;
    private final RawArticlePublisher publisher;
    private final PollMetrics metrics;
    private final int failingThreshold;

    public PollJob(FeedFetcher fetcher, PollerConfig config, FeedRepository feeds, OutcomeWriter outcomes,
            SeenItemRepository seen, RawArticlePublisher publisher, PollMetrics metrics) {
        this.fetcher = fetcher;
        this.parser = new FeedParser(config.limits().maxItemsPerFetch());
        this.schedule = new PollSchedule(config.jitter(), config.maxBackoff(), config.maxRefreshHint());
        this.feeds = feeds;
        this.outcomes = outcomes;
        this.seen = seen;
        this.publisher = publisher;
        this.metrics = metrics;
        this.failingThreshold = config.failingThreshold();
    }

    public Uni<Void> poll(FeedRow feed) {
        Instant started = Instant.now();
        Duration interval = Duration.ofSeconds(feed.intervalSeconds());
        return fetcher.fetch(feed.url(), feed.etag(), feed.lastModified()).chain(result -> {
            if (result.status() == 304) {
                metrics.fetched("304", Duration.between(started, Instant.now()));
                return outcomes.record(new PollSuccess(feed.id(), 304, result.etag(), result.lastModified(),
                        schedule.afterSuccess(Instant.now(), interval, null, result.cacheControl()), 0));
            }
            return parse(result, started).chain(parsed -> publishChanges(feed, parsed, started)
                    .chain(published -> {
                        metrics.fetched("200", Duration.between(started, Instant.now()));
                        return outcomes.record(new PollSuccess(feed.id(), 200, result.etag(), result.lastModified(),
                                schedule.afterSuccess(Instant.now(), interval, parsed.ttlMinutes(), result.cacheControl()),
                                published));
                    }));
        }).onFailure().recoverWithUni(error -> recordFailure(feed, interval, error, started));
    }

    private Uni<ParsedFeed> parse(FetchResult result, Instant fetchedAt) {
        return Uni.createFrom().item(() -> {
            try {
                return parser.parse(result.body(), result.contentType(), fetchedAt);
            } catch (FeedParseException e) {
                throw new FetchException(FetchException.Kind.PARSE, e.getMessage(), 200, null);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Uni<Integer> publishChanges(FeedRow feed, ParsedFeed parsed, Instant fetchedAt) {
        if (parsed.itemsDropped() > 0) {
            LOG.warnf("feed %d (%s): %d item(s) beyond the per-fetch cap dropped", feed.id(), feed.name(), parsed.itemsDropped());
        }
        List<FeedItem> items = parsed.items().stream().sorted(Comparator.comparing(FeedItem::publishedAt)).toList();
        Map<FeedItem, String> ids = new HashMap<>();
        items.forEach(item -> ids.put(item, ItemIdentity.articleId(feed.url(), item)));
        return seen.find(List.copyOf(new java.util.HashSet<>(ids.values()))).chain(known -> {
            // An unknown id whose link was seen under another id that is gone from the feed: the GUID changed.
            Map<String, FeedItem> unknownByUrl = new HashMap<>();
            items.stream().filter(i -> !known.containsKey(ids.get(i)) && ItemIdentity.canonicalUrl(i.link()) != null)
                    .forEach(i -> unknownByUrl.put(ItemIdentity.canonicalUrl(i.link()), i));
            return seen.findByUrl(feed.id(), List.copyOf(unknownByUrl.keySet())).chain(earlier -> {
                earlier.forEach((url, oldId) -> {
                    if (!ids.containsValue(oldId)) {
                        ids.put(unknownByUrl.get(url), oldId);
                    }
                });
                return seen.find(List.copyOf(new java.util.HashSet<>(earlier.values())))
                        .map(aliased -> { Map<String, SeenItemRepository.Seen> all = new HashMap<>(known);
                            all.putAll(aliased); return all; });
            });
        }).chain(known -> {
            Map<String, SeenItemRepository.Seen> state = new HashMap<>(known);
            return Multi.createFrom().iterable(items).onItem().transformToUniAndConcatenate(item -> {
                String id = ids.get(item);
                String summary = HtmlText.toPlain(item.summary());
                String hash = ItemIdentity.contentHash(item.title(), summary, null);
                SeenItemRepository.Seen last = state.get(id);
                ItemDecision decision = ItemDecision.decide(id, hash, last == null ? null : last.revision(),
                        last == null ? null : last.contentHash());
                if (decision == null) {
                    return Uni.createFrom().item(0);
                }
                return fullText(feed, item).chain(content -> publisher.publish(new RawArticle(id, decision.revision(),
                        String.valueOf(feed.id()), feed.name(), item.link(), item.title(), summary, content,
                        item.publishedAt(), fetchedAt, ItemIdentity.contentHash(item.title(), summary, content))))
                        .chain(() -> seen.markPublished(id, feed.id(), decision.revision(), hash,
                                ItemIdentity.canonicalUrl(item.link())))
                        .invoke(() -> {
                            state.put(id, new SeenItemRepository.Seen(decision.revision(), hash));
                            metrics.published(decision.isRevision());
                        }).replaceWith(1);
            }).collect().asList().map(list -> list.stream().mapToInt(Integer::intValue).sum());
        });
    }

    /**
     * The article page's main text for a full-text feed, fetched under the same limits and SSRF guard as feeds;
     * null (the summary stands in) when the feed is not full-text or the page cannot be fetched or read.
     */
    private Uni<String> fullText(FeedRow feed, FeedItem item) {
        if (!feed.fullText() || item.link() == null) {
            return Uni.createFrom().nullItem();
        }
        return fetcher.fetch(item.link(), null, null).emitOn(Infrastructure.getDefaultWorkerPool())
                .map(page -> ArticleText.extract(page.body(), page.contentType(), item.link()))
                .invoke(text -> metrics.fullText(text != null))
                .onFailure().invoke(e -> {
                    metrics.fullText(false);
                    LOG.debugf("full text of %s not fetched: %s", UrlRedaction.passwordsHidden(item.link()),
                            UrlRedaction.passwordHiddenIn(e.getMessage(), item.link()));
                }).onFailure().recoverWithNull();
    }

    private Uni<Void> recordFailure(FeedRow feed, Duration interval, Throwable error, Instant started) {
        FetchException fe = error instanceof FetchException f ? f
                : new FetchException(FetchException.Kind.NETWORK, String.valueOf(error.getMessage()));
        // the URL's password never reaches the log, the stored error text or (through it) the API
        String message = UrlRedaction.passwordHiddenIn(fe.getMessage(), feed.url());
        metrics.fetched(fe.kind().name(), Duration.between(started, Instant.now()));
        int failures = feed.consecutiveFailures() + 1;
        Instant next = schedule.afterFailure(Instant.now(), interval, failures, fe.retryAfter());
        if (failures >= failingThreshold) {
            LOG.warnf("feed %d (%s) failing: %d consecutive failures, last: %s", feed.id(), feed.name(), failures, message);
        } else {
            LOG.infof("feed %d (%s) poll failed (%s): %s; next poll %s", feed.id(), feed.name(), fe.kind(), message, next);
        }
        return feeds.recordFailure(feed.id(), fe.status(), fe.kind() + ": " + message, next);
    }
}
