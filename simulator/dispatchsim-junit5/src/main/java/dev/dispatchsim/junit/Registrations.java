package dev.dispatchsim.junit;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a test class asks for a simulator (the annotation, a {@code @RegisterExtension} field, a
 * field-level {@code @ExtendWith}), and the ways of asking twice, which fail naming the fields: a
 * test class has one simulator, or its parameters could not tell which one they mean.
 */
final class Registrations {

    private Registrations() {
    }

    static void check(ExtensionContext context) {
        List<Class<?>> classes = classes(context);
        String testClass = context.getRequiredTestClass().getName();
        List<Field> registering = new ArrayList<>();
        for (Class<?> type : classes) {
            for (Field field : type.getDeclaredFields()) {
                // @RegisterExtension and @ExtendWith on one field: JUnit itself refuses that, naming the field.
                boolean registered = field.isAnnotationPresent(RegisterExtension.class)
                        && LiveKitSimulatorExtension.class.isAssignableFrom(field.getType());
                if (registered || extendsWithUs(field)) {
                    registering.add(field);
                }
            }
        }
        Optional<Class<?>> annotated = classes.stream().filter(Registrations::extendsWithUs).findFirst();
        if (annotated.isPresent() && !registering.isEmpty()) {
            throw new ExtensionConfigurationException(annotated.get().getName() + " is annotated @LiveKitSimulatorTest and "
                    + name(registering.get(0)) + " registers a LiveKitSimulatorExtension too; a test class gets one "
                    + "simulator: keep the annotation (defaults) or the field (configured in code), not both");
        }
        if (registering.size() > 1) {
            throw new ExtensionConfigurationException(registering.stream().map(Registrations::name)
                    .collect(Collectors.joining(" and ")) + " each register a LiveKitSimulatorExtension in " + testClass
                    + "; a test class gets one simulator (its parameters could not tell them apart): keep one");
        }
    }

    /** The field that holds {@code extension}, or the annotation that declared it, for messages. */
    static String describe(ExtensionContext context, LiveKitSimulatorExtension extension) {
        for (Class<?> type : classes(context)) {
            for (Field field : type.getDeclaredFields()) {
                if (LiveKitSimulatorExtension.class.isAssignableFrom(field.getType()) && holds(context, field, extension)) {
                    return name(field);
                }
            }
        }
        return classes(context).stream().filter(Registrations::extendsWithUs).findFirst()
                .map(type -> "@LiveKitSimulatorTest on " + type.getName())
                .orElse("LiveKitSimulatorExtension on " + context.getRequiredTestClass().getName());
    }

    /** The annotation's settings, from the test class or the class that encloses it. */
    static Optional<LiveKitSimulatorTest> annotation(ExtensionContext context) {
        return classes(context).stream()
                .map(type -> AnnotationSupport.findAnnotation(type, LiveKitSimulatorTest.class))
                .flatMap(Optional::stream).findFirst();
    }

    private static boolean holds(ExtensionContext context, Field field, LiveKitSimulatorExtension extension) {
        try {
            field.setAccessible(true);
            if (Modifier.isStatic(field.getModifiers())) {
                return field.get(null) == extension;
            }
            for (Object instance : context.getTestInstances().map(i -> i.getAllInstances()).orElse(List.of())) {
                if (field.getDeclaringClass().isInstance(instance) && field.get(instance) == extension) {
                    return true;
                }
            }
            return false;
        } catch (ReflectiveOperationException | RuntimeException unreadable) {
            return false;
        }
    }

    private static boolean extendsWithUs(java.lang.reflect.AnnotatedElement element) {
        return AnnotationSupport.findRepeatableAnnotations(element, ExtendWith.class).stream()
                .anyMatch(e -> Arrays.asList(e.value()).contains(LiveKitSimulatorExtension.class));
    }

    /** The test class and its superclasses, then each enclosing class (for {@code @Nested}) and theirs. */
    private static List<Class<?>> classes(ExtensionContext context) {
        List<Class<?>> outermostLast = new ArrayList<>(List.of(context.getRequiredTestClass()));
        List<Class<?>> enclosing = new ArrayList<>(context.getEnclosingTestClasses());
        java.util.Collections.reverse(enclosing);
        outermostLast.addAll(enclosing);
        List<Class<?>> result = new ArrayList<>();
        for (Class<?> type : outermostLast) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                if (!result.contains(c)) {
                    result.add(c);
                }
            }
        }
        return result;
    }

    private static String name(Field field) {
        return "field '" + field.getName() + "' of " + field.getDeclaringClass().getName();
    }
}
