package dev.dispatchsim.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps docs/architecture.md's package table true: dependencies point down, only the transport imports Javalin,
 * only protocol packages (the webhook notifier's among them) import generated protos, only fault.profile imports YAML, and nothing reads
 * the wall clock or unseeded randomness outside the clock package.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/dev/dispatchsim");

    @Test
    void should_keep_javalin_and_jetty_in_transport_only_when_scanning_imports() {
        assertThat(violations(p -> !p.startsWith("internal/transport/"), "import io.javalin", "import org.eclipse.jetty"))
                .isEmpty();
    }

    @Test
    void should_keep_generated_protos_in_protocol_packages_only_when_scanning_imports() {
        List<String> protocolPackages = List.of("internal/twirp/", "internal/service/", "internal/worker/",
                "internal/transport/", "internal/webhook/");
        assertThat(violations(p -> protocolPackages.stream().noneMatch(p::startsWith), "import dev.dispatchsim.proto."))
                .isEmpty();
    }

    @Test
    void should_keep_yaml_in_fault_profile_only_when_scanning_imports() {
        assertThat(violations(p -> !p.startsWith("internal/fault/profile/"), "import com.fasterxml.jackson.dataformat.yaml"))
                .isEmpty();
    }

    @Test
    void should_keep_model_clock_and_engine_free_of_transport_proto_and_jackson_when_scanning_imports() {
        assertThat(violations(p -> p.startsWith("model/") || p.startsWith("journal/") || isClock(p)
                        || p.startsWith("internal/engine/"),
                "import io.javalin", "import dev.dispatchsim.proto.", "import com.fasterxml.jackson",
                "import dev.dispatchsim.internal.transport", "import dev.dispatchsim.internal.twirp",
                "import dev.dispatchsim.internal.service", "import dev.dispatchsim.internal.worker")).isEmpty();
        assertThat(violations(ArchitectureTest::isClock, "import dev.dispatchsim.").stream()
                .filter(line -> !line.contains("import dev.dispatchsim.clock.")
                        && !line.contains("import dev.dispatchsim.internal.clock.")))
                .isEmpty();
        assertThat(violations(p -> p.startsWith("model/") || p.startsWith("journal/"), "import dev.dispatchsim.internal"))
                .isEmpty();
    }

    @Test
    void should_keep_fault_and_auth_free_of_transport_and_engine_when_scanning_imports() {
        assertThat(violations(p -> p.startsWith("internal/fault/") || p.startsWith("internal/auth/"),
                "import dev.dispatchsim.internal.engine", "import dev.dispatchsim.internal.transport",
                "import dev.dispatchsim.proto.", "import io.javalin")).isEmpty();
    }

    @Test
    void should_read_time_and_randomness_only_in_the_clock_packages_when_scanning_sources() {
        assertThat(violations(p -> !isClock(p), "Instant.now()", "System.currentTimeMillis()",
                "new Random(", "ThreadLocalRandom", "Thread.sleep(")).isEmpty();
    }

    /** The public clock package and the internal one (the event loop, the wall clock, seeding). */
    private static boolean isClock(String path) {
        return path.startsWith("clock/") || path.startsWith("internal/clock/");
    }

    /** Lines containing any of {@code needles} in main sources whose package path matches. */
    private static List<String> violations(java.util.function.Predicate<String> inScope, String... needles) {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = MAIN.relativize(file).toString().replace('\\', '/');
                if (!inScope.test(relative)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    for (String needle : needles) {
                        if (lines.get(i).contains(needle)) {
                            found.add(relative + ":" + (i + 1) + ": " + lines.get(i).trim());
                        }
                    }
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return found;
    }
}
