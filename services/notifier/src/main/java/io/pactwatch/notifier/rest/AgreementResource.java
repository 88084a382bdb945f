package io.pactwatch.notifier.rest;

import io.pactwatch.contracts.EventType;
import io.pactwatch.notifier.persistence.AgreementEventEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where each negotiation stands: per tracker and counterpart, talks opened, last round, planned and signed dates. */
@Path("/api/agreements")
@Produces(MediaType.APPLICATION_JSON)
public class AgreementResource {

    /** The current state of one counterpart's agreement. */
    public record AgreementState(String trackerId, String counterpart, String counterpartName, String stage,
            LocalDate talksOpenedOn, Integer lastRound, LocalDate lastRoundOn, LocalDate signingPlannedFor,
            LocalDate signedOn, int events) {
    }

    @GET
    public Uni<List<AgreementState>> list(@QueryParam("tracker") String tracker) {
        return Panache.withSession(() -> (tracker == null
                ? AgreementEventEntity.<AgreementEventEntity>listAll(Sort.by("eventDate"))
                : AgreementEventEntity.<AgreementEventEntity>list("trackerId", Sort.by("eventDate"), tracker)))
                .map(AgreementResource::summarise);
    }

    static List<AgreementState> summarise(List<AgreementEventEntity> events) {
        Map<String, List<AgreementEventEntity>> byCounterpart = new LinkedHashMap<>();
        events.forEach(e -> byCounterpart.computeIfAbsent(e.trackerId + "|" + e.counterpart, k -> new ArrayList<>()).add(e));
        List<AgreementState> states = new ArrayList<>();
        byCounterpart.values().forEach(list -> {
            AgreementEventEntity any = list.get(0);
            LocalDate talks = null, roundOn = null, planned = null, signed = null;
            Integer round = null;
            for (AgreementEventEntity e : list) {
                switch (e.type) {
                    case TALKS_OPENED -> talks = e.eventDate;
                    case ROUND -> {
                        if (roundOn == null || !e.eventDate.isBefore(roundOn)) {
                            roundOn = e.eventDate;
                            round = e.round;
                        }
                    }
                    case SIGNING_PLANNED -> planned = e.eventDate;
                    case SIGNED -> signed = e.eventDate;
                }
            }
            String stage = signed != null ? EventType.SIGNED.name() : planned != null ? EventType.SIGNING_PLANNED.name()
                    : roundOn != null ? EventType.ROUND.name() : EventType.TALKS_OPENED.name();
            states.add(new AgreementState(any.trackerId, any.counterpart, any.counterpartName, stage, talks, round,
                    roundOn, planned, signed, list.size()));
        });
        return states;
    }
}
