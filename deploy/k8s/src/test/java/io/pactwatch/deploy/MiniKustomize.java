package io.pactwatch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fallback Kustomize renderer for machines without kubectl/kustomize, implementing only what this project's
 * kustomizations use (resources, namespace, labels without selectors, images, literal Config/Secret generators with
 * hashing off, strategic-merge patches by kind/name, JSON 6902 patches by target kind) and refusing anything else.
 * {@link MiniKustomizeTest} proves it renders exactly what kubectl renders wherever kubectl is installed.
 */
final class MiniKustomize {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "labels",
            "images", "generatorOptions", "configMapGenerator", "secretGenerator", "patches");
    /** Lists that strategic merge merges by a key, for built-in kinds (everything else is replaced). */
    private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name",
            "volumes", "name", "env", "name", "volumeMounts", "mountPath", "ports", "containerPort");

    private MiniKustomize() {
    }

    static List<ObjectNode> render(Path dir) {
        ObjectNode k = YamlDocs.read(dir.resolve("kustomization.yaml")).get(0);
        k.fieldNames().forEachRemaining(f -> {
            if (!SUPPORTED.contains(f)) {
                throw new UnsupportedOperationException(dir + ": MiniKustomize does not support '" + f + "'");
            }
        });
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode r : k.path("resources")) {
            Path p = dir.resolve(r.asText()).normalize();
            out.addAll(Files.isDirectory(p) ? render(p) : YamlDocs.read(p));
        }
        boolean generating = k.has("configMapGenerator") || k.has("secretGenerator");
        if (generating && !k.path("generatorOptions").path("disableNameSuffixHash").asBoolean(false)) {
            throw new UnsupportedOperationException(dir + ": name suffix hashes are not implemented");
        }
        for (JsonNode g : k.path("configMapGenerator")) {
            generate(out, g, "ConfigMap", dir);
        }
        for (JsonNode g : k.path("secretGenerator")) {
            generate(out, g, "Secret", dir);
        }
        for (JsonNode p : k.path("patches")) {
            patch(out, p, dir);
        }
        String namespace = k.path("namespace").asText(null);
        for (ObjectNode doc : out) {
            ObjectNode meta = doc.with("metadata");
            if (namespace != null) {
                meta.put("namespace", namespace);
            }
            for (JsonNode l : k.path("labels")) {
                if (l.path("includeSelectors").asBoolean(false) || l.path("includeTemplates").asBoolean(false)) {
                    throw new UnsupportedOperationException(dir + ": labels into selectors/templates not implemented");
                }
                l.path("pairs").fields().forEachRemaining(e -> meta.with("labels").set(e.getKey(), e.getValue()));
            }
            for (JsonNode image : k.path("images")) {
                retag(doc, image);
            }
        }
        return out;
    }

    private static void generate(List<ObjectNode> out, JsonNode g, String kind, Path dir) {
        g.fieldNames().forEachRemaining(f -> {
            if (!Set.of("name", "behavior", "literals", "type").contains(f)) {
                throw new UnsupportedOperationException(dir + ": generator field '" + f + "' not implemented");
            }
        });
        String name = g.path("name").asText();
        ObjectNode target;
        String behavior = g.path("behavior").asText("create");
        if (behavior.equals("merge")) {
            target = out.stream().filter(d -> d.path("kind").asText().equals(kind)
                    && d.path("metadata").path("name").asText().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(dir + ": nothing to merge into for " + kind + " " + name));
        } else if (behavior.equals("create")) {
            target = JSON.objectNode().put("apiVersion", "v1").put("kind", kind);
            target.with("metadata").put("name", name);
            if (kind.equals("Secret")) {
                target.put("type", g.path("type").asText("Opaque"));
            }
            out.add(target);
        } else {
            throw new UnsupportedOperationException(dir + ": generator behavior " + behavior);
        }
        for (JsonNode literal : g.path("literals")) {
            String[] kv = literal.asText().split("=", 2);
            String value = kind.equals("Secret") ? base64(kv[1]) : kv[1];
            target.with("data").put(kv[0], value);
        }
    }

    /** Base64 as kustomize writes it: values longer than 70 characters broken into 70-character lines. */
    static String base64(String value) {
        String encoded = Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
        if (encoded.length() <= 70) {
            return encoded;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < encoded.length(); i += 70) {
            out.append(encoded, i, Math.min(encoded.length(), i + 70)).append('\n');
        }
        return out.toString();
    }

    private static void patch(List<ObjectNode> out, JsonNode p, Path dir) {
        if (p.has("path")) {
            for (ObjectNode patch : YamlDocs.read(dir.resolve(p.path("path").asText()))) {
                ObjectNode target = out.stream().filter(d -> d.path("kind").equals(patch.path("kind"))
                        && d.path("metadata").path("name").equals(patch.path("metadata").path("name"))).findFirst()
                        .orElseThrow(() -> new IllegalStateException(dir + ": patch target missing: "
                                + patch.path("kind") + " " + patch.path("metadata").path("name")));
                merge(target, patch, builtIn(target));
            }
        } else if (p.has("patch") && p.path("target").has("kind") && p.path("patch").asText().trim().startsWith("- op")) {
            ArrayNode ops = (ArrayNode) YamlDocs.YAML.valueToTree(
                    YamlDocs.parseAny(p.path("patch").asText()));
            String kind = p.path("target").path("kind").asText();
            for (ObjectNode doc : out) {
                if (doc.path("kind").asText().equals(kind) && (!p.path("target").has("name")
                        || p.path("target").path("name").equals(doc.path("metadata").path("name")))) {
                    for (JsonNode op : ops) {
                        Json6902.apply(doc, op);
                    }
                }
            }
        } else {
            throw new UnsupportedOperationException(dir + ": only file patches and JSON 6902 patches with a kind target");
        }
    }

    static boolean builtIn(JsonNode doc) {
        String apiVersion = doc.path("apiVersion").asText();
        return !apiVersion.contains("/") || !apiVersion.substring(0, apiVersion.indexOf('/')).contains(".")
                || apiVersion.substring(0, apiVersion.indexOf('/')).endsWith(".k8s.io");
    }

    /** Strategic merge for built-in kinds (keyed lists merge), JSON merge patch otherwise (lists replace). */
    static void merge(ObjectNode target, JsonNode patch, boolean strategic) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("$")) {
                throw new UnsupportedOperationException("patch directive " + e.getKey() + " not implemented");
            }
            JsonNode current = target.get(e.getKey());
            JsonNode value = e.getValue();
            if (value.isNull()) {
                target.remove(e.getKey());
            } else if (value.isObject() && current != null && current.isObject()) {
                merge((ObjectNode) current, value, strategic);
            } else if (strategic && value.isArray() && current != null && current.isArray()
                    && MERGE_KEYS.containsKey(e.getKey())) {
                mergeList((ArrayNode) current, (ArrayNode) value, MERGE_KEYS.get(e.getKey()));
            } else {
                target.set(e.getKey(), value.deepCopy());
            }
        }
    }

    private static void mergeList(ArrayNode current, ArrayNode patch, String key) {
        for (JsonNode item : patch) {
            ObjectNode match = null;
            for (JsonNode c : current) {
                if (c.path(key).equals(item.path(key))) {
                    match = (ObjectNode) c;
                }
            }
            if (match != null) {
                merge(match, item, true);
            } else {
                current.add(item.deepCopy());
            }
        }
    }

    private static void retag(JsonNode node, JsonNode image) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if ((e.getKey().equals("containers") || e.getKey().equals("initContainers")) && e.getValue().isArray()) {
                    for (JsonNode c : e.getValue()) {
                        String current = c.path("image").asText("");
                        String name = current.replaceFirst("[:@].*$", "");
                        if (name.equals(image.path("name").asText())) {
                            String newName = image.path("newName").asText(name);
                            String tag = image.has("newTag") ? ":" + image.path("newTag").asText()
                                    : current.substring(name.length());
                            ((ObjectNode) c).put("image", newName + tag);
                        }
                    }
                } else {
                    retag(e.getValue(), image);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> retag(n, image));
        }
    }
}
