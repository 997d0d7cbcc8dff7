package dev.dispatchsim.tests.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads what a public type shows its users, by reflection over compiled classes: supertypes, fields,
 * record components, constructors and methods (parameters, return types, thrown types), generic
 * arguments and bounds included. Reports every type there whose name starts with a forbidden prefix.
 */
final class ApiSignatures {

    /** What no public signature may name: the implementation, and the libraries a user must not depend on through us. */
    static final List<String> FORBIDDEN = List.of("dev.dispatchsim.internal.", "io.javalin.", "org.eclipse.jetty.",
            "com.fasterxml.");

    private final List<String> forbidden;

    ApiSignatures(List<String> forbidden) {
        this.forbidden = List.copyOf(forbidden);
    }

    /** "Owner: where: type" for every forbidden type a public or protected member of {@code type} names. */
    List<String> violations(Class<?> type) {
        List<String> found = new ArrayList<>();
        if (!Modifier.isPublic(type.getModifiers())) {
            return found;
        }
        check(found, type, "supertype", type.getGenericSuperclass());
        for (Type face : type.getGenericInterfaces()) {
            check(found, type, "supertype", face);
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                check(found, type, "record component " + component.getName(), component.getGenericType());
            }
        }
        for (Field field : type.getDeclaredFields()) {
            if (visible(field.getModifiers())) {
                check(found, type, "field " + field.getName(), field.getGenericType());
            }
        }
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (visible(constructor.getModifiers())) {
                checkExecutable(found, type, constructor, "constructor");
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (visible(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
                check(found, type, "return of " + method.getName() + "()", method.getGenericReturnType());
                checkExecutable(found, type, method, "method " + method.getName() + "()");
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            found.addAll(violations(nested));
        }
        return found;
    }

    /** Every top-level class of the packages under {@code root} in the jar or directory that holds {@code anchor}. */
    static List<Class<?>> publicTypes(Class<?> anchor, String root, Set<String> excludedPrefixes) {
        Path location;
        try {
            location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
        try (FileSystem jar = Files.isDirectory(location) ? null : FileSystems.newFileSystem(location)) {
            Path base = jar == null ? location : jar.getPath("/");
            Path packageDir = base.resolve(root.replace('.', '/'));
            List<Class<?>> types = new ArrayList<>();
            try (Stream<Path> files = Files.walk(packageDir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = base.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                    if (name.contains("$") || name.endsWith("package-info")
                            || excludedPrefixes.stream().anyMatch(name::startsWith)) {
                        continue;
                    }
                    Class<?> type = Class.forName(name, false, anchor.getClassLoader());
                    if (Modifier.isPublic(type.getModifiers())) {
                        types.add(type);
                    }
                }
            }
            return types;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        } catch (ClassNotFoundException listedButMissing) {
            throw new IllegalStateException(listedButMissing);
        }
    }

    private void checkExecutable(List<String> found, Class<?> owner, Executable executable, String where) {
        Type[] parameters = executable.getGenericParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
            check(found, owner, where + " parameter " + (i + 1), parameters[i]);
        }
        for (Type thrown : executable.getGenericExceptionTypes()) {
            check(found, owner, where + " throws", thrown);
        }
        for (TypeVariable<?> variable : executable.getTypeParameters()) {
            check(found, owner, where + " type parameter " + variable.getName(), variable);
        }
    }

    private void check(List<String> found, Class<?> owner, String where, Type type) {
        for (Class<?> named : named(type)) {
            if (forbidden.stream().anyMatch(named.getName()::startsWith)) {
                found.add(owner.getName() + ": " + where + ": " + named.getName());
            }
        }
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** Every class a type mentions: itself, array components, type arguments, wildcard and variable bounds. */
    private static List<Class<?>> named(Type type) {
        List<Class<?>> classes = new ArrayList<>();
        collect(type, classes, Collections.newSetFromMap(new IdentityHashMap<>()));
        return classes;
    }

    private static void collect(Type type, List<Class<?>> classes, Set<Type> seen) {
        if (type == null || !seen.add(type)) {
            return;
        }
        if (type instanceof Class<?> plain) {
            if (plain.isArray()) {
                collect(plain.componentType(), classes, seen);
            } else {
                classes.add(plain);
            }
        } else if (type instanceof ParameterizedType parameterized) {
            collect(parameterized.getRawType(), classes, seen);
            collect(parameterized.getOwnerType(), classes, seen);
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, classes, seen);
            }
        } else if (type instanceof GenericArrayType array) {
            collect(array.getGenericComponentType(), classes, seen);
        } else if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                collect(bound, classes, seen);
            }
            for (Type bound : wildcard.getLowerBounds()) {
                collect(bound, classes, seen);
            }
        } else if (type instanceof TypeVariable<?> variable) {
            for (Type bound : variable.getBounds()) {
                collect(bound, classes, seen);
            }
        }
    }
}
