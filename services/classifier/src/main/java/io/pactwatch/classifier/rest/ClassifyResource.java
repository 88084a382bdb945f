package io.pactwatch.classifier.rest;

import io.pactwatch.classifier.config.TrackerRegistry;
import io.pactwatch.classifier.domain.ArticleInput;
import io.pactwatch.classifier.domain.Classifier;
import io.pactwatch.contracts.ExtractedEvent;
import io.pactwatch.contracts.TrackerVerdict;
import io.pactwatch.contracts.rest.BodyTooLarge;
import io.pactwatch.contracts.rest.JsonBodyErrors;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;

/**
 * {@code POST /api/classify}: classifies one article on demand, for people debugging a tracker and for evaluation tools.
 * Public by design; bad requests get a 4xx with {@code {"errors":[…]}} (see {@link JsonBodyErrors}, {@link BodyTooLarge}).
 */
@Path("/api/classify")
public class ClassifyResource {

    private final TrackerRegistry trackers;

    public ClassifyResource(TrackerRegistry trackers) {
        this.trackers = trackers;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ClassifyResponse classify(ClassifyRequest request) {
        List<String> problems = request == null ? List.of("title is required") : request.problems();
        if (!problems.isEmpty()) {
            throw new BadRequestException(JsonBodyErrors.badRequest(problems));
        }
        Classifier classifier = trackers.classifier();
        var result = classifier.classify(new ArticleInput(request.title(), request.summary(), request.content(),
                parseInstant(request.publishedAt())));
        List<ClassifyResponse.Verdict> all = result.verdicts().stream()
                .map(v -> verdict(v, classifier.version()))
                .sorted(Comparator.comparingDouble(ClassifyResponse.Verdict::score).reversed()).toList();
        List<ClassifyResponse.Verdict> matched = all.stream().filter(ClassifyResponse.Verdict::relevant).toList();
        List<ClassifyResponse.Verdict> shown = matched.isEmpty() ? all : matched;
        ClassifyResponse.Verdict best = shown.get(0);
        return new ClassifyResponse(best.relevant(), best.score(), best.trackerId(), best.classifierVersion(),
                best.events(), request.url(), shown);
    }

    static Instant parseInstant(String value) {
        if (value == null || value.isBlank()) {
            return Instant.now();
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw new BadRequestException("publishedAt must be ISO-8601, e.g. 2024-05-07T10:00:00Z: " + value);
            }
        }
    }

    private static ClassifyResponse.Verdict verdict(TrackerVerdict v, String version) {
        return new ClassifyResponse.Verdict(v.relevant(), v.score(), v.trackerId(), version,
                v.events().stream().map(ClassifyResource::event).toList());
    }

    private static ClassifyResponse.Event event(ExtractedEvent e) {
        return new ClassifyResponse.Event(e.counterpart(), e.counterpartName(), e.type().name(), e.round(), e.date(),
                e.certainty().name(), e.score(), e.evidence().sentence(), e.evidence().start(), e.evidence().end(),
                e.evidence().rule());
    }
}
