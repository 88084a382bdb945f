package io.pactwatch.bench;

import io.pactwatch.classifier.domain.ArticleInput;
import io.pactwatch.classifier.domain.Classifier;
import io.pactwatch.classifier.domain.ClassifierFactory;
import io.pactwatch.classifier.domain.HtmlText;
import io.pactwatch.contracts.ClassifiedArticle;
import io.pactwatch.contracts.RawArticle;
import io.pactwatch.contracts.ExtractedEvent;
import io.pactwatch.contracts.TrackerVerdict;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The replay benchmark's input: N classified records made as the pipeline makes them, without the pipeline. The
 * articles are {@link SyntheticArticles}' mix (about 10 % agreement news), its agreement items re-written as reports
 * of {@link NewsEvents}, and each is run through the real classifier rules in this JVM. Generated in chunks, so a
 * million records never sit in memory at once.
 */
final class ClassifiedCorpus {

    private static final int CHUNK = 10_000;

    private final Classifier classifier = ClassifierFactory.bundled();
    private final NewsEvents news;
    private final long seed;
    private long relevant;
    private long events;
    private final Set<String> distinctEvents = new HashSet<>();

    ClassifiedCorpus(long seed, double skew) {
        this.seed = seed;
        this.news = NewsEvents.calendar(seed, skew);
    }

    double skew() {
        return news.skew();
    }

    /** Hands N classified records, with distinct article ids, to {@code sink} in order. */
    void generate(int n, Consumer<ClassifiedArticle> sink) {
        for (int done = 0, chunk = 0; done < n; done += CHUNK, chunk++) {
            // each chunk is a SyntheticArticles run of its own seed, whose ids ("bench-<seed>-<i>") never repeat
            for (RawArticle article : SyntheticArticles.generate(Math.min(CHUNK, n - done), seed * 1_000_003 + chunk)) {
                sink.accept(classify(isAgreementNews(article) ? asEventReport(article) : article));
            }
        }
    }

    long relevant() {
        return relevant;
    }

    /** Events the classifier extracted over all relevant records (one event usually has many reports). */
    long extractedEvents() {
        return events;
    }

    /** Distinct (counterpart, type, round) among the extracted events: roughly the events a store should hold. */
    int distinctEvents() {
        return distinctEvents.size();
    }

    int calendarSize() {
        return news.size();
    }

    String classifierVersion() {
        return classifier.version();
    }

    private static boolean isAgreementNews(RawArticle article) {
        return article.title().contains("Ukraine");
    }

    private RawArticle asEventReport(RawArticle article) {
        NewsEvents.Report report = news.nextReport();
        return new RawArticle(article.articleId(), 1, report.outlet().toLowerCase().replace(' ', '-'), report.outlet(),
                "https://" + report.outlet().toLowerCase().replace(' ', '-') + ".example/" + article.articleId(),
                report.title(), report.summary(), null, report.publishedAt(), report.publishedAt().plusSeconds(300),
                article.contentHash());
    }

    /** What the classifier service publishes for a raw article (its {@code ArticleClassification}), minus metrics. */
    private ClassifiedArticle classify(RawArticle raw) {
        Classifier.Result result = classifier.classify(new ArticleInput(raw.title(), raw.summary(), raw.content(),
                raw.publishedAt()));
        if (result.relevant()) {
            relevant++;
            for (TrackerVerdict verdict : result.verdicts()) {
                for (ExtractedEvent e : verdict.events()) {
                    events++;
                    distinctEvents.add(e.counterpart() + "/" + e.type() + "/" + e.round());
                }
            }
        }
        return new ClassifiedArticle(raw.articleId(), raw.revision(), raw.feedName(), raw.url(),
                HtmlText.toPlainText(raw.title()), HtmlText.toPlainText(raw.summary()), raw.publishedAt(),
                result.relevant(), result.score(), classifier.version(), raw.fetchedAt(), result.verdicts());
    }
}
