package dev.dispatchsim.internal.fault.profile;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/architecture.md: fault is pure (it names what it applied as journal values); only fault.profile reads YAML.
 * Both may use re2j, the selectors' linear-time regular expressions, in place of the JDK's backtracking ones.
 */
class ImportRulesTest {
    private static final Path FAULT = Path.of("src", "main", "java", "dev", "dispatchsim", "internal", "fault");

    private static List<String> imports(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream().filter(l -> l.startsWith("import "))
                            .map(l -> p.getFileName() + ": " + l);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    @Test
    void should_import_only_the_jdk_model_and_itself_when_in_package_fault() throws IOException {
        assertThat(imports(FAULT)).isNotEmpty().allSatisfy(l -> assertThat(l)
                .containsAnyOf("import java.", "import static java.", "import dev.dispatchsim.model.",
                        "import dev.dispatchsim.profile.", "import dev.dispatchsim.journal.AppliedEffect",
                        "import dev.dispatchsim.internal.fault.", "import static dev.dispatchsim.internal.fault.",
                        "import com.google.re2j."));
    }

    @Test
    void should_import_only_jdk_jackson_model_and_fault_when_in_package_fault_profile() throws IOException {
        assertThat(imports(FAULT.resolve("profile"))).isNotEmpty().allSatisfy(l -> assertThat(l)
                .containsAnyOf("import java.", "import com.fasterxml.jackson.", "import dev.dispatchsim.model.",
                        "import dev.dispatchsim.profile.", "import dev.dispatchsim.internal.fault.",
                        "import dev.dispatchsim.internal.clock.DurationText", "import com.google.re2j.", "import org.yaml.snakeyaml.error."));
    }
}
