package dev.dispatchsim.internal.standalone;

import dev.dispatchsim.admin.AdminException;
import dev.dispatchsim.admin.SimulatorAdmin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The standalone server on a non-loopback address without a token (the Docker image's case) generates one
 * and prints it once, in a line a script can parse ({@code admin token: <token>}), with how to set one's own.
 */
@Timeout(30)
class AdminTokenAnnouncementTest {

    private static final Pattern ANNOUNCED = Pattern.compile("admin token: (\\S+) ");

    @Test
    void should_print_a_generated_token_once_that_opens_the_admin_api_when_bound_to_every_interface() {
        // GIVEN the image's settings: every interface, a random port, no admin token
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("DISPATCHSIM_BIND", "0.0.0.0", "DISPATCHSIM_PORT", "0");
        StandaloneConfig config = StandaloneConfig.resolve(Map.of(), EnvLayer.of(env));

        // WHEN it starts
        try (StandaloneServer server = StandaloneServer.start(config, EnvLayer.of(env),
                new PrintStream(outBytes, true, StandardCharsets.UTF_8))) {
            String out = outBytes.toString(StandardCharsets.UTF_8);
            Matcher token = ANNOUNCED.matcher(out);

            // THEN one line announces the token and how to choose one, and the token is the one in force
            assertThat(token.find()).as(out).isTrue();
            String announced = token.group(1);
            assertThat(token.find()).isFalse();
            assertThat(out).contains("--admin-token").contains("DISPATCHSIM_ADMIN_TOKEN");
            String url = server.simulator().httpUrl();
            assertThat(SimulatorAdmin.http(url, announced).state().rooms()).isEmpty();
            assertThatThrownBy(() -> SimulatorAdmin.http(url).state()).isInstanceOf(AdminException.class)
                    .hasMessageContaining("requires its admin token");
            assertThat(SimulatorAdmin.http(url).health().status()).isEqualTo("ok");
        }
    }

    @Test
    void should_generate_nothing_when_a_token_is_given() {
        // GIVEN every interface and a token of one's own
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("DISPATCHSIM_BIND", "0.0.0.0", "DISPATCHSIM_PORT", "0", "DISPATCHSIM_ADMIN_TOKEN", "mine");
        StandaloneConfig config = StandaloneConfig.resolve(Map.of(), EnvLayer.of(env));

        // WHEN it starts THEN that token is in force and none is announced
        try (StandaloneServer server = StandaloneServer.start(config, EnvLayer.of(env),
                new PrintStream(outBytes, true, StandardCharsets.UTF_8))) {
            assertThat(outBytes.toString(StandardCharsets.UTF_8)).doesNotContain("admin token:");
            assertThat(SimulatorAdmin.http(server.simulator().httpUrl(), "mine").state().rooms()).isEmpty();
        }
    }
}
