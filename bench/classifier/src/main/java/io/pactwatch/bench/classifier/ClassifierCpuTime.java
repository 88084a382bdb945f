package io.pactwatch.bench.classifier;

import io.pactwatch.classifier.domain.ArticleInput;
import io.pactwatch.classifier.domain.Classifier;
import io.pactwatch.classifier.domain.ClassifierFactory;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;

/**
 * Classification throughput per CPU-second of the classifying thread, beside the JMH figure: on the shared machine
 * the wall-clock rate falls with every other build, while articles per second of this thread's own CPU time does
 * not (much). Warm-up and rounds are counted in this thread's CPU seconds too, so a loaded machine does not cut the
 * JIT's warm-up short. Same corpus mixes as {@link ClassifierThroughput} (the pipeline benchmark's synthetic feed items
 * through {@code SyntheticClassifierCpuTime}). Arguments: mix ("corpus" or "long-pages"), warm-up CPU seconds,
 * measured rounds, CPU seconds per round.
 */
public final class ClassifierCpuTime {

    private ClassifierCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        String mix = args.length > 0 ? args[0] : "corpus";
        List<ArticleInput> articles = ClassifierThroughput.readCorpus(ClassifierThroughput.corpusDir(),
                "long-pages".equals(mix));
        measure(mix, articles, args, 1);
    }

    /**
     * Prints the rounds' articles per CPU-second for {@code articles} under {@code label}; reads warm-up CPU seconds,
     * measured rounds and CPU seconds per round from {@code args}, starting at index {@code first}.
     */
    public static void measure(String label, List<ArticleInput> articles, String[] args, int first) {
        int warmup = args.length > first ? Integer.parseInt(args[first]) : 6;
        int rounds = args.length > first + 1 ? Integer.parseInt(args[first + 1]) : 5;
        int seconds = args.length > first + 2 ? Integer.parseInt(args[first + 2]) : 2;
        Classifier classifier = ClassifierFactory.bundled();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        run(classifier, articles, threads, warmup);
        for (int r = 1; r <= rounds; r++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            long n = run(classifier, articles, threads, seconds);
            double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
            double wall = (System.nanoTime() - wall0) / 1e9;
            System.out.printf("%s round %d: %.0f articles per CPU-second (%.0f/s wall, thread had %.0f %% of a core)%n",
                    label, r, n / cpu, n / wall, 100 * cpu / wall);
        }
    }

    /** Classifies articles in corpus order until this thread has used {@code seconds} of CPU; the count. */
    private static long run(Classifier classifier, List<ArticleInput> articles, ThreadMXBean threads, int seconds) {
        long end = threads.getCurrentThreadCpuTime() + seconds * 1_000_000_000L;
        long n = 0;
        int next = 0;
        long sink = 0;
        while ((n & 63) != 0 || threads.getCurrentThreadCpuTime() < end) {
            sink += classifier.classify(articles.get(next)).verdicts().size();
            next = next + 1 == articles.size() ? 0 : next + 1;
            n++;
        }
        if (sink < 0) {
            throw new IllegalStateException();
        }
        return n;
    }
}
