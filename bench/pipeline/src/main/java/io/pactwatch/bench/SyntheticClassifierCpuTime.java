package io.pactwatch.bench;

import io.pactwatch.bench.classifier.ClassifierCpuTime;
import io.pactwatch.classifier.domain.ArticleInput;
import io.pactwatch.contracts.RawArticle;
import java.util.List;

/**
 * The classifier's domain code per CPU-second on the pipeline benchmark's own articles (about 10 % agreement news, the
 * rest other news): a feed-like mix, where the development corpus is mostly agreement news. Arguments: warm-up CPU
 * seconds, measured rounds, CPU seconds per round (as {@link ClassifierCpuTime}).
 */
public final class SyntheticClassifierCpuTime {

    private SyntheticClassifierCpuTime() {
    }

    public static void main(String[] args) {
        List<ArticleInput> articles = SyntheticArticles.generate(20_000, 42).stream()
                .map((RawArticle a) -> new ArticleInput(a.title(), a.summary(), a.content(), a.publishedAt()))
                .toList();
        ClassifierCpuTime.measure("synthetic", articles, args, 0);
    }
}
