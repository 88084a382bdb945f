package io.pactwatch.deploy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a typed fabric8/Strimzi object graph through its bean getters, so checks can look at every property a
 * manifest set (unknown fields collected in additionalProperties, properties of the wrong API version).
 */
final class ModelWalker {

    /** Called for every non-null property value reached; path is JSON-path-like, e.g. spec.template.spec. */
    interface Visitor {
        void property(String path, Object owner, Method getter, Object value);
    }

    private ModelWalker() {
    }

    static void walk(Object root, Visitor visitor) {
        walk("", root, visitor, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static void walk(String path, Object node, Visitor visitor, Set<Object> seen) {
        if (node == null || !isModel(node.getClass()) || !seen.add(node)) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            String property = propertyName(getter);
            if (property == null) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (value == null) {
                continue;
            }
            String childPath = path.isEmpty() ? property : path + "." + property;
            visitor.property(childPath, node, getter, value);
            if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    walk(childPath + "[" + i + "]", list.get(i), visitor, seen);
                }
            } else if (value instanceof Map<?, ?> map) {
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    walk(childPath + "[" + e.getKey() + "]", e.getValue(), visitor, seen);
                }
            } else {
                walk(childPath, value, visitor, seen);
            }
        }
    }

    static boolean isModel(Class<?> type) {
        String name = type.getName();
        return (name.startsWith("io.fabric8.") || name.startsWith("io.strimzi.")) && !type.isEnum();
    }

    private static String propertyName(Method m) {
        if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
            return null;
        }
        String n = m.getName();
        String raw;
        if (n.startsWith("get") && n.length() > 3) {
            raw = n.substring(3);
        } else if (n.startsWith("is") && n.length() > 2 && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
            raw = n.substring(2);
        } else {
            return null;
        }
        return Character.toLowerCase(raw.charAt(0)) + raw.substring(1);
    }
}
