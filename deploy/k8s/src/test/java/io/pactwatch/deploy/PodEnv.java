package io.pactwatch.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment variables a container gets, including the keys of ConfigMaps pulled in with envFrom
 * (resolved in the same manifest set; an unresolvable or Secret envFrom is an error, as its names can't be checked).
 */
final class PodEnv {

    private PodEnv() {
    }

    static List<String> names(Container container, ManifestSet set) {
        return new ArrayList<>(env(container, set).keySet());
    }

    /** The literal values a container gets, by name; variables set by reference (valueFrom) left out. */
    static Map<String, String> literals(Container container, ManifestSet set) {
        Map<String, String> literals = new HashMap<>();
        env(container, set).forEach((name, value) -> {
            if (value != null) {
                literals.put(name, value);
            }
        });
        return literals;
    }

    /** Every variable by name, with its literal value or null; an env entry wins over envFrom, as in Kubernetes. */
    private static Map<String, String> env(Container container, ManifestSet set) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            if (from.getSecretRef() != null) {
                throw new AssertionError(set + ": container " + container.getName() + " takes env from Secret "
                        + from.getSecretRef().getName() + ": use secretKeyRef so names can be checked");
            }
            String cm = from.getConfigMapRef().getName();
            ConfigMap map = set.configMap(cm).orElseThrow(() -> new AssertionError(
                    set + ": container " + container.getName() + " takes env from missing ConfigMap " + cm));
            String prefix = from.getPrefix() == null ? "" : from.getPrefix();
            Map<String, String> data = map.getData() == null ? Map.of() : map.getData();
            data.forEach((k, v) -> env.put(prefix + k, v));
        }
        for (EnvVar v : container.getEnv()) {
            env.put(v.getName(), v.getValue());
        }
        return env;
    }
}
