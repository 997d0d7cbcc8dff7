package dev.dispatchsim.tests.standalone;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfile's promises that need no Docker engine to check; the image build itself is checked
 * where Docker exists. StandaloneJarIT runs its ENTRYPOINT and HEALTHCHECK against the packaged jar.
 */
class DockerfileTest {

    private final DockerfileSpec image = DockerfileSpec.read();

    @Test
    void should_pin_a_jre_17_by_full_version_tag_when_choosing_the_base() {
        assertThat(image.from()).matches("eclipse-temurin:17\\.0\\.\\d+(\\.\\d+)?_\\d+-jre(-[a-z]+)?");
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
}
