package dev.dispatchsim.internal.fault;

import com.google.re2j.Pattern;

import java.util.Objects;

/**
 * A compiled glob ({@code *} any run of characters, {@code ?} one character, everything else
 * literal) or regular expression, matched against the whole text. Equality is by kind and source
 * text, so profiles compare by value.
 *
 * <p>Both compile to RE2 (re2j), whose matching takes time linear in the text for any pattern: a
 * selector is tested on the engine thread for every event, and a backtracking engine can be made to
 * run for ever by one pattern (a glob such as {@code *a*a*a*a*b} against a long room name, or a
 * regex with nested repetition), which would freeze the whole simulator. RE2 has no backreferences
 * and no lookaround; a regex that uses them is rejected when it is compiled.
 */
public final class TextPattern {
    private final String source;
    private final boolean regex;
    private final Pattern compiled;

    private TextPattern(String source, boolean regex, Pattern compiled) {
        this.source = source;
        this.regex = regex;
        this.compiled = compiled;
    }

    public static TextPattern glob(String glob) {
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                re.append(quote(literal)).append(c == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        re.append(quote(literal));
        return new TextPattern(glob, false, Pattern.compile(re.toString(), Pattern.DOTALL));
    }

    /**
     * @throws com.google.re2j.PatternSyntaxException when {@code regex} is not a regular expression RE2
     *         supports (a syntax error, a backreference, lookaround)
     */
    public static TextPattern regex(String regex) {
        return new TextPattern(regex, true, Pattern.compile(regex));
    }

    private static String quote(StringBuilder literal) {
        return literal.length() == 0 ? "" : Pattern.quote(literal.toString());
    }

    /** An unknown value (null) never matches: a selector that names a field needs that field. */
    public boolean matches(String text) {
        return text != null && compiled.matches(text);
    }

    public String source() {
        return source;
    }

    public boolean isRegex() {
        return regex;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TextPattern p && p.regex == regex && p.source.equals(source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, regex);
    }

    @Override
    public String toString() {
        return regex ? "/" + source + "/" : source;
    }
}
