package io.pactwatch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Lookups and predicates over typed manifests that several cross-check tests share. */
final class Manifests {

    private Manifests() {
    }

    static Container container(Deployment d) {
        List<Container> containers = d.getSpec().getTemplate().getSpec().getContainers();
        assertEquals(1, containers.size(), d.getMetadata().getName() + " has one container");
        return containers.get(0);
    }

    static Map<String, String> podLabels(Deployment d) {
        return d.getSpec().getTemplate().getMetadata().getLabels();
    }

    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    static NetworkPolicy policy(ManifestSet set, String service) {
        return set.find(NetworkPolicy.class, service).orElseThrow(() -> new AssertionError("no NetworkPolicy " + service));
    }

    static List<NetworkPolicyEgressRule> egressTo(NetworkPolicy np, Map<String, String> labels) {
        return np.getSpec().getEgress().stream().filter(r -> r.getTo().stream().anyMatch(p -> p.getPodSelector() != null
                && p.getPodSelector().getMatchLabels() != null
                && p.getPodSelector().getMatchLabels().entrySet().containsAll(labels.entrySet()))).toList();
    }

    static boolean allowsPort(NetworkPolicyEgressRule r, int port) {
        return r.getPorts().stream().anyMatch(p -> p.getPort() != null && p.getPort().getIntVal() != null
                && p.getPort().getIntVal() == port);
    }

    static <T> T only(List<T> items, String what) {
        assertEquals(1, items.size(), "exactly one " + what);
        return items.get(0);
    }

    static Map<String, String> decoded(Secret s) {
        Map<String, String> out = new TreeMap<>();
        if (s.getData() != null) {
            s.getData().forEach((k, v) -> out.put(k, new String(java.util.Base64.getMimeDecoder().decode(v),
                    java.nio.charset.StandardCharsets.UTF_8)));
        }
        if (s.getStringData() != null) {
            out.putAll(s.getStringData());
        }
        return out;
    }

    static Set<String> keys(Secret s) {
        Set<String> keys = new java.util.TreeSet<>();
        if (s.getData() != null) {
            keys.addAll(s.getData().keySet());
        }
        if (s.getStringData() != null) {
            keys.addAll(s.getStringData().keySet());
        }
        return keys;
    }
}
