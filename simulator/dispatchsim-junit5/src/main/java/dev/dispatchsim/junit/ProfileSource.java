package dev.dispatchsim.junit;

import dev.dispatchsim.profile.Profile;
import dev.dispatchsim.profile.ProfileException;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Where a test's fault profile comes from. Kept unresolved until the simulator starts, so that a bad
 * one fails the test class with an {@link ExtensionConfigurationException} naming the annotation or
 * field it was given in, instead of an error while JUnit initialises the class.
 */
sealed interface ProfileSource {

    String CLASSPATH = "classpath:";

    Profile resolve(String where);

    /** None: the simulator behaves like livekit-server. */
    record None() implements ProfileSource {
        @Override
        public Profile resolve(String where) {
            return Profile.none();
        }
    }

    /** A bundled name, a file path (relative to the working directory), or {@code classpath:path}. */
    record Reference(String reference) implements ProfileSource {
        @Override
        public Profile resolve(String where) {
            try {
                if (reference.startsWith(CLASSPATH)) {
                    String resource = reference.substring(CLASSPATH.length()).replaceFirst("^/", "");
                    return Profile.fromYaml(readResource(resource, where), resource);
                }
                return Profile.load(reference);
            } catch (ProfileException bad) {
                throw new ExtensionConfigurationException(where + ": " + bad.getMessage(), bad);
            }
        }
    }

    record Inline(String yaml) implements ProfileSource {
        @Override
        public Profile resolve(String where) {
            try {
                return Profile.fromYaml(yaml);
            } catch (ProfileException bad) {
                throw new ExtensionConfigurationException(where + ": " + bad.getMessage(), bad);
            }
        }
    }

    record Given(Profile profile) implements ProfileSource {
        @Override
        public Profile resolve(String where) {
            return profile;
        }
    }

    /** From annotation attributes, where "" means not given; both given is a mistake. */
    static ProfileSource of(String reference, String yaml, String where) {
        if (!reference.isEmpty() && !yaml.isEmpty()) {
            throw new ExtensionConfigurationException(where + ": give a profile reference or inline YAML, not both");
        }
        if (!reference.isEmpty()) {
            return new Reference(reference);
        }
        return yaml.isEmpty() ? new None() : new Inline(yaml);
    }

    private static String readResource(String resource, String where) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = (loader != null ? loader : ProfileSource.class.getClassLoader()).getResourceAsStream(resource)) {
            if (in == null) {
                throw new ExtensionConfigurationException(where + ": no classpath resource '" + resource
                        + "' (put it under src/test/resources/" + resource + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read classpath resource " + resource, unreadable);
        }
    }
}
