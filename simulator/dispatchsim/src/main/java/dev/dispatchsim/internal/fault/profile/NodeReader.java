package dev.dispatchsim.internal.fault.profile;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.dispatchsim.profile.ProfileException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streams a YAML (or JSON: the YAML parser reads it too) text into a located {@link Node} tree.
 * Rejects what a tree cannot hold honestly: duplicate keys (the later one would silently win)
 * and more than one document.
 */
final class NodeReader {
    private static final YAMLFactory YAML = YAMLFactory.builder().build();

    private final JsonParser parser;
    private final String source;

    private NodeReader(JsonParser parser, String source) {
        this.parser = parser;
        this.source = source;
    }

    static Node read(String text, String source) {
        try (JsonParser p = YAML.createParser(text)) {
            NodeReader reader = new NodeReader(p, source);
            if (p.nextToken() == null) {
                throw Problems.at(new Node.Location(source, 1, 1),
                        "the profile is empty; it needs at least a 'name'", null, List.of());
            }
            Node root = reader.value();
            if (p.nextToken() != null) {
                throw Problems.at(reader.here(), "more than one YAML document; a profile is one document",
                        null, List.of());
            }
            return root;
        } catch (JsonProcessingException e) {
            throw syntaxError(e, source);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String: cannot happen
        }
    }

    /**
     * The YAML parser's own explanation at the place it found the problem (its "problem mark"); the position
     * Jackson reports is where its last token started, which for an indentation error is often lines earlier.
     * The parser's context ("while parsing a block mapping") and where that started are kept too.
     */
    private static ProfileException syntaxError(JsonProcessingException e, String source) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark at = marked.getProblemMark();
            StringBuilder why = new StringBuilder("not valid YAML: ").append(oneLine(marked.getProblem()));
            if (marked.getContext() != null) {
                why.append(" (").append(oneLine(marked.getContext()));
                Mark context = marked.getContextMark();
                if (context != null) {
                    why.append(" that starts at line ").append(context.getLine() + 1)
                            .append(", column ").append(context.getColumn() + 1);
                }
                why.append(')');
            }
            return new ProfileException(source, at.getLine() + 1, at.getColumn() + 1, why.toString(), null, List.of());
        }
        JsonLocation l = e.getLocation();
        String why = e.getOriginalMessage().lines().findFirst().orElse("syntax error").strip();
        return new ProfileException(source, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
                "not valid YAML or JSON: " + why, null, List.of());
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\n\\s*", " ");
    }

    private Node.Location here() {
        JsonLocation l = parser.currentTokenLocation();
        return new Node.Location(source, l.getLineNr(), l.getColumnNr());
    }

    private Node value() throws IOException {
        Node.Location at = here();
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                return mapping(at);
            case START_ARRAY:
                List<Node> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value());
                }
                return new Node.Sequence(List.copyOf(items), at);
            case VALUE_STRING:
                return new Node.Scalar(parser.getText(), parser.getText(), at);
            case VALUE_NUMBER_INT:
                Object n = parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? parser.getBigIntegerValue() : (Object) parser.getLongValue();
                return new Node.Scalar(n, parser.getText(), at);
            case VALUE_NUMBER_FLOAT:
                return new Node.Scalar(parser.getDoubleValue(), parser.getText(), at);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new Node.Scalar(token == JsonToken.VALUE_TRUE, parser.getText(), at);
            case VALUE_NULL:
                return new Node.Scalar(null, parser.getText(), at);
            default:
                throw Problems.at(at, "unsupported YAML value '" + parser.getText() + "'",
                        parser.getText(), List.of());
        }
    }

    private Node mapping(Node.Location at) throws IOException {
        Map<String, Node.Entry> entries = new LinkedHashMap<>();
        while (parser.nextToken() != JsonToken.END_OBJECT) {
            String key = parser.currentName();
            Node.Location keyAt = here();
            if (entries.containsKey(key)) {
                Node.Location first = entries.get(key).keyLocation();
                throw Problems.at(keyAt, "duplicate key '" + key + "' (first written at line "
                        + first.line() + ")", key, List.of());
            }
            parser.nextToken();
            entries.put(key, new Node.Entry(key, keyAt, value()));
        }
        return new Node.Mapping(Collections.unmodifiableMap(entries), at);
    }
}
