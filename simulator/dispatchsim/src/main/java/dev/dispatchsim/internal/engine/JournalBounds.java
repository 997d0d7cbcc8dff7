package dev.dispatchsim.internal.engine;

import dev.dispatchsim.journal.JournalEvent;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Each event type's components and accessors, looked up once: {@code getRecordComponents()} builds new
     * reflection objects at every call, and at every journal append that was an eighth of the engine
     * thread's time in a profile of CreateRoom and dispatch loads.
     */
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            if (components == null) {
                return new Shape(new Method[0], null);
            }
            Method[] accessors = new Method[components.length];
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
            }
            return new Shape(accessors, constructor(type, components));
        }
    };

    private record Shape(Method[] accessors, Constructor<?> constructor) {
    }

    private JournalBounds() {
    }

    static JournalEvent bound(JournalEvent event) {
        Shape shape = SHAPES.get(event.getClass());
        if (shape.constructor() == null || !tooLong(event, shape.accessors())) {
            return event; // the usual case: nothing to copy
        }
        Method[] accessors = shape.accessors();
        Object[] values = new Object[accessors.length];
        for (int i = 0; i < accessors.length; i++) {
            values[i] = boundValue(value(event, accessors[i]));
        }
        try {
            return (JournalEvent) shape.constructor().newInstance(values);
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

    private static boolean tooLong(JournalEvent event, Method[] accessors) {
        for (Method accessor : accessors) {
            if (tooLongValue(value(event, accessor))) {
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

    private static Object value(JournalEvent event, Method accessor) {
        try {
            return accessor.invoke(event);
        } catch (IllegalAccessException | InvocationTargetException impossible) {
            throw new IllegalStateException("cannot read " + accessor.getName() + " of " + event.getClass().getSimpleName(),
                    impossible);
        }
    }

    private static Constructor<?> constructor(Class<?> type, RecordComponent[] components) {
        try {
            return type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException impossible) {
            throw new IllegalStateException("a record has its canonical constructor", impossible);
        }
    }
}
