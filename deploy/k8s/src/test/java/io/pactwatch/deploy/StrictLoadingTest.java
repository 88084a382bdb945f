package io.pactwatch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every manifest the repository ships (each YAML file of the base and overlays, and the base and overlays as
 * Kustomize renders them) loads strictly into the typed fabric8/Strimzi models, or structurally for CloudNativePG.
 */
class StrictLoadingTest {

    static Stream<Path> manifestFiles() {
        return Stream.of("base", "overlays/dev", "overlays/prod")
                .flatMap(d -> ManifestSet.filesIn(Repo.k8s().resolve(d)).stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifestFiles")
    void everyFileLoadsStrictly(Path file) {
        ManifestSet set = ManifestSet.of(Repo.k8s().relativize(file).toString(), YamlDocs.read(file));
        assertFalse(set.documents().isEmpty(), file + " has no documents");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void kustomizeRendersAndEveryRenderedObjectLoadsStrictly(String dir) {
        ManifestSet set = ManifestSets.rendered(dir);
        assertEquals(set.documents().size(), set.typed().size() + set.cnpgClusters().size());
        Map<String, Long> kinds = set.documents().stream().collect(Collectors.groupingBy(StrictModels::typeOf,
                TreeMap::new, Collectors.counting()));
        System.out.println("[deploy-checks] " + set + " via " + Kustomize.version() + ": " + kinds);
        for (String required : List.of("apps/v1/Deployment", "v1/Service", "policy/v1/PodDisruptionBudget",
                "autoscaling/v2/HorizontalPodAutoscaler", "networking.k8s.io/v1/NetworkPolicy",
                "kafka.strimzi.io/v1/Kafka", "kafka.strimzi.io/v1/KafkaNodePool", "kafka.strimzi.io/v1/KafkaTopic",
                "monitoring.coreos.com/v1/ServiceMonitor")) {
            assertTrue(kinds.containsKey(required), set + " renders no " + required);
        }
        if (dir.endsWith("dev")) {
            assertEquals(2L, kinds.get(StrictModels.CNPG_CLUSTER), "dev has one CloudNativePG cluster per database");
        } else {
            assertFalse(kinds.containsKey(StrictModels.CNPG_CLUSTER), dir + " must use an external database");
        }
        set.documents().forEach(d -> assertEquals(namespaceOf(dir), d.path("metadata").path("namespace").asText(null),
                set + ": namespace of " + StrictModels.typeOf(d) + " " + d.path("metadata").path("name")));
    }

    @Test
    void everyResourceFileIsListedInItsKustomization() throws Exception {
        for (String dir : List.of("base", "overlays/dev", "overlays/prod")) {
            Path k = Repo.k8s().resolve(dir).resolve("kustomization.yaml");
            String text = Files.readString(k);
            for (Path f : ManifestSet.filesIn(k.getParent())) {
                assertTrue(text.contains(f.getFileName().toString()), k + " does not use " + f.getFileName());
            }
        }
    }

    /** The namespace an overlay puts everything in; the base sets none. */
    private static String namespaceOf(String dir) {
        return switch (dir) {
            case "overlays/dev" -> "pactwatch-dev";
            case "overlays/prod" -> "pactwatch";
            default -> null;
        };
    }
}
