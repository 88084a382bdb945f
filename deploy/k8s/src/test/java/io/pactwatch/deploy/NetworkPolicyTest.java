package io.pactwatch.deploy;

import static io.pactwatch.deploy.Manifests.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.strimzi.api.kafka.model.kafka.Kafka;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each service's NetworkPolicy denies by default and lets through only what it needs: DNS, Kafka, PostgreSQL for
 * the services with a database, the public internet (never private ranges) for the poller and notifier only.
 */
class NetworkPolicyTest {

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("io.pactwatch.deploy.ManifestSets#setsAndServices")
    void networkPolicyAllowsExactlyWhatTheServiceNeeds(ManifestSet set, String service) {
        ServiceFacts facts = ServiceFacts.of(service);
        NetworkPolicy np = policy(set, service);
        assertTrue(selects(np.getSpec().getPodSelector().getMatchLabels(), podLabels(set.deployment(service))));
        assertTrue(np.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")), "default deny both ways");
        List<NetworkPolicyEgressRule> egress = np.getSpec().getEgress();
        assertTrue(egress.stream().anyMatch(r -> allowsPort(r, 53)), service + " DNS");
        boolean db = egress.stream().anyMatch(r -> allowsPort(r, 5432));
        assertEquals(facts.database().isPresent(), db, service + ": egress to PostgreSQL iff it has a database");
        List<NetworkPolicyEgressRule> outside = egress.stream().filter(r -> r.getTo().stream()
                .anyMatch(p -> p.getIpBlock() != null && "0.0.0.0/0".equals(p.getIpBlock().getCidr()))).toList();
        boolean talksOutside = !service.equals("classifier");
        assertEquals(talksOutside, !outside.isEmpty(), service + ": egress to the outside world");
        for (NetworkPolicyEgressRule r : outside) {
            for (NetworkPolicyPeer p : r.getTo()) {
                assertTrue(p.getIpBlock().getExcept().containsAll(List.of("10.0.0.0/8", "172.16.0.0/12",
                        "192.168.0.0/16", "169.254.0.0/16")), service + ": outside world excludes private ranges");
            }
            assertFalse(r.getPorts() == null || r.getPorts().isEmpty(), service + ": outside world only on named ports");
        }
        assertTrue(np.getSpec().getIngress().stream().allMatch(r -> r.getPorts().stream()
                .allMatch(p -> "http".equals(p.getPort().getStrVal()))), service + ": ingress only on http");
    }
}
