package dev.dispatchsim.internal.fault;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A compiled glob ({@code *} any run of characters, {@code ?} one character, everything else
 * literal) or regular expression, matched against the whole text. Equality is by kind and source
 * text, so profiles compare by value.
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

    /** @throws java.util.regex.PatternSyntaxException when {@code regex} does not compile */
    public static TextPattern regex(String regex) {
        return new TextPattern(regex, true, Pattern.compile(regex));
    }

    private static String quote(StringBuilder literal) {
        return literal.length() == 0 ? "" : Pattern.quote(literal.toString());
    }

    /** An unknown value (null) never matches: a selector that names a field needs that field. */
    public boolean matches(String text) {
        return text != null && compiled.matcher(text).matches();
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
