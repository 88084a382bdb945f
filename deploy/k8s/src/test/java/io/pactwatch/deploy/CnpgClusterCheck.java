package io.pactwatch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Structural check of a CloudNativePG {@code Cluster} (postgresql.cnpg.io/v1), which has no typed model on Maven
 * Central: required fields present and of the right type, and only the field names this project uses (a subset of
 * the CRD's, so a misspelt field fails). Not a full CRD schema validation.
 */
final class CnpgClusterCheck {

    private static final Set<String> TOP = Set.of("apiVersion", "kind", "metadata", "spec");
    private static final Set<String> SPEC = Set.of("instances", "imageName", "storage", "bootstrap", "resources",
            "postgresql", "backup", "monitoring", "affinity", "primaryUpdateStrategy", "description");
    private static final Set<String> INITDB = Set.of("database", "owner", "secret", "encoding", "localeCollate",
            "localeCType", "postInitSQL", "postInitApplicationSQL");

    private CnpgClusterCheck() {
    }

    static List<String> problems(ObjectNode doc) {
        List<String> out = new ArrayList<>();
        onlyKnown(doc, TOP, "", out);
        if (!doc.path("metadata").path("name").isTextual()) {
            out.add("metadata.name missing");
        }
        JsonNode spec = doc.path("spec");
        onlyKnown(spec, SPEC, "spec.", out);
        if (!spec.path("instances").isInt() || spec.path("instances").asInt() < 1) {
            out.add("spec.instances must be an integer >= 1");
        }
        if (!spec.path("storage").path("size").isTextual()) {
            out.add("spec.storage.size (a quantity string) is required");
        }
        JsonNode initdb = spec.path("bootstrap").path("initdb");
        if (!initdb.isObject()) {
            out.add("spec.bootstrap.initdb missing");
        } else {
            onlyKnown(initdb, INITDB, "spec.bootstrap.initdb.", out);
            for (String field : List.of("database", "owner")) {
                if (!initdb.path(field).isTextual()) {
                    out.add("spec.bootstrap.initdb." + field + " missing");
                }
            }
            if (initdb.has("secret") && !initdb.path("secret").path("name").isTextual()) {
                out.add("spec.bootstrap.initdb.secret.name missing");
            }
        }
        return out;
    }

    private static void onlyKnown(JsonNode node, Set<String> known, String prefix, List<String> out) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                out.add("unexpected field " + prefix + name);
            }
        }
    }
}
