package io.pactwatch.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One set of manifests as an operator would apply it (the base's files, or a rendered base/overlay), each document
 * loaded strictly into its typed model; lookups by kind and name for the cross-checks.
 */
record ManifestSet(String name, List<ObjectNode> documents, List<Object> typed, List<ObjectNode> cnpgClusters) {

    static ManifestSet of(String name, List<ObjectNode> docs) {
        List<Object> typed = new ArrayList<>();
        List<ObjectNode> clusters = new ArrayList<>();
        for (ObjectNode doc : docs) {
            if (StrictModels.typeOf(doc).equals(StrictModels.CNPG_CLUSTER)) {
                List<String> problems = CnpgClusterCheck.problems(doc);
                if (!problems.isEmpty()) {
                    throw new AssertionError(name + " CloudNativePG Cluster " + doc.path("metadata").path("name")
                            + ":\n  " + String.join("\n  ", problems));
                }
                clusters.add(doc);
            } else {
                typed.add(StrictModels.load(doc, name));
            }
        }
        return new ManifestSet(name, docs, typed, clusters);
    }

    /** Every document of the YAML files of the base directory (what `kubectl apply -f base/` would send). */
    static ManifestSet baseFiles() {
        return of("base files", filesIn(Repo.k8s().resolve("base")).stream()
                .flatMap(f -> YamlDocs.read(f).stream()).toList());
    }

    /** A kustomization rendered by kubectl/kustomize, or by the MiniKustomize fallback where neither is installed. */
    static ManifestSet rendered(String dir) {
        Path path = Repo.k8s().resolve(dir);
        if (Kustomize.renderer().isPresent()) {
            return of("rendered " + dir, YamlDocs.parse(Kustomize.render(path), dir));
        }
        System.out.println("[deploy-checks] no kubectl/kustomize: " + dir + " rendered by the MiniKustomize fallback");
        return of("rendered " + dir + " (MiniKustomize)", MiniKustomize.render(path));
    }

    static List<Path> filesIn(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml") && !p.getFileName().toString().equals("kustomization.yaml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T> List<T> all(Class<T> type) {
        return typed.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String resourceName) {
        return all(type).stream().filter(r -> r.getMetadata().getName().equals(resourceName)).findFirst();
    }

    Deployment deployment(String service) {
        return find(Deployment.class, service).orElseThrow(() -> new AssertionError(name + ": no Deployment " + service));
    }

    Optional<ConfigMap> configMap(String resourceName) {
        return find(ConfigMap.class, resourceName);
    }

    Optional<Secret> secret(String resourceName) {
        return find(Secret.class, resourceName);
    }

    List<KafkaTopic> topics() {
        return all(KafkaTopic.class);
    }

    @Override
    public String toString() {
        return name;
    }
}
