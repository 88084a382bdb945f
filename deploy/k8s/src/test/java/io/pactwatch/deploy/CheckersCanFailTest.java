package io.pactwatch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checks are only worth something if they reject bad input: each case here feeds one deliberate mistake
 * (unknown field, wrong scalar type, a Strimzi field of another API version, an unknown kind, a bogus env name,
 * a broken CloudNativePG cluster) and expects it to be caught.
 */
class CheckersCanFailTest {

    private static ObjectNode doc(String yaml) {
        return YamlDocs.parse(yaml, "inline").get(0);
    }

    private static String failure(String yaml) {
        return assertThrows(AssertionError.class, () -> StrictModels.load(doc(yaml), "inline")).getMessage();
    }

    @Test
    void unknownNestedFieldIsRejected() {
        String message = failure("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: x
                          image: x
                          readinessProbe: {httpGet: {path: /q/health/ready, port: http}, periodSecond: 5}
                """);
        assertTrue(message.contains("periodSecond"), message);
    }

    @Test
    void numberWhereTheApiWantsAStringIsRejected() {
        String message = failure("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: x}
                data: {QUARKUS_MAILER_PORT: 587}
                """);
        assertTrue(message.contains("does not load"), message);
    }

    @Test
    void strimziFieldOfAnOlderApiVersionIsRejectedInV1() {
        String message = failure("""
                apiVersion: kafka.strimzi.io/v1
                kind: Kafka
                metadata: {name: k}
                spec:
                  kafka:
                    version: 4.1.1
                    replicas: 3
                    listeners: [{name: plain, port: 9092, type: internal, tls: false}]
                """);
        assertTrue(message.contains("spec.kafka.replicas") && message.contains("not in v1"), message);
    }

    @Test
    void strimziUnknownFieldIsRejected() {
        String message = failure("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t}
                spec: {topicName: t, partitions: 3, replicas: 1, partitionz: 4}
                """);
        assertTrue(message.contains("partitionz"), message);
    }

    @Test
    void kindWithoutATypedModelIsRejected() {
        String message = failure("""
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: x}
                """);
        assertTrue(message.contains("no typed model"), message);
    }

    @Test
    void bogusEnvNameIsRejected() {
        ConfigKeys keys = ConfigKeys.of(ServiceFacts.of("notifier"));
        assertTrue(keys.problem("PACTWATCH_NOTIFER_PUBLIC_URL").isPresent(), "a misspelt name must be rejected");
        assertTrue(keys.problem("QUARKUS_MAILER_HOST").isEmpty());
        assertTrue(keys.problem("KAFKA_BOOTSTRAP_SERVERS").isEmpty());
    }

    @Test
    void brokenCloudNativePgClusterIsRejected() {
        List<String> problems = CnpgClusterCheck.problems(doc("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: db}
                spec: {instance: 1, storage: {size: 1Gi}, bootstrap: {initdb: {database: d}}}
                """));
        assertEquals(List.of("unexpected field spec.instance", "spec.instances must be an integer >= 1",
                "spec.bootstrap.initdb.owner missing"), problems);
    }

    @Test
    void strimziVersionRanges() {
        assertTrue(StrimziApiVersionCheck.includes("v1beta2+", "v1"));
        assertTrue(StrimziApiVersionCheck.includes("v1alpha1-v1beta2", "v1beta1"));
        assertTrue(!StrimziApiVersionCheck.includes("v1alpha1-v1beta2", "v1"));
        assertTrue(!StrimziApiVersionCheck.includes("v1beta2", "v1"));
    }

    @Test
    void configMappingKeysAreReadFromTheInterface() {
        ConfigMappingKeys.Keys keys = ConfigMappingKeys.of("""
                @ConfigMapping(prefix = "pactwatch.poller")
                public interface PollerConfig {
                    /** How often. */
                    @WithDefault("1s")
                    Duration tick();
                    Optional<String> feedsFile();
                    @WithName("allow")
                    Optional<List<String>> ssrfAllowlist();
                    Map<String, String> labels();
                    Limits limits();
                    interface Limits {
                        @WithDefault("5")
                        int maxRedirects();
                    }
                }
                """);
        assertEquals(List.of("pactwatch.poller.tick", "pactwatch.poller.feeds-file", "pactwatch.poller.allow",
                "pactwatch.poller.limits.max-redirects"), keys.exact());
        assertEquals(List.of("pactwatch.poller.labels"), keys.prefixes());
    }
}
