package io.pactwatch.classifier.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a sentence into clauses at coordinating and subordinating breaks, so a recap clause ("..., after Germany
 * signed in February") does not taint the news clause, and each trigger keeps the counterparts of its own clause.
 */
final class Clauses {

    private static final Pattern BREAK = Pattern.compile(";|, (?:and|but|while|whereas|although|though|after|"
            + "before|when|which|who|where|as|since|following|weeks after|days after|months after)\\b"
            + "| (?:while|whereas) |\u2014| \u2013 | - ");

    private final List<int[]> spans = new ArrayList<>();

    Clauses(String lower) {
        Matcher m = BREAK.matcher(lower);
        int start = 0;
        while (m.find()) {
            spans.add(new int[] {start, m.start()});
            start = m.start();
        }
        spans.add(new int[] {start, lower.length()});
    }

    int of(int at) {
        for (int i = 0; i < spans.size(); i++) {
            if (at >= spans.get(i)[0] && at < spans.get(i)[1]) {
                return i;
            }
        }
        return spans.size() - 1;
    }

    int start(int clause) {
        return spans.get(clause)[0];
    }

    int end(int clause) {
        return spans.get(clause)[1];
    }
}
