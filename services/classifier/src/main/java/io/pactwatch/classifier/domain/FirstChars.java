package io.pactwatch.classifier.domain;

import java.util.BitSet;

/**
 * The characters a match of a regular expression can begin with, read conservatively from its source: literals,
 * simple classes, groups, alternations, optional parts and zero-width assertions. Anything else (shorthand classes,
 * dot, inline flags, back-references, a pattern that can match the empty string) makes the answer unknown, and the
 * caller then tries every position. Case variants (simple and Unicode) are included, so the set holds for
 * case-insensitive patterns too.
 */
final class FirstChars {

    /** Thrown inside the parser when the source uses a construct this reader does not model. */
    private static final class Unknown extends RuntimeException {
        Unknown() {
            super(null, null, false, false);
        }
    }

    /** First characters (null: any character) and whether the part can match without consuming anything. */
    private record Part(BitSet first, boolean nullable) {

        static Part any() {
            return new Part(null, false);
        }

        /** This set joined with another; null (any) absorbs. */
        BitSet union(BitSet other) {
            if (first == null || other == null) {
                return null;
            }
            BitSet u = (BitSet) first.clone();
            u.or(other);
            return u;
        }
    }

    private final String src;
    private int pos;

    private FirstChars(String src) {
        this.src = src;
    }

    /** The set of possible first characters (with case variants), or null when not known. */
    static BitSet of(String regex) {
        try {
            FirstChars p = new FirstChars(regex);
            Part part = p.alternation();
            if (p.pos != regex.length() || part.nullable() || part.first() == null) {
                return null;
            }
            return part.first();
        } catch (Unknown | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** True when text character {@code t} may be matched by a member of {@code set}, whatever the case flags. */
    static boolean mayStart(BitSet set, char t) {
        if (Character.isSurrogate(t)) {
            return true;
        }
        char lower = Character.toLowerCase(t);
        char upper = Character.toUpperCase(t);
        return set.get(t) || set.get(lower) || set.get(upper) || set.get(Character.toLowerCase(upper))
                || set.get(Character.toUpperCase(lower));
    }

    private Part alternation() {
        Part p = sequence();
        BitSet first = p.first();
        boolean nullable = p.nullable();
        while (pos < src.length() && src.charAt(pos) == '|') {
            pos++;
            Part q = sequence();
            first = new Part(first, false).union(q.first());
            nullable |= q.nullable();
        }
        return new Part(first, nullable);
    }

    private Part sequence() {
        BitSet first = new BitSet();
        boolean nullable = true;
        while (pos < src.length() && src.charAt(pos) != '|' && src.charAt(pos) != ')') {
            Part atom = quantified(atom());
            if (nullable) {
                first = new Part(first, false).union(atom.first());
                nullable = atom.nullable();
            }
        }
        return new Part(first, nullable);
    }

    private Part quantified(Part atom) {
        if (pos >= src.length()) {
            return atom;
        }
        char c = src.charAt(pos);
        boolean nullable = atom.nullable();
        if (c == '?' || c == '*') {
            pos++;
            nullable = true;
        } else if (c == '+') {
            pos++;
        } else if (c == '{') {
            int close = src.indexOf('}', pos);
            if (close < 0) {
                throw new Unknown();
            }
            String bounds = src.substring(pos + 1, close);
            String min = bounds.contains(",") ? bounds.substring(0, bounds.indexOf(',')) : bounds;
            if (!min.matches("\\d+")) {
                throw new Unknown();
            }
            nullable |= Integer.parseInt(min) == 0;
            pos = close + 1;
        } else {
            return atom;
        }
        if (pos < src.length() && (src.charAt(pos) == '?' || src.charAt(pos) == '+')) {
            pos++;
        }
        return new Part(atom.first(), nullable);
    }

    private Part atom() {
        char c = src.charAt(pos);
        switch (c) {
            case '(':
                return group();
            case '[':
                return charClass();
            case '\\':
                return escape();
            case '^':
            case '$':
                pos++;
                return new Part(new BitSet(), true);
            case '.':
                pos++;
                return Part.any();
            case '*':
            case '+':
            case '?':
            case '{':
                throw new Unknown();
            default:
                pos++;
                return literal(c);
        }
    }

    private Part group() {
        pos++;
        if (src.startsWith("?:", pos)) {
            pos += 2;
        } else if (src.startsWith("?=", pos) || src.startsWith("?!", pos)) {
            pos += 2;
            skipToClose();
            return new Part(new BitSet(), true);
        } else if (src.startsWith("?<=", pos) || src.startsWith("?<!", pos)) {
            pos += 3;
            skipToClose();
            return new Part(new BitSet(), true);
        } else if (src.startsWith("?<", pos)) {
            int close = src.indexOf('>', pos);
            if (close < 0 || !src.substring(pos + 2, close).matches("[A-Za-z][A-Za-z0-9]*")) {
                throw new Unknown();
            }
            pos = close + 1;
        } else if (src.startsWith("?", pos)) {
            throw new Unknown();
        }
        Part inner = alternation();
        expect(')');
        return inner;
    }

    /** Skips a lookaround's body (it consumes nothing, so it adds no first characters) up to its closing paren. */
    private void skipToClose() {
        int depth = 0;
        while (true) {
            char c = src.charAt(pos);
            if (c == '\\') {
                if (src.charAt(pos + 1) == 'Q') {
                    int end = src.indexOf("\\E", pos + 2);
                    if (end < 0) {
                        throw new Unknown();
                    }
                    pos = end + 2;
                } else {
                    pos += 2;
                }
                continue;
            }
            if (c == '[') {
                skipClass();
                continue;
            }
            pos++;
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    return;
                }
                depth--;
            }
        }
    }

