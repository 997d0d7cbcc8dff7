package dev.dispatchsim.internal.fault.profile;

import dev.dispatchsim.internal.fault.FaultEffect;
import dev.dispatchsim.internal.fault.HookPoint;
import dev.dispatchsim.model.ErrorCode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps fault-profiles/ (files, headers, README) in step with the code. Runs from the module directory. */
class DocsAndIndexTest {
    private static final Path PROFILES = Path.of("..", "..", "fault-profiles");

    private static String readme() throws IOException {
        return Files.readString(PROFILES.resolve("README.md"));
    }

    @Test
    void should_list_exactly_the_files_in_fault_profiles_when_reading_the_bundled_index() throws IOException {
        try (Stream<Path> files = Files.list(PROFILES)) {
            List<String> onDisk = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
            assertThat(ProfileLoader.bundledNames()).containsExactlyInAnyOrderElementsOf(onDisk);
        }
    }

    @Test
    void should_start_with_source_symptom_and_advice_when_a_profile_is_bundled() throws IOException {
        for (String name : ProfileLoader.bundledNames()) {
            String text = Files.readString(PROFILES.resolve(name + ".yaml"));
            assertThat(text).as(name).startsWith("# Reproduces: ").contains("#   Catalogue: ../docs/failure-catalogue.md#")
                    .contains("# What happens:").contains("# What a client should do:");
            assertThat(readme()).as("README row for " + name).contains("| `" + name + "` |");
        }
    }

    @Test
    void should_document_every_name_of_the_vocabulary_when_reading_the_readme() throws IOException {
        String readme = readme();
        Stream.of(HookPoint.wireNames(), SelectorReader.KEYS, ScheduleReader.KEYS, FaultEffect.TYPE_NAMES,
                        DelayReader.DISTRIBUTIONS, ErrorCode.wireNames())
                .flatMap(List::stream)
                .forEach(name -> assertThat(readme).as(name).contains("`" + name + "`"));
    }

    @Test
    void should_state_the_allowed_hooks_the_code_enforces_when_documenting_effects() throws IOException {
        String readme = readme();
        assertThat(allowedCell(readme, "duplicate")).isEqualTo(wire(new FaultEffect.Duplicate(java.time.Duration.ZERO)));
        assertThat(allowedCell(readme, "stall")).isEqualTo(wire(new FaultEffect.Stall()));
        assertThat(allowedCell(readme, "reorder")).isEqualTo(wire(new FaultEffect.Reorder()));
        assertThat(allowedCell(readme, "disconnect")).isEqualTo(wire(new FaultEffect.Disconnect(1011, "")));
        assertThat(allowedCell(readme, "drop")).containsExactly("job_status_report"); // "every hook except"
    }

    private static List<String> wire(FaultEffect e) {
        return e.allowedAt().stream().map(HookPoint::wireName).toList();
    }

    /** The backticked names in the "allowed at" column of an effect's README row. */
    private static List<String> allowedCell(String readme, String effect) {
        String row = readme.lines().filter(l -> l.startsWith("| `" + effect + "` |")).findFirst().orElseThrow();
        Matcher m = Pattern.compile("`([a-z_]+)`").matcher(row.split("\\|")[3]);
        return m.results().map(r -> r.group(1)).toList();
    }
}
