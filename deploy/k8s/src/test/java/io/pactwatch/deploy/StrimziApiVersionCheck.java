package io.pactwatch.deploy;

import io.strimzi.crdgenerator.annotations.PresentInVersions;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * The Strimzi model classes serve several CRD versions (v1beta2 and v1); a property that exists only in some is
 * marked {@code @PresentInVersions}. This check reports properties a manifest sets that its apiVersion lacks, e.g.
 * {@code spec.kafka.replicas} in a {@code kafka.strimzi.io/v1} Kafka.
 */
final class StrimziApiVersionCheck {

    /** Strimzi API versions, oldest first (the order ranges like "v1beta2+" refer to). */
    static final List<String> ORDER = List.of("v1alpha1", "v1beta1", "v1beta2", "v1");

    private StrimziApiVersionCheck() {
    }

    static List<String> problems(Object typed, String apiVersion) {
        List<String> out = new ArrayList<>();
        if (!typed.getClass().getName().startsWith("io.strimzi.")) {
            return out;
        }
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        ModelWalker.walk(typed, (path, owner, getter, value) -> {
            String range = presentIn(owner.getClass(), getter);
            if (range != null && !includes(range, version)) {
                out.add(path + " exists only in Strimzi API " + range + ", not in " + version);
            }
        });
        return out;
    }

    /** Whether a @PresentInVersions value such as "v1beta2", "v1beta2+", "v1alpha1-v1beta2" or "a,b" covers a version. */
    static boolean includes(String range, String version) {
        int v = ORDER.indexOf(version);
        for (String part : range.split(",")) {
            String p = part.trim();
            if (p.endsWith("+")) {
                if (v >= ORDER.indexOf(p.substring(0, p.length() - 1))) {
                    return true;
                }
            } else if (p.contains("-")) {
                String[] ends = p.split("-", 2);
                if (v >= ORDER.indexOf(ends[0]) && v <= ORDER.indexOf(ends[1])) {
                    return true;
                }
            } else if (p.equals(version)) {
                return true;
            }
        }
        return false;
    }

    private static String presentIn(Class<?> type, Method getter) {
        PresentInVersions onGetter = getter.getAnnotation(PresentInVersions.class);
        if (onGetter != null) {
            return onGetter.value();
        }
        String property = getter.getName().replaceFirst("^(get|is)", "");
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (var field : c.getDeclaredFields()) {
                if (field.getName().equalsIgnoreCase(property) && field.isAnnotationPresent(PresentInVersions.class)) {
                    return field.getAnnotation(PresentInVersions.class).value();
                }
            }
        }
        return null;
    }
}
