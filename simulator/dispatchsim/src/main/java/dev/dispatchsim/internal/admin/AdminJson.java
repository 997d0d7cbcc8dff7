package dev.dispatchsim.internal.admin;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.dispatchsim.admin.AdminException;
import dev.dispatchsim.journal.AppliedEffect;
import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.journal.JournalEvent;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The admin API's JSON: instants and durations as ISO-8601 strings, records as their components, journal
 * entries as one JSON object per line with the event's {@code type} beside it, applied fault effects
 * tagged with theirs. Request bodies are read
 * strictly (an unknown field is an error naming the valid ones); responses leniently, so that an
 * older client keeps working against a newer server.
 */
public final class AdminJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .addMixIn(AppliedEffect.class, AppliedEffectJson.class)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final Map<String, Class<?>> EVENT_TYPES = Arrays.stream(JournalEvent.class.getPermittedSubclasses())
            .collect(Collectors.toMap(Class::getSimpleName, c -> c));

    /** One journal line: the entry with the event's type name beside it. */
    record JournalLine(long seq, Instant virtualTime, Instant wallTime, String type, JournalEvent event) {
    }

    private AdminJson() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write admin JSON for " + value.getClass().getSimpleName(), e);
        }
    }

    public static String journalLine(JournalEntry entry) {
        return write(new JournalLine(entry.seq(), entry.virtualTime(), entry.wallTime(), entry.type(), entry.event()));
    }

    /** JSON Lines: one entry per line, each line ending in a newline. */
    public static String journalLines(List<JournalEntry> entries) {
        StringBuilder lines = new StringBuilder();
        entries.forEach(e -> lines.append(journalLine(e)).append('\n'));
        return lines.toString();
    }

    public static JournalEntry readJournalLine(String line) {
        try {
            JsonNode node = MAPPER.readTree(line);
            String type = node.path("type").asText();
            Class<?> eventType = EVENT_TYPES.get(type);
            if (eventType == null) {
                throw new IllegalArgumentException("unknown journal event type '" + type + "' in " + line);
            }
            JournalEvent event = (JournalEvent) MAPPER.treeToValue(node.get("event"), eventType);
            return new JournalEntry(node.path("seq").asLong(), MAPPER.treeToValue(node.get("virtualTime"), Instant.class),
                    MAPPER.treeToValue(node.get("wallTime"), Instant.class), event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a journal line: " + line, e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unexpected admin JSON for " + type.getSimpleName() + ": " + json, e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unexpected admin JSON: " + json, e);
        }
    }

    public static Map<String, Object> readMap(String json) {
        return read(json, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    /** A request body; errors become 400 {@code invalid_body} with the line, column and field at fault. */
    static <T> T readBody(String body, Class<T> type) {
        try {
            return MAPPER.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(body);
        } catch (UnrecognizedPropertyException unknown) {
            throw bodyError(unknown, "unknown field '" + unknown.getPropertyName() + "'; valid: "
                    + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
        } catch (InvalidFormatException wrongValue) {
            Class<?> target = wrongValue.getTargetType();
            String valid = target != null && target.isEnum()
                    ? "; valid: " + Arrays.stream(target.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "))
                    : "";
            throw bodyError(wrongValue, "'" + wrongValue.getValue() + "' is not a valid " + fieldPath(wrongValue) + valid);
        } catch (JsonProcessingException malformed) {
            throw bodyError(malformed, malformed.getOriginalMessage());
        }
    }

    private static String fieldPath(com.fasterxml.jackson.databind.JsonMappingException failure) {
        String path = failure.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "value" : path;
    }

    private static AdminException bodyError(JsonProcessingException failure, String problem) {
        JsonLocation at = failure.getLocation();
        int line = at == null ? 0 : at.getLineNr();
        int column = at == null ? 0 : at.getColumnNr();
        String where = line > 0 ? "body:" + line + ":" + column + ": " : "body: ";
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("line", line);
        details.put("column", column);
        details.put("problem", problem);
        return new AdminException(400, "invalid_body", where + problem, details);
    }
}
