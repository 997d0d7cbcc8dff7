package dev.dispatchsim.internal.engine;

import dev.dispatchsim.journal.JournalEvent;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps at most a bounded prefix of every text an event carries, so that no client can make the journal
 * (up to its capacity in entries, kept for a whole run) hold its megabytes: a long worker error, a close
 * reason, a name that a refused call named. Texts within the bound, which is far above any id or name the
 * limits allow, are stored unchanged; a longer one keeps its first {@link #MAX_CHARS} characters and says
 * how many were cut. Works on every event record (strings, lists and maps of strings), so a new event
 * type is bounded too without anyone remembering to.
 */
final class JournalBounds {

    /** Characters kept of any one text. */
    static final int MAX_CHARS = 1024;

    private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();

    private JournalBounds() {
    }

    static JournalEvent bound(JournalEvent event) {
        RecordComponent[] components = event.getClass().getRecordComponents();
        if (components == null || !tooLong(event, components)) {
            return event; // the usual case: nothing to copy
        }
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = boundValue(value(event, components[i]));
        }
        try {
            return (JournalEvent) constructor(event.getClass(), components).newInstance(values);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException impossible) {
            throw new IllegalStateException("cannot copy " + event.getClass().getSimpleName(), impossible);
        }
    }

    /** {@code text} itself when it fits, else its prefix and how much was cut. */
    static String text(String text) {
        if (text == null || text.length() <= MAX_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return text.substring(0, end) + "...(" + (text.length() - end) + " more chars not journaled)";
    }

    private static boolean tooLong(JournalEvent event, RecordComponent[] components) {
        for (RecordComponent component : components) {
            if (tooLongValue(value(event, component))) {
                return true;
            }
        }
        return false;
    }

    private static boolean tooLongValue(Object value) {
        if (value instanceof String s) {
            return s.length() > MAX_CHARS;
        }
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(JournalBounds::tooLongValue);
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().anyMatch(e -> tooLongValue(e.getKey()) || tooLongValue(e.getValue()));
        }
        return false;
    }

    private static Object boundValue(Object value) {
        if (value instanceof String s) {
            return text(s);
        }
        if (value instanceof List<?> list) {
            List<Object> bounded = new ArrayList<>(list.size());
            list.forEach(item -> bounded.add(boundValue(item)));
            return java.util.Collections.unmodifiableList(bounded);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> bounded = new LinkedHashMap<>();
            map.forEach((k, v) -> bounded.put(boundValue(k), boundValue(v)));
            return java.util.Collections.unmodifiableMap(bounded);
        }
        return value;
    }

    private static Object value(JournalEvent event, RecordComponent component) {
        try {
            return component.getAccessor().invoke(event);
        } catch (IllegalAccessException | InvocationTargetException impossible) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + event.getClass().getSimpleName(),
                    impossible);
        }
    }

    private static Constructor<?> constructor(Class<?> type, RecordComponent[] components) {
        return CONSTRUCTORS.computeIfAbsent(type, t -> {
            try {
                return t.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            } catch (NoSuchMethodException impossible) {
                throw new IllegalStateException("a record has its canonical constructor", impossible);
            }
        });
    }
}
