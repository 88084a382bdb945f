package io.pactwatch.local.testing;

/**
 * Reads values out of a service's {@code /q/metrics} page (Prometheus text format), for tests and benchmarks that
 * check what a service counted.
 */
public final class PrometheusText {

    private PrometheusText() {
    }

    /**
     * The sum of the samples of metric {@code name} (a series name as printed, e.g. {@code x_seconds_count}) whose
     * labels contain {@code labelPart} (null: all of them); 0 when there is none.
     */
    public static double sum(String page, String name, String labelPart) {
        return page.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> labelPart == null || l.contains(labelPart))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
