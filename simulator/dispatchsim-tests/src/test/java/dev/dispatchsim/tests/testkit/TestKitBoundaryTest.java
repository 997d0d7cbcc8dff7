package dev.dispatchsim.tests.testkit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN.md "Packages": the JUnit extension, assertions and test kit are used only by tests, and they
 * reach the simulator only through its public front (LiveKitSimulator, engine commands, journal,
 * clock) or a socket, never through the transports.
 */
class TestKitBoundaryTest {

    private static final Path MAIN = Path.of("..", "dispatchsim", "src", "main", "java", "dev", "dispatchsim");
    private static final Path JUNIT5 = Path.of("..", "dispatchsim-junit5", "src", "main", "java", "dev", "dispatchsim");
    private static final Path ASSERTJ = Path.of("..", "dispatchsim-assertj", "src", "main", "java", "dev", "dispatchsim");
    private static final List<Path> TEST_SIDE = List.of(JUNIT5.resolve("junit"), ASSERTJ.resolve("assertions"),
            JUNIT5.resolve("testkit"));

    @Test
    void should_not_import_test_side_packages_when_a_class_is_simulator_code() {
        assertThat(imports(MAIN))
                .noneMatch(line -> line.contains("dev.dispatchsim.junit") || line.contains("dev.dispatchsim.assertions")
                        || line.contains("dev.dispatchsim.testkit") || line.contains("org.junit") || line.contains("org.assertj"));
    }

    @Test
    void should_not_import_transports_when_a_class_is_test_side() {
        for (Path pkg : TEST_SIDE) {
            assertThat(imports(pkg)).as(pkg.toString())
                    .isNotEmpty()
                    .noneMatch(line -> line.contains("io.javalin") || line.contains("dev.dispatchsim.internal.transport.")
                            || line.contains("dev.dispatchsim.internal.service.") || line.contains("dev.dispatchsim.internal.twirp."));
        }
    }

    /** "relative/path/File.java: import x.y.Z;" for every import under {@code root}. */
    private static Stream<String> imports(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList().stream().flatMap(file -> {
                try {
                    String name = root.relativize(file).toString().replace('\\', '/');
                    return Files.readAllLines(file).stream().filter(l -> l.startsWith("import ")).map(l -> name + ": " + l);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
