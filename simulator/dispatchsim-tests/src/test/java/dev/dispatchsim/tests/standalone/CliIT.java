package dev.dispatchsim.tests.standalone;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.tests.support.TwirpHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The standalone jar's subcommands as a user runs them: validate (exit 0/2, the loader's messages), token, and the seed line. */
@Timeout(120)
class CliIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path BUNDLED = Path.of("..", "..", "fault-profiles");
    private static final Path BROKEN = Path.of("src", "test", "resources", "broken-profiles");
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "broken-profiles");

    private final List<ServerProcess> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(ServerProcess::close);
    }

    private ServerProcess jar(String name, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ServerProcess.JAR.toString()));
        command.addAll(List.of(args));
        ServerProcess process = ServerProcess.start(name, command, Map.of("DISPATCHSIM_PORT", String.valueOf(ServerProcess.freePort())));
        started.add(process);
        return process;
    }

    private static List<String> yamlFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().map(Path::toString).toList();
        }
    }

    @Test
    void should_exit_0_when_every_bundled_profile_is_validated() throws Exception {
        // WHEN every bundled profile file is validated, without starting a server
        List<String> files = yamlFiles(BUNDLED);
        ServerProcess validate = jar("validate-bundled", Stream.concat(Stream.of("validate"), files.stream()).toArray(String[]::new));

        // THEN all are valid
        assertThat(validate.awaitExit(WAIT)).as(validate.output()).isZero();
        assertThat(validate.output()).contains("all " + files.size() + " profiles are valid");
    }

    @Test
    void should_exit_2_with_every_problem_of_every_file_when_profiles_are_broken() throws Exception {
        // WHEN the broken profiles are validated
        List<String> files = yamlFiles(BROKEN);
        ServerProcess validate = jar("validate-broken", Stream.concat(Stream.of("validate"), files.stream()).toArray(String[]::new));

        // THEN exit 2, and for each file exactly the message the loader gives (the golden files), then a count
        assertThat(validate.awaitExit(WAIT)).isEqualTo(2);
        StringBuilder expected = new StringBuilder();
        for (String file : files) {
            String name = Path.of(file).getFileName().toString().replace(".yaml", "");
            expected.append(Files.readString(GOLDEN.resolve(name + ".txt"), StandardCharsets.UTF_8)
                    .replace(name + ".yaml", name + ".yaml"));
        }
        expected.append(files.size()).append(" of ").append(files.size()).append(" profiles are invalid\n");
        assertThat(validate.output()).isEqualTo(expected.toString());
    }

    @Test
    void should_print_a_token_the_twirp_api_accepts_when_asked_for_grants() throws Exception {
        // GIVEN a simulator with its own key
        try (LiveKitSimulator sim = LiveKitSimulator.builder().apiKey("clikey", "clisecret").start()) {
            // WHEN the CLI mints a roomList token with that key
            ServerProcess token = jar("token", "token", "--grants", "roomList", "--keys", "clikey:clisecret");
            assertThat(token.awaitExit(WAIT)).as(token.output()).isZero();

            // THEN curl-style use of it lists rooms
            HttpResponse<String> listed = new TwirpHttp(sim.httpUrl(), "clikey", "clisecret").post(
                    "livekit.RoomService/ListRooms", TwirpHttp.NODE_CONTENT_TYPE, "{}".getBytes(StandardCharsets.UTF_8),
                    "Bearer " + token.output().strip());
            assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        }
        ServerProcess bad = jar("token-bad", "token", "--grants", "roomlist");
        assertThat(bad.awaitExit(WAIT)).isEqualTo(2);
        assertThat(bad.output()).startsWith("dispatchsim token: unknown grant 'roomlist'; valid: roomCreate, roomList");
    }

    @Test
    void should_name_the_run_seed_in_the_startup_line_when_a_bundled_profile_has_its_own() throws Exception {
        // WHEN the server starts with --seed 7 and a bundled profile whose own seed is only a default
        int port = ServerProcess.freePort();
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                ServerProcess.JAR.toString(), "--port", String.valueOf(port), "--seed", "7", "--profile", "intermittent-drop");
        ServerProcess server = ServerProcess.start("seed-line", command, Map.of("DISPATCHSIM_PORT", String.valueOf(port)));
        started.add(server);
        server.awaitHealthy("", WAIT);

        // THEN its first line says the run's seed is in force for the fault rules too
        assertThat(server.output().lines().findFirst().orElse("")).startsWith("dispatchsim listening on")
                .endsWith("seed 7 (--seed), fault rules included");
    }
}
