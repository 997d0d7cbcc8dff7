package dev.dispatchsim.tests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files for messages: {@code src/test/resources/golden/<name>.txt}, compared exactly. To
 * (re)write them after an intended change, run the tests with {@code -Dgolden.update=true} and review
 * the diff; a missing file is never written silently.
 */
public final class GoldenText {

    private static final Path DIRECTORY = Path.of("src", "test", "resources", "golden");

    private GoldenText() {
    }

    public static void assertMatches(String name, String actual) {
        Path file = DIRECTORY.resolve(name + ".txt");
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            }
            assertThat(file).as("golden file %s (write it with -Dgolden.update=true, then review it)", file).exists();
            assertThat(actual).as("message compared with golden file %s", file)
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
