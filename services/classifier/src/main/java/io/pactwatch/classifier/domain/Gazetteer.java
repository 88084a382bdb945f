package io.pactwatch.classifier.domain;

import io.pactwatch.classifier.domain.PlaceMention.Form;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds country (and EU) mentions by name, short form, demonym or capital-as-metonym. Matching is case-sensitive
 * (proper nouns), longest-first and whole-word, keyed by the first letter run so a text is scanned once.
 */
public final class Gazetteer {

    private record Alias(String surface, Place place, Form form) {
    }

    private final Map<String, List<Alias>> byFirstRun = new HashMap<>();
    private final Map<String, Place> byCode = new LinkedHashMap<>();

    public Gazetteer add(Place place, Form form, String surface) {
        String s = surface.strip();
        if (s.isEmpty()) {
            return this;
        }
        byCode.putIfAbsent(place.code(), place);
        List<Alias> list = byFirstRun.computeIfAbsent(firstRun(s, 0), k -> new ArrayList<>());
        if (list.stream().noneMatch(a -> a.surface().equals(s))) {
            list.add(new Alias(s, place, form));
            list.sort(Comparator.comparingInt((Alias a) -> a.surface().length()).reversed());
        }
        return this;
    }

    public Optional<Place> place(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public int size() {
        return byCode.size();
    }

    /** Mentions in {@code text[from, to)}, left to right, non-overlapping. */
    public List<PlaceMention> find(String text, int from, int to) {
        List<PlaceMention> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isUpperCase(c) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                List<Alias> candidates = byFirstRun.get(firstRun(text, i));
                PlaceMention found = candidates == null ? null : longest(candidates, text, i, to);
                if (found != null) {
                    out.add(found);
                    i = found.end();
                    continue;
                }
            }
            i++;
        }
        return out;
    }

    private static PlaceMention longest(List<Alias> candidates, String text, int at, int to) {
        for (Alias a : candidates) {
            int end = at + a.surface().length();
            if (end <= to && text.startsWith(a.surface(), at)
                    && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end))
                            || a.surface().endsWith("."))) {
                return new PlaceMention(a.place(), at, end, a.form());
            }
        }
        return null;
    }

    private static String firstRun(String s, int from) {
        int j = from;
        while (j < s.length() && Character.isLetter(s.charAt(j))) {
            j++;
        }
        return s.substring(from, j);
    }
}
