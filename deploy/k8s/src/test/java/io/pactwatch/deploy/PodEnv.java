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
