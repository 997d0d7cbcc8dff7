package dev.dispatchsim.internal.standalone;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.SimulatorAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line in this JVM, with an injected env: exit codes and messages for bad input, the health check. */
@Timeout(30)
class MainTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private int run(Map<String, String> env, String... args) {
        return Main.run(args, env, out, err);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void should_exit_2_naming_the_env_var_when_an_env_value_is_bad() {
        int code = run(Map.of("DISPATCHSIM_CLOCK", "fast"));

        assertThat(code).isEqualTo(2);
        assertThat(err()).isEqualTo("dispatchsim: DISPATCHSIM_CLOCK: 'fast' is not valid; valid: system, manual\n");
    }

    @Test
    void should_exit_2_naming_the_flag_when_a_flag_is_unknown_or_given_twice() {
        assertThat(run(Map.of(), "--prot", "1")).isEqualTo(2);
        assertThat(err()).contains("dispatchsim: Unknown options: '--prot'").contains("Run with --help");
        assertThat(run(Map.of(), "--port", "1", "--port", "2")).isEqualTo(2);
        assertThat(err()).contains("--port");
    }

    @Test
    void should_read_every_repeated_webhook_flag_when_the_flag_is_given_several_times() {
        // GIVEN two --webhook flags, the second not a URL the simulator can POST to
        int code = run(Map.of("DISPATCHSIM_PORT", "0"), "--webhook", "http://127.0.0.1:9/ok", "--webhook", "mailto:a@b");

        // THEN both were read: the second is named
        assertThat(code).isEqualTo(2);
        assertThat(err()).isEqualTo("dispatchsim: --webhook: webhook URL 'mailto:a@b' is not valid: its scheme is 'mailto';"
                + " give an absolute http or https URL, e.g. http://127.0.0.1:8080/livekit-webhook\n");
    }

    @Test
    void should_exit_2_naming_the_flag_and_the_bundled_names_when_the_profile_does_not_exist() {
        int code = run(Map.of("DISPATCHSIM_PORT", "0"), "--profile", "ghost-wroker");

        assertThat(code).isEqualTo(2);
        assertThat(err()).startsWith("dispatchsim: --profile ghost-wroker: ")
                .contains("ghost-wroker").contains("ghost-worker").contains("createroom-agents-dropped");
    }

    @Test
    void should_exit_2_with_file_line_and_column_when_the_profile_file_is_invalid(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path bad = dir.resolve("bad.yaml");
        java.nio.file.Files.writeString(bad, "name: bad\nrules:\n  - name: r\n    at: availabilty_request\n    do: drop\n");

        int code = run(Map.of("DISPATCHSIM_PORT", "0"), "--profile", bad.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err()).contains("--profile " + bad).contains("bad.yaml:4:9")
                .contains("availabilty_request").contains("availability_request");
    }

    @Test
    void should_list_every_flag_with_its_env_var_when_help_is_asked_for() {
        int code = run(Map.of(), "--help");

        assertThat(code).isZero();
        String help = out().replaceAll("\\s+", " ");
        for (StandaloneSetting setting : StandaloneSetting.values()) {
            assertThat(help).contains(setting.flag()).contains("Env: " + setting.envName());
        }
        assertThat(out()).contains("healthcheck");
    }

    @Test
    void should_start_from_env_and_pass_the_health_check_only_with_the_admin_token_when_one_is_set() {
        // GIVEN a server configured by env alone
        Map<String, String> env = Map.of("DISPATCHSIM_PORT", "0", "DISPATCHSIM_SEED", "42", "DISPATCHSIM_CLOCK", "manual",
                "DISPATCHSIM_ADMIN_TOKEN", "t0k", "DISPATCHSIM_TYPO", "x");
        StandaloneConfig config = StandaloneConfig.resolve(Map.of(), EnvLayer.of(env));
        try (StandaloneServer server = StandaloneServer.start(config, EnvLayer.of(env), out)) {
            LiveKitSimulator sim = server.simulator();
            String port = String.valueOf(sim.port());

            // WHEN the health check runs with the server's env, and with a wrong token
            int healthy = run(Map.of("DISPATCHSIM_PORT", port, "DISPATCHSIM_ADMIN_TOKEN", "t0k"), "healthcheck");
            int wrongToken = run(Map.of("DISPATCHSIM_PORT", port, "DISPATCHSIM_ADMIN_TOKEN", "nope"), "healthcheck");

            // THEN
            assertThat(healthy).isZero();
            assertThat(wrongToken).isEqualTo(1);
            assertThat(err()).contains("answered 401");
            assertThat(SimulatorAdmin.http(sim.httpUrl(), "t0k").health().seed()).isEqualTo(42);
            assertThat(out()).contains("dispatchsim listening on " + sim.httpUrl())
                    .contains("warning: DISPATCHSIM_TYPO is not a setting")
                    .contains("seed=42 (DISPATCHSIM_SEED)").contains("clock=manual (DISPATCHSIM_CLOCK)")
                    .doesNotContain("t0k");
        }
    }

    @Test
    void should_exit_1_naming_the_port_when_the_port_is_taken() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            int code = run(Map.of("DISPATCHSIM_PORT", String.valueOf(taken.getLocalPort())));

            assertThat(code).isEqualTo(1);
            assertThat(err()).startsWith("dispatchsim: cannot start: ").contains(String.valueOf(taken.getLocalPort()));
        }
    }

    @Test
    void should_exit_1_from_the_health_check_when_nothing_listens() throws Exception {
        int freePort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }

        assertThat(run(Map.of("DISPATCHSIM_PORT", String.valueOf(freePort)), "healthcheck")).isEqualTo(1);
        assertThat(err()).contains("unreachable");
    }
}
