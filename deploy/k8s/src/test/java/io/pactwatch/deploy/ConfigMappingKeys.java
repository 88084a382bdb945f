package io.pactwatch.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the config keys a SmallRye {@code @ConfigMapping} interface declares from its source: each accessor method
 * becomes {@code prefix.kebab-name} ({@code @WithName} respected), accessors of nested interfaces of the same file
 * recurse, and Map-typed accessors (free keys below them) or interfaces it can't follow become prefixes.
 * A source-level reading: enough for the plain interfaces this project writes, not for every SmallRye feature.
 */
final class ConfigMappingKeys {

    /** Exact keys, and prefixes below which any key is allowed. */
    record Keys(List<String> exact, List<String> prefixes) {
    }

    private static final Pattern MAPPING = Pattern.compile(
            "@ConfigMapping\\s*\\([^)]*prefix\\s*=\\s*\"([^\"]+)\"[^)]*\\)[^{;]*?interface\\s+(\\w+)[^{]*\\{");
    private static final Pattern METHOD = Pattern.compile(
            "((?:@\\w+(?:\\s*\\([^)]*\\))?\\s*)*)([\\w.<>?,\\s\\[\\]]+?)\\s+(\\w+)\\s*\\(\\s*\\)\\s*;");
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\s*\\(\\s*\"([^\"]+)\"\\s*\\)");

    private ConfigMappingKeys() {
    }

    static Keys of(String source) {
        List<String> exact = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        Matcher m = MAPPING.matcher(source);
        while (m.find()) {
            String body = body(source, m.end() - 1);
            collect(source, m.group(1), body, exact, prefixes, 0);
        }
        return new Keys(exact, prefixes);
    }

    private static void collect(String source, String prefix, String body, List<String> exact, List<String> prefixes,
                                int depth) {
        Matcher method = METHOD.matcher(withoutNestedBodies(body));
        while (method.find()) {
            String annotations = method.group(1);
            String type = method.group(2).trim().replaceAll("\\s+", " ");
            Matcher withName = WITH_NAME.matcher(annotations);
            String name = withName.find() ? withName.group(1) : kebab(method.group(3));
            String key = annotations.contains("@WithParentName") ? prefix : prefix + "." + name;
            String bare = type;
            boolean collection = false;
            while (bare.matches("(Optional|List|Set)<.*>")) {
                collection |= !bare.startsWith("Optional");
                bare = bare.substring(bare.indexOf('<') + 1, bare.length() - 1).trim();
            }
            Optional<String> nested = nestedInterface(source, bare);
            if (bare.startsWith("Map<")) {
                prefixes.add(key); // free keys below it
            } else if (nested.isPresent() && !collection && depth < 5) {
                collect(source, key, nested.get(), exact, prefixes, depth + 1);
            } else if (nested.isPresent() || (Character.isUpperCase(bare.charAt(0)) && !isValueType(bare))) {
                prefixes.add(key); // a list of groups (indexed keys), or a group declared elsewhere: its subtree
            } else {
                exact.add(key);
            }
        }
    }

    private static boolean isValueType(String type) {
        return type.matches("(String|Integer|Long|Double|Float|Boolean|Duration|Instant|URI|URL|Path|BigDecimal"
                + "|OptionalInt|OptionalLong|OptionalDouble|Pattern|Charset|Locale|ZoneId|java\\.[\\w.]+)")
                || type.contains("[]");
    }

    private static Optional<String> nestedInterface(String source, String name) {
        Matcher m = Pattern.compile("interface\\s+" + Pattern.quote(name) + "\\b[^{]*\\{").matcher(source);
        return m.find() ? Optional.of(body(source, m.end() - 1)) : Optional.empty();
    }

    /** The text between the brace at openBrace and its matching closing brace. */
    private static String body(String source, int openBrace) {
        int depth = 0;
        for (int i = openBrace; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return source.substring(openBrace + 1, i);
            }
        }
        return source.substring(openBrace + 1);
    }

    /** The body with nested type bodies and comments removed, so only its own accessors remain. */
    private static String withoutNestedBodies(String body) {
        String text = body.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (char c : text.toCharArray()) {
            if (c == '{') {
                depth++;
                if (depth == 1) {
                    out.append(';');
                }
            } else if (c == '}') {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString().replaceAll("(?:interface|class|record|enum)\\s+\\w+[^;]*;", ";");
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
