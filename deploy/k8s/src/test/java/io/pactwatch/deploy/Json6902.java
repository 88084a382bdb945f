package io.pactwatch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The add/replace/remove operations of JSON Patch (RFC 6902) on a Jackson tree, for {@link MiniKustomize}. */
final class Json6902 {

    private Json6902() {
    }

    static void apply(ObjectNode doc, JsonNode op) {
        String path = op.path("path").asText();
        int slash = path.lastIndexOf('/');
        JsonNode parent = slash <= 0 ? doc : doc.at(path.substring(0, slash));
        String last = path.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        String kind = op.path("op").asText();
        if (parent.isMissingNode()) {
            throw new IllegalStateException("JSON patch path " + path + " has no parent in " + doc.path("metadata"));
        }
        switch (kind) {
            case "replace" -> {
                if (!parent.has(last) && !(parent.isArray())) {
                    throw new IllegalStateException("JSON patch replace of missing " + path);
                }
                set(parent, last, op.get("value"));
            }
            case "add" -> set(parent, last, op.get("value"));
            case "remove" -> {
                if (parent.isObject()) {
                    ((ObjectNode) parent).remove(last);
                } else {
                    ((ArrayNode) parent).remove(Integer.parseInt(last));
                }
            }
            default -> throw new UnsupportedOperationException("JSON patch op " + kind);
        }
    }

    private static void set(JsonNode parent, String last, JsonNode value) {
        if (parent.isObject()) {
            ((ObjectNode) parent).set(last, value.deepCopy());
        } else if (last.equals("-")) {
            ((ArrayNode) parent).add(value.deepCopy());
        } else {
            ((ArrayNode) parent).set(Integer.parseInt(last), value.deepCopy());
        }
    }
}
