package io.pactwatch.notifier.persistence;

import io.pactwatch.contracts.AgreementEvent;
import io.pactwatch.contracts.ChangeKind;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sources of the events a notifier changed last, as written in their latest view, so the next batch that changes
 * such an event adds its new sources in memory instead of reading the event's earliest {@link AgreementEvent#MAX_SOURCES}
 * sources from PostgreSQL again (that read was the costliest step of the event-store transaction, which runs one at a
 * time behind the counterpart locks). An entry is used only for the version it was written for: a change made by
 * another replica, or a transaction that rolled back, raises or keeps the stored version, so the entry is not used and
 * the sources are read from the database. Entries are put only after their transaction committed. The dispatcher
 * builds an alert's view from it too, so an alert sent right after its event changed does not read them either.
 */
@ApplicationScoped
public class ViewSourcesCache {

    /** Events kept, least recently used dropped first: a full entry holds 100 sources and their JSON, about 200 kB. */
    static final int MAX_EVENTS = 256;

    private record Entry(long version, List<EventSourceEntity> sources) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_EVENTS;
        }
    };

    /** The sources of the event's view at exactly this version (oldest first), or null when not known. */
    public synchronized List<EventSourceEntity> at(String eventId, long version) {
        Entry e = entries.get(eventId);
        return e != null && e.version() == version ? e.sources() : null;
    }

    /** The event's view with its earliest sources: the kept ones when kept for its version, else read. */
    public Uni<AgreementEvent> view(AgreementEventEntity e, ChangeKind change) {
        List<EventSourceEntity> kept = at(e.id, e.version);
        return kept != null ? Uni.createFrom().item(EventViews.of(e, change, kept)) : EventViews.load(e, change);
    }

    /** Remembers the sources a committed view of this version was built from. */
    public synchronized void put(String eventId, long version, List<EventSourceEntity> sources) {
        entries.put(eventId, new Entry(version, List.copyOf(sources)));
    }

    synchronized int size() {
        return entries.size();
    }

    /**
     * The earliest {@link AgreementEvent#MAX_SOURCES} of an event's sources after adding some, oldest first: the
     * earliest of (the earliest before) and (the added) are the earliest of all.
     *
     * @param earliest the event's earliest sources before, oldest first
     * @param added sources attached since, any order
     */
    public static List<EventSourceEntity> merge(List<EventSourceEntity> earliest, Collection<EventSourceEntity> added) {
        List<EventSourceEntity> all = new ArrayList<>(earliest.size() + added.size());
        all.addAll(earliest);
        all.addAll(added);
        all.sort(EventViews.OLDEST_SOURCE_FIRST);
        return all.size() <= AgreementEvent.MAX_SOURCES ? all : new ArrayList<>(all.subList(0, AgreementEvent.MAX_SOURCES));
    }
}
