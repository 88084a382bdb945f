package io.pactwatch.classifier.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.pactwatch.contracts.EventType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a tracker YAML document and validates it, collecting every problem (unknown fields, bad regular
 * expressions, unknown codes or event types) into one {@link TrackerValidationException}.
 */
public final class TrackerParser {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private final Gazetteer gazetteer;

    public TrackerParser(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    public Tracker parse(String source, String yaml) {
        TrackerSpec spec;
        try {
            spec = YAML.readValue(yaml, TrackerSpec.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            throw new TrackerValidationException(source, List.of("not a valid tracker document" + where + ": "
                    + e.getOriginalMessage()));
        }
        if (spec == null) {
            throw new TrackerValidationException(source, List.of("empty document"));
        }
        return validate(source, spec);
    }

    Tracker validate(String source, TrackerSpec spec) {
        List<String> problems = new ArrayList<>();
        if (spec.id() == null || !ID.matcher(spec.id()).matches()) {
            problems.add("id: required, lower-case words joined by dashes, got " + spec.id());
        }
        String subject = null;
        List<String> subjectAliases = List.of();
        if (spec.subject() == null || spec.subject().code() == null) {
            problems.add("subject.code: required");
        } else {
            subject = spec.subject().code();
            checkCode("subject.code", subject, problems);
            subjectAliases = nonNull(spec.subject().aliases());
        }
        Pattern kind = null;
        Pattern refs = null;
        Pattern excluded = null;
        if (spec.agreement() == null || nonNull(spec.agreement().phrases()).isEmpty()) {
            problems.add("agreement.phrases: at least one phrase is required");
        } else {
            kind = compile("agreement.phrases", spec.agreement().phrases(), true, problems);
            refs = compile("agreement.references", spec.agreement().references(), true, problems);
            excluded = compile("agreement.excluded", spec.agreement().excluded(), true, problems);
        }
        Set<String> include = codes("counterparts.include", spec.counterparts() == null ? null
                : spec.counterparts().include(), problems);
        Set<String> exclude = codes("counterparts.exclude", spec.counterparts() == null ? null
                : spec.counterparts().exclude(), problems);
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        List<String> events = spec.events() == null || spec.events().isEmpty()
                ? List.of("TALKS_OPENED", "ROUND", "SIGNING_PLANNED", "SIGNED") : spec.events();
        for (String e : events) {
            try {
                types.add(EventType.valueOf(e));
            } catch (IllegalArgumentException ex) {
                problems.add("events: unknown event type '" + e + "', expected one of " + List.of(EventType.values()));
            }
        }
        int leadSentences = spec.lead() == null || spec.lead().sentences() == null ? 3 : spec.lead().sentences();
        int recentDays = spec.lead() == null || spec.lead().recentDays() == null ? 10 : spec.lead().recentDays();
        if (leadSentences < 0 || leadSentences > 20) {
            problems.add("lead.sentences: must be between 0 and 20, got " + leadSentences);
        }
        if (recentDays < 0 || recentDays > 365) {
            problems.add("lead.recentDays: must be between 0 and 365, got " + recentDays);
        }
        if (!problems.isEmpty()) {
            throw new TrackerValidationException(source, problems);
        }
        Pattern aliases = subjectAliases.isEmpty() ? null
                : Tracker.anyOf(subjectAliases.stream().map(Pattern::quote).toList(), false);
        return new Tracker(spec.id(), spec.name() == null ? spec.id() : spec.name(), subject, aliases, kind, refs,
                excluded, include, exclude, types, leadSentences, recentDays);
    }

    private void checkCode(String field, String code, List<String> problems) {
        if (gazetteer.place(code).isEmpty()) {
            problems.add(field + ": unknown ISO 3166-1 alpha-2 code '" + code + "'");
        }
    }

    private Set<String> codes(String field, List<String> codes, List<String> problems) {
        Set<String> out = new HashSet<>();
        for (String c : nonNull(codes)) {
            checkCode(field, c, problems);
            out.add(c);
        }
        return Set.copyOf(out);
    }

    private static Pattern compile(String field, List<String> regexes, boolean ci, List<String> problems) {
        List<String> list = nonNull(regexes);
        for (String r : list) {
            try {
                Pattern.compile(r);
            } catch (PatternSyntaxException e) {
                problems.add(field + ": invalid regular expression '" + r + "': " + e.getDescription());
                return null;
            }
        }
        return Tracker.anyOf(list, ci);
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
