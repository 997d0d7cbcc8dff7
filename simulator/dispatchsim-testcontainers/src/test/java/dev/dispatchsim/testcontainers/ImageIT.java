package dev.dispatchsim.testcontainers;

import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.dispatchsim.admin.Health;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.wait.strategy.Wait;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image as built, checked through Docker itself: its labels, user, port and health check, the
 * container turning healthy by that health check, published on loopback only, and class archives
 * that this JVM really maps (a JVM silently ignores an unusable one, so only -Xshare:on can tell).
 */
@Timeout(180)
class ImageIT {

    private static final String IMAGE = Images.underTest();

    @Test
    void should_label_version_source_and_licence_and_run_as_a_non_root_user_when_inspected() {
        // WHEN Docker inspects the image
        InspectImageResponse image = DockerClientFactory.instance().client().inspectImageCmd(IMAGE).exec();

        // THEN it carries the OCI labels, a non-root user, the LiveKit port and the jar's own health check
        assertThat(image.getConfig().getLabels())
                .containsEntry("org.opencontainers.image.version", Health.VERSION)
                .containsEntry("org.opencontainers.image.source", "https://github.com/dispatchsim/dispatchsim")
                .containsEntry("org.opencontainers.image.licenses", "Apache-2.0");
        assertThat(image.getConfig().getUser()).isEqualTo("dispatchsim");
        assertThat(image.getConfig().getExposedPorts()).containsExactly(ExposedPort.tcp(DispatchSimContainer.PORT));
        assertThat(image.getConfig().getHealthcheck().getTest()).endsWith("-jar", "/app/dispatchsim.jar", "healthcheck");
    }

    @Test
    void should_turn_healthy_by_its_own_health_check_on_a_loopback_port_when_run() throws Exception {
        // WHEN a container waits for Docker's own HEALTHCHECK instead of the HTTP endpoint
        try (DispatchSimContainer sim = new DispatchSimContainer(IMAGE)
                .waitingFor(Wait.forHealthcheck().withStartupTimeout(Duration.ofMinutes(2)))) {
            sim.start();

            // THEN Docker says healthy, the port is published on loopback only, and the server runs as uid 10001
            assertThat(sim.getCurrentContainerInfo().getState().getHealth().getStatus()).isEqualTo("healthy");
            Ports.Binding[] published = sim.getContainerInfo().getNetworkSettings().getPorts().getBindings()
                    .get(ExposedPort.tcp(DispatchSimContainer.PORT));
            assertThat(published).extracting(Ports.Binding::getHostIp).containsOnly("127.0.0.1");
            assertThat(sim.execInContainer("id", "-u").getStdout().strip()).isEqualTo("10001");
            assertThat(sim.admin().health().version()).isEqualTo(Health.VERSION);
        }
    }

    @Test
    void should_map_the_class_archives_made_at_build_time_when_the_server_and_the_health_check_start() throws Exception {
        List<String> server = List.of("java", "-Xshare:on", "-XX:SharedArchiveFile=/app/dispatchsim.jsa", "-jar",
                "/app/dispatchsim.jar", "--version");
        List<String> healthcheck = List.of("java", "-Xshare:on", "-XX:SharedArchiveFile=/app/healthcheck.jsa",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx32m", "-jar", "/app/dispatchsim.jar", "--version");
        // GIVEN the server's and the health check's JVM options, with -Xshare:on: fail rather than ignore the archive
        try (DispatchSimContainer sim = new DispatchSimContainer(IMAGE)) {
            sim.start();
            for (List<String> command : List.of(server, healthcheck)) {
                // WHEN each runs in the container  THEN it maps its archive and runs
                ExecResult result = sim.execInContainer(command.toArray(String[]::new));

                assertThat(result.getExitCode()).as("%s%n%s%s", command, result.getStdout(), result.getStderr()).isZero();
                assertThat(result.getStdout()).contains("dispatchsim " + Health.VERSION);
            }
        }
    }
}
