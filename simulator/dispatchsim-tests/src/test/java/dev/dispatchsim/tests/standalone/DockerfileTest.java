package dev.dispatchsim.tests.standalone;

import dev.dispatchsim.admin.Health;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfile's promises that need no Docker engine to check. The image itself is built and run
 * by client-tests/docker/build-image.sh and the dispatchsim-testcontainers module's tests;
 * StandaloneJarIT runs its ENTRYPOINT and HEALTHCHECK against the packaged jar.
 */
class DockerfileTest {

    private static final String JVM_ARCHIVE = "-XX:SharedArchiveFile=";
    private static final String JVM_DUMP = "-XX:ArchiveClassesAtExit=";

    private final DockerfileSpec image = DockerfileSpec.read();

    @Test
    void should_default_to_a_jre_17_pinned_by_full_version_tag_when_no_base_image_is_given() {
        assertThat(image.from()).isEqualTo("${BASE_IMAGE}");
        assertThat(image.resolve(image.from())).matches("eclipse-temurin:17\\.0\\.\\d+(\\.\\d+)?_\\d+-jre(-[a-z]+)?");
    }

    @Test
    void should_label_version_source_and_licence_as_the_jar_and_the_pom_say_when_built() throws Exception {
        String pom = Files.readString(Path.of("../../pom.xml"));
        assertThat(image.resolve(image.labels().get("org.opencontainers.image.version"))).isEqualTo(Health.VERSION);
        assertThat(pom).contains("<url>" + image.labels().get("org.opencontainers.image.source") + "</url>");
        assertThat(pom).contains("<name>" + image.labels().get("org.opencontainers.image.licenses") + "</name>");
    }

    @Test
    void should_run_as_a_non_root_user_on_every_interface_at_the_exposed_port() {
        assertThat(image.user()).isNotBlank().isNotIn("root", "0");
        assertThat(image.env()).containsEntry("DISPATCHSIM_BIND", "0.0.0.0").containsEntry("DISPATCHSIM_PORT", "7880");
        assertThat(image.exposed()).containsExactly("7880");
    }

    @Test
    void should_ship_the_jar_the_integration_test_runs_and_check_health_with_it() throws Exception {
        assertThat(image.copySource()).isEqualTo("simulator/dispatchsim/target/" + ServerProcess.JAR.getFileName());
        assertThat(image.entrypoint()).first().isEqualTo("java");
        assertThat(image.entrypoint()).endsWith("-jar", image.copyTarget());
        assertThat(image.healthcheck()).first().isEqualTo("java");
        assertThat(image.healthcheck()).endsWith("-jar", image.copyTarget(), "healthcheck");
        assertThat(Files.readAllLines(Path.of("../../.dockerignore"))).contains("!" + image.copySource());
    }

    @Test
    void should_map_class_archives_that_a_build_step_dumped_with_the_same_jvm_options_when_server_and_health_check_start() {
        for (List<String> command : List.of(image.entrypoint(), image.healthcheck())) {
            // GIVEN the archive a command maps, and its other JVM options
            String archive = command.stream().filter(o -> o.startsWith(JVM_ARCHIVE)).findFirst()
                    .map(o -> o.substring(JVM_ARCHIVE.length())).orElseThrow(() -> new AssertionError("no archive in " + command));
            List<String> options = command.subList(1, command.indexOf("-jar")).stream()
                    .filter(o -> !o.startsWith(JVM_ARCHIVE) && !o.equals("-XX:+ExitOnOutOfMemoryError")).toList();
            List<String> rest = command.subList(command.indexOf("-jar"), command.size());

            // THEN a RUN step dumps exactly that archive from the same options and the same command
            String dump = JVM_DUMP + archive + " " + String.join(" ", options) + (options.isEmpty() ? "" : " ");
            assertThat(image.runs()).as("a RUN step that dumps %s", archive)
                    .anySatisfy(run -> assertThat(normalized(run)).contains(dump + String.join(" ", rest)));
        }
    }

    private static String normalized(String run) {
        return run.replaceAll("\\s+", " ");
    }
}
