package io.pactwatch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares a manifest document with what its typed model writes back, ignoring only what is equivalent (absent vs
 * null or empty): a field the model dropped or reshaped shows up as a difference.
 */
final class RoundTrip {

    private RoundTrip() {
    }

    static List<String> differences(JsonNode original, JsonNode written) {
        List<String> out = new ArrayList<>();
        compare("", original, written, out);
        return out;
    }

    private static void compare(String path, JsonNode a, JsonNode b, List<String> out) {
        boolean aEmpty = isEmpty(a);
        boolean bEmpty = isEmpty(b);
        if (aEmpty || bEmpty) {
            if (aEmpty != bEmpty && !(path.isEmpty())) {
                out.add("round trip changed " + path + ": " + show(a) + " -> " + show(b));
            }
            return;
        }
        if (a.isObject() && b.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                compare(path + "." + e.getKey(), e.getValue(), b.get(e.getKey()), out);
            }
            for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!a.has(name) && !isEmpty(b.get(name))) {
                    out.add("round trip added " + path + "." + name + ": " + show(b.get(name)));
                }
            }
        } else if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                out.add("round trip changed the length of " + path + ": " + a.size() + " -> " + b.size());
                return;
            }
            for (int i = 0; i < a.size(); i++) {
                compare(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
        } else if (a.isNumber() && b.isNumber()) {
            if (a.decimalValue().compareTo(b.decimalValue()) != 0) {
                out.add("round trip changed " + path + ": " + a + " -> " + b);
            }
        } else if (!a.equals(b)) {
            out.add("round trip changed " + path + ": " + show(a) + " -> " + show(b));
        }
    }

    private static boolean isEmpty(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() || (n.isContainerNode() && n.isEmpty());
    }

    private static String show(JsonNode n) {
        return n == null ? "<absent>" : n.toString();
    }
}
