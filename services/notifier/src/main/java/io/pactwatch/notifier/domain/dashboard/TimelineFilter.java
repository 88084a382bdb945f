package io.pactwatch.notifier.domain.dashboard;

import io.pactwatch.contracts.EventType;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The dashboard's filters (tracker, counterpart, event types), parsed leniently from query parameters: an empty or
 * unknown value means "all", so a hand-edited URL never yields an error page.
 */
public record TimelineFilter(String tracker, String counterpart, Set<EventType> types) {

    public static final TimelineFilter ALL = new TimelineFilter(null, null, EnumSet.allOf(EventType.class));

    public static TimelineFilter of(String tracker, String counterpart, Collection<String> types) {
        EnumSet<EventType> chosen = EnumSet.noneOf(EventType.class);
        if (types != null) {
            for (String t : types) {
                for (EventType type : EventType.values()) {
                    if (type.name().equalsIgnoreCase(t == null ? "" : t.trim())) {
                        chosen.add(type);
                    }
                }
            }
        }
        return new TimelineFilter(blankToNull(tracker), counterpart == null || counterpart.isBlank() ? null
                : counterpart.trim().toUpperCase(Locale.ROOT), chosen.isEmpty() ? EnumSet.allOf(EventType.class) : chosen);
    }

    public boolean accepts(TimelineEvent e) {
        return (tracker == null || tracker.equals(e.trackerId()))
                && (counterpart == null || counterpart.equalsIgnoreCase(e.counterpart()))
                && types.contains(e.type());
    }

    public boolean allTypes() {
        return types.size() == EventType.values().length;
    }

    public boolean shows(EventType type) {
        return types.contains(type);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
