package io.pactwatch.deploy;

import static io.pactwatch.deploy.Manifests.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.pactwatch.local.TopicSpec;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Strimzi resources agree with the contracts: one KafkaTopic per TopicSpec topic with its partition count and
 * cleanup policy, KRaft node pool roles, replication the brokers can satisfy, and a bootstrap address and broker
 * egress the services can use; every topic a service's channels name exists, and consumer groups are the expected ones.
 */
class KafkaTopologyTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.pactwatch.deploy.ManifestSets#sets")
    void topicsMatchTheContracts(ManifestSet set) {
        Kafka kafka = only(set.all(Kafka.class), "Kafka");
        String cluster = kafka.getMetadata().getName();
        Map<String, KafkaTopic> byName = new TreeMap<>();
        for (KafkaTopic t : set.topics()) {
            String name = t.getSpec().getTopicName() != null ? t.getSpec().getTopicName() : t.getMetadata().getName();
            byName.put(name, t);
            assertEquals(cluster, t.getMetadata().getLabels().get("strimzi.io/cluster"), name + " belongs to " + cluster);
        }
        assertEquals(TopicSpec.pipeline().stream().map(TopicSpec::name).collect(Collectors.toCollection(java.util.TreeSet::new)),
                byName.keySet(), set + ": KafkaTopics vs TopicSpec.pipeline()");
        KafkaNodePool pool = only(set.all(KafkaNodePool.class), "KafkaNodePool");
        for (TopicSpec spec : TopicSpec.pipeline()) {
            KafkaTopic t = byName.get(spec.name());
            assertEquals(spec.partitions(), t.getSpec().getPartitions(), spec.name() + " partitions");
            Map<String, Object> config = t.getSpec().getConfig();
            assertEquals(spec.compacted() ? "compact" : "delete", config.get("cleanup.policy"), spec.name() + " cleanup.policy");
            if (!spec.compacted()) {
                assertTrue(config.containsKey("retention.ms"), spec.name() + " states its retention");
            }
            int replicas = t.getSpec().getReplicas();
            assertTrue(replicas <= pool.getSpec().getReplicas(), spec.name() + " replicas > brokers");
            assertTrue(((Number) config.get("min.insync.replicas")).intValue() <= replicas, spec.name() + " min ISR");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.pactwatch.deploy.ManifestSets#sets")
    void kafkaIsKraftWithANodePoolAndTheServicesFindIt(ManifestSet set) {
        Kafka kafka = only(set.all(Kafka.class), "Kafka");
        KafkaNodePool pool = only(set.all(KafkaNodePool.class), "KafkaNodePool");
        String cluster = kafka.getMetadata().getName();
        assertEquals(cluster, pool.getMetadata().getLabels().get("strimzi.io/cluster"));
        assertTrue(pool.getSpec().getRoles().containsAll(List.of(ProcessRoles.CONTROLLER, ProcessRoles.BROKER)),
                "KRaft: the pool holds controllers and brokers");
        GenericKafkaListener plain = kafka.getSpec().getKafka().getListeners().stream()
                .filter(l -> !l.isTls()).findFirst().orElseThrow(() -> new AssertionError("no plain listener"));
        String bootstrap = cluster + "-kafka-bootstrap:" + plain.getPort();
        ConfigMap common = set.configMap("pactwatch-common").orElseThrow();
        assertEquals(bootstrap, common.getData().get("KAFKA_BOOTSTRAP_SERVERS"));
        int factor = ((Number) kafka.getSpec().getKafka().getConfig().get("default.replication.factor")).intValue();
        assertTrue(factor <= pool.getSpec().getReplicas(), "default.replication.factor > brokers");
        assertTrue(((Number) kafka.getSpec().getKafka().getConfig().get("offsets.topic.replication.factor")).intValue()
                <= pool.getSpec().getReplicas(), "offsets.topic.replication.factor > brokers");
        for (ServiceFacts s : ServiceFacts.ALL) {
            NetworkPolicy np = policy(set, s.name());
            assertTrue(egressTo(np, Map.of("strimzi.io/cluster", cluster)).stream().anyMatch(r -> allowsPort(r, plain.getPort())),
                    s.name() + ": egress to the Kafka brokers on " + plain.getPort());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.pactwatch.deploy.ManifestSets#sets")
    void everyTopicTheServicesUseIsAKafkaTopic(ManifestSet set) {
        Set<String> declared = new java.util.TreeSet<>();
        for (KafkaTopic t : set.topics()) {
            declared.add(t.getSpec().getTopicName() != null ? t.getSpec().getTopicName() : t.getMetadata().getName());
        }
        for (ServiceFacts s : ServiceFacts.ALL) {
            Set<String> used = KafkaChannels.of(s).allTopics();
            assertTrue(declared.containsAll(used), s.name() + " uses topics " + used + "; KafkaTopics: " + declared);
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"feed-poller", "classifier", "notifier"})
    void consumerGroupsAreTheOnesTheServicesConfigure(String service) {
        ServiceFacts facts = ServiceFacts.of(service);
        Map<String, String> consumed = KafkaChannels.of(facts).consumedTopicToGroup();
        if (facts.consumedTopic().isEmpty()) {
            assertEquals(Map.of(), consumed, service + " is not expected to consume");
            return;
        }
        assertEquals(Map.of(facts.consumedTopic().get(), facts.consumerGroup().get()), consumed, service
                + ": the topic and group its application.properties consume (the HPA cap and docs rely on them)");
    }
}
