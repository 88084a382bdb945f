package io.pactwatch.deploy;

import static io.pactwatch.deploy.Manifests.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.pactwatch.local.TopicSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each service has a PodDisruptionBudget and a CPU HorizontalPodAutoscaler on its Deployment, and a consumer's
 * autoscaler never goes beyond the partition count (from TopicSpec) of the topic its group reads.
 */
class ScalingTest {

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("io.pactwatch.deploy.ManifestSets#setsAndServices")
    void disruptionBudgetAndAutoscaling(ManifestSet set, String service) {
        Deployment d = set.deployment(service);
        PodDisruptionBudget pdb = set.find(PodDisruptionBudget.class, service)
                .orElseThrow(() -> new AssertionError("no PodDisruptionBudget " + service));
        assertTrue(selects(pdb.getSpec().getSelector().getMatchLabels(), podLabels(d)), service + " PDB selector");
        HorizontalPodAutoscaler hpa = set.find(HorizontalPodAutoscaler.class, service)
                .orElseThrow(() -> new AssertionError("no HorizontalPodAutoscaler " + service));
        assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
        assertEquals(service, hpa.getSpec().getScaleTargetRef().getName());
        assertTrue(hpa.getSpec().getMinReplicas() >= 1 && hpa.getSpec().getMinReplicas() <= hpa.getSpec().getMaxReplicas());
        assertTrue(hpa.getSpec().getMetrics().stream().anyMatch(m -> m.getResource() != null
                && "cpu".equals(m.getResource().getName())), service + " scales on CPU");
        ServiceFacts facts = ServiceFacts.of(service);
        facts.consumedTopic().ifPresent(topic -> {
            int partitions = TopicSpec.pipeline().stream().filter(t -> t.name().equals(topic)).findFirst()
                    .orElseThrow().partitions();
            assertTrue(hpa.getSpec().getMaxReplicas() <= partitions, service + " maxReplicas "
                    + hpa.getSpec().getMaxReplicas() + " exceeds the " + partitions + " partitions of " + topic);
        });
    }
}
