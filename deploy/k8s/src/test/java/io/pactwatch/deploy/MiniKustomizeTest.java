package io.pactwatch.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fallback renderer is only honest if it agrees with the real one: wherever kubectl/kustomize is installed,
 * MiniKustomize's rendering of each kustomization must equal it object for object.
 */
class MiniKustomizeTest {

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void rendersExactlyWhatKustomizeRenders(String dir) {
        assumeTrue(Kustomize.renderer().isPresent(), "SKIPPED: no kubectl/kustomize to compare the fallback with");
        Map<String, ObjectNode> real = byId(YamlDocs.parse(Kustomize.render(Repo.k8s().resolve(dir)), dir));
        Map<String, ObjectNode> mini = byId(MiniKustomize.render(Repo.k8s().resolve(dir)));
        assertEquals(real.keySet(), mini.keySet(), dir + ": the same objects");
        real.forEach((id, doc) -> assertEquals(doc, mini.get(id), dir + ": " + id));
    }

    @org.junit.jupiter.api.Test
    void refusesWhatItDoesNotImplement(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("kustomization.yaml"), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                commonLabels: {a: b}
                """);
        var e = org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class,
                () -> MiniKustomize.render(dir));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("commonLabels"), e.getMessage());
    }

    private static Map<String, ObjectNode> byId(List<ObjectNode> docs) {
        Map<String, ObjectNode> out = new TreeMap<>();
        for (ObjectNode d : docs) {
            out.put(StrictModels.typeOf(d) + " " + d.path("metadata").path("namespace").asText("") + "/"
                    + d.path("metadata").path("name").asText(), d);
        }
        assertEquals(docs.size(), out.size(), "no duplicate objects");
        return out;
    }
}
