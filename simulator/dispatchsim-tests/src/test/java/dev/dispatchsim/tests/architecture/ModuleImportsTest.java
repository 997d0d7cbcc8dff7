package dev.dispatchsim.tests.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What each published module's main code may import (docs/architecture.md, "Dependency rules"): the
 * simulator knows no test framework; the JUnit 5 module no AssertJ and the AssertJ module no JUnit, so a
 * user gets only what they asked for; the Testcontainers module neither; and all three reach the simulator
 * only through its public API.
 */
class ModuleImportsTest {

    private static final Path CORE = module("dispatchsim");
    private static final Path JUNIT5 = module("dispatchsim-junit5");
    private static final Path ASSERTJ = module("dispatchsim-assertj");
    private static final Path TESTCONTAINERS = module("dispatchsim-testcontainers");

    @Test
    void should_import_no_test_framework_when_the_code_is_the_simulators() {
        assertThat(imports(CORE)).isNotEmpty().noneMatch(ModuleImportsTest::isTestFramework);
    }

    @Test
    void should_import_no_assertj_when_the_code_is_the_junit5_modules() {
        assertThat(imports(JUNIT5)).isNotEmpty().noneMatch(i -> i.contains(" org.assertj") || i.contains(" dev.dispatchsim.assertions"));
    }

    @Test
    void should_import_no_junit_when_the_code_is_the_assertj_modules() {
        assertThat(imports(ASSERTJ)).isNotEmpty().noneMatch(i -> i.contains(" org.junit") || i.contains(" dev.dispatchsim.junit")
                || i.contains(" dev.dispatchsim.testkit"));
    }

    @Test
    void should_import_no_test_framework_when_the_code_is_the_testcontainers_modules() {
        assertThat(imports(TESTCONTAINERS)).isNotEmpty().noneMatch(ModuleImportsTest::isTestFramework);
    }

    @Test
    void should_use_only_the_public_api_when_the_code_is_the_junit5_assertj_or_testcontainers_modules() {
        for (Path module : List.of(JUNIT5, ASSERTJ, TESTCONTAINERS)) {
            assertThat(imports(module)).as(module.toString()).noneMatch(i -> i.contains(" dev.dispatchsim.internal.")
                    || i.contains(" io.javalin") || i.contains(" org.eclipse.jetty") || i.contains(" com.fasterxml"));
        }
    }

    /** JUnit, AssertJ, or our modules built on them. */
    private static boolean isTestFramework(String importLine) {
        return importLine.contains(" org.junit") || importLine.contains(" org.assertj")
                || importLine.contains(" dev.dispatchsim.junit") || importLine.contains(" dev.dispatchsim.testkit")
                || importLine.contains(" dev.dispatchsim.assertions");
    }

    private static Path module(String name) {
        return Path.of("..", name, "src", "main", "java");
    }

    /** "File.java: import x.y.Z;" for every import under {@code root}. */
    private static List<String> imports(Path root) {
        assertThat(root).isDirectory();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).flatMap(file -> {
                try {
                    return Files.readAllLines(file).stream().filter(l -> l.startsWith("import "))
                            .map(l -> file.getFileName() + ": " + l);
                } catch (IOException unreadable) {
                    throw new UncheckedIOException(unreadable);
                }
            }).toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
