package io.pactwatch.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads manifest documents into the typed fabric8 Kubernetes and Strimzi models, strictly: unknown kinds, unknown
 * fields (which these models would otherwise keep in additionalProperties), type coercions (a number where the API
 * wants a string) and anything that does not survive a round trip through the model are errors.
 */
final class StrictModels {

    /** The typed model of every apiVersion/kind the manifests may contain. */
    static final Map<String, Class<?>> TYPED = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class));

    /** Kinds with no typed model on Maven Central: checked structurally by {@link CnpgClusterCheck}. */
    static final String CNPG_CLUSTER = "postgresql.cnpg.io/v1/Cluster";

    static final ObjectMapper MAPPER = strictMapper();

    private StrictModels() {
    }

    static String typeOf(JsonNode doc) {
        return doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
    }

    /** The typed object for a document; throws with every problem found. */
    static Object load(ObjectNode doc, String origin) {
        String type = typeOf(doc);
        String where = origin + " " + type + " " + doc.path("metadata").path("name").asText("<no name>");
        Class<?> model = TYPED.get(type);
        if (model == null) {
            throw new AssertionError(where + ": no typed model for this apiVersion/kind (known: " + TYPED.keySet()
                    + ", structural: " + CNPG_CLUSTER + ")");
        }
        Object typed;
        try {
            typed = MAPPER.treeToValue(doc, model);
        } catch (Exception e) {
            throw new AssertionError(where + ": does not load into " + model.getName() + ": " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>(unknownFields(typed));
        ObjectNode written = MAPPER.valueToTree(typed);
        if (typed.getClass().getName().startsWith("io.strimzi.")) {
            // fabric8's CustomResource writes the apiVersion of the class's @Version (v1beta2 for Kafka), whatever
            // was read; the versions the class serves are in its VERSIONS list.
            problems.addAll(strimziServes(typed.getClass(), doc.path("apiVersion").asText()));
            written.set("apiVersion", doc.get("apiVersion"));
        }
        problems.addAll(RoundTrip.differences(doc, written));
        problems.addAll(StrimziApiVersionCheck.problems(typed, doc.path("apiVersion").asText()));
        if (!problems.isEmpty()) {
            throw new AssertionError(where + ":\n  " + String.join("\n  ", problems));
        }
        return typed;
    }

    static List<String> strimziServes(Class<?> model, String apiVersion) {
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        try {
            List<?> served = (List<?>) model.getField("VERSIONS").get(null);
            return served.contains(version) ? List.of()
                    : List.of(model.getSimpleName() + " model serves " + served + ", not " + version);
        } catch (ReflectiveOperationException e) {
            return List.of(model.getName() + " has no VERSIONS list: cannot tell whether it serves " + version);
        }
    }

    /** Paths of fields the model did not know and parked in an additionalProperties map, anywhere in the graph. */
    static List<String> unknownFields(Object typed) {
        List<String> unknown = new ArrayList<>();
        ModelWalker.walk(typed, (path, owner, getter, value) -> {
            if (getter.getName().equals("getAdditionalProperties") && value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                String at = path.substring(0, Math.max(0, path.length() - "additionalProperties".length()));
                unknown.add("unknown field(s) " + extra.keySet() + " at " + (at.isEmpty() ? "<root>" : at));
            }
        });
        return unknown;
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        // The API server refuses a number or boolean where a string belongs (e.g. ConfigMap data), and vice versa.
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        return mapper;
    }
}
