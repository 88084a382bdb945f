package io.pactwatch.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The environment variable names a container gets, including the keys of ConfigMaps pulled in with envFrom
 * (resolved in the same manifest set; an unresolvable or Secret envFrom is an error, as its names can't be checked).
 */
final class PodEnv {

    private PodEnv() {
    }

    /** The literal values a container gets (env values, then envFrom ConfigMap data), by name; references left out. */
    static Map<String, String> literals(Container container, ManifestSet set) {
        Map<String, String> values = new java.util.HashMap<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                set.configMap(from.getConfigMapRef().getName()).map(ConfigMap::getData).ifPresent(data -> data.forEach(
                        (k, v) -> values.put((from.getPrefix() == null ? "" : from.getPrefix()) + k, v)));
            }
        }
        for (EnvVar v : container.getEnv()) {
            if (v.getValue() != null) {
                values.put(v.getName(), v.getValue());
            }
        }
        return values;
    }

    static List<String> names(Container container, ManifestSet set) {
        List<String> names = new ArrayList<>();
        for (EnvVar v : container.getEnv()) {
            names.add(v.getName());
        }
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
            data.keySet().forEach(k -> names.add(prefix + k));
        }
        return names;
    }
}
