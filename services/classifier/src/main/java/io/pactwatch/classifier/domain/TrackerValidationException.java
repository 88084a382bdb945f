package io.pactwatch.classifier.domain;

import java.util.List;

/** A tracker file that cannot be used, with every problem found, each naming the file and field. */
public class TrackerValidationException extends RuntimeException {

    private final List<String> problems;

    public TrackerValidationException(String source, List<String> problems) {
        super(source + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