    private void skipClass() {
        pos++;
        int depth = 1;
        if (src.charAt(pos) == '^') {
            pos++;
        }
        if (src.charAt(pos) == ']') {
            throw new Unknown();
        }
        while (depth > 0) {
            char c = src.charAt(pos);
            if (c == '\\') {
                pos += 2;
                continue;
            }
            pos++;
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
        }
    }

    private Part charClass() {
        pos++;
        char c0 = src.charAt(pos);
        if (c0 == '^' || c0 == ']') {
            throw new Unknown();
        }
        BitSet first = new BitSet();
        while (src.charAt(pos) != ']') {
            char c = member();
            if (src.charAt(pos) == '-' && src.charAt(pos + 1) != ']') {
                pos++;
                char to = member();
                if (to < c || to - c > 256) {
                    throw new Unknown();
                }
                for (char x = c; x <= to; x++) {
                    addVariants(first, x);
                }
            } else {
                addVariants(first, c);
            }
        }
        pos++;
        return new Part(first, false);
    }

    private char member() {
        char c = src.charAt(pos);
        if (c == '[' || c == '&') {
            throw new Unknown();
        }
        if (c == '\\') {
            char e = src.charAt(pos + 1);
            if (Character.isLetterOrDigit(e)) {
                throw new Unknown();
            }
            pos += 2;
            return e;
        }
        pos++;
        return c;
    }

    private Part escape() {
        char e = src.charAt(pos + 1);
        if (e == 'Q') {
            int end = src.indexOf("\\E", pos + 2);
            String quoted = end < 0 ? src.substring(pos + 2) : src.substring(pos + 2, end);
            pos = end < 0 ? src.length() : end + 2;
            return quoted.isEmpty() ? new Part(new BitSet(), true) : literal(quoted.charAt(0));
        }
        if (e == 'b' || e == 'B') {
            pos += 2;
            return new Part(new BitSet(), true);
        }
        if ("dDwWsS".indexOf(e) >= 0) {
            pos += 2;
            return Part.any();
        }
        if (e == 'p' || e == 'P') {
            if (src.charAt(pos + 2) == '{') {
                int close = src.indexOf('}', pos);
                if (close < 0) {
                    throw new Unknown();
                }
                pos = close + 1;
            } else {
                pos += 3;
            }
            return Part.any();
        }
        if (Character.isLetterOrDigit(e)) {
            throw new Unknown();
        }
        pos += 2;
        return literal(e);
    }

    private Part literal(char c) {
        if (Character.isSurrogate(c) || Character.isWhitespace(c) && c != ' ') {
            throw new Unknown();
        }
        BitSet first = new BitSet();
        addVariants(first, c);
        return new Part(first, false);
    }

    private void expect(char c) {
        if (pos >= src.length() || src.charAt(pos) != c) {
            throw new Unknown();
        }
        pos++;
    }

    private static void addVariants(BitSet set, char c) {
        char lower = Character.toLowerCase(c);
        char upper = Character.toUpperCase(c);
        set.set(c);
        set.set(lower);
        set.set(upper);
        set.set(Character.toLowerCase(upper));
        set.set(Character.toUpperCase(lower));
    }
}
