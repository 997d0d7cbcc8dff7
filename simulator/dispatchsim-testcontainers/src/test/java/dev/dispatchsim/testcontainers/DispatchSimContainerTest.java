package dev.dispatchsim.testcontainers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What DispatchSimContainer hands the image, and what it refuses, before any container exists (no
 * Docker needed). What the image does with it is DispatchSimContainerIT's part.
 */
class DispatchSimContainerTest {

    @Test
    void should_set_the_images_env_vars_when_configured() {
        // WHEN every setting is given
        DispatchSimContainer sim = new DispatchSimContainer("dispatchsim:test").withSeed(42)
                .withKeys("key", "a-secret-of-32-characters-000001").withClock(ClockMode.MANUAL)
                .withAdminToken("token-1").withProfile("createroom-agents-dropped");

        // THEN each is the env var the standalone server reads, and the getters agree
        assertThat(sim.getEnvMap()).containsEntry("DISPATCHSIM_SEED", "42")
                .containsEntry("DISPATCHSIM_KEYS", "key:a-secret-of-32-characters-000001")
                .containsEntry("DISPATCHSIM_CLOCK", "manual").containsEntry("DISPATCHSIM_ADMIN_TOKEN", "token-1")
                .containsEntry("DISPATCHSIM_PROFILE", "createroom-agents-dropped");
        assertThat(sim.getApiKey()).isEqualTo("key");
        assertThat(sim.getApiSecret()).isEqualTo("a-secret-of-32-characters-000001");
        assertThat(sim.getAdminToken()).isEqualTo("token-1");
        assertThat(sim.getExposedPorts()).containsExactly(DispatchSimContainer.PORT);
    }

    @Test
    void should_give_each_container_its_own_admin_token_and_the_servers_default_keys_when_none_are_given() {
        DispatchSimContainer first = new DispatchSimContainer("dispatchsim:test");
        DispatchSimContainer second = new DispatchSimContainer("dispatchsim:test");

        assertThat(first.getAdminToken()).hasSize(32).isNotEqualTo(second.getAdminToken());
        assertThat(first.getEnvMap()).containsEntry("DISPATCHSIM_ADMIN_TOKEN", first.getAdminToken())
                .containsEntry("DISPATCHSIM_KEYS", "devkey:secret").doesNotContainKeys("DISPATCHSIM_SEED", "DISPATCHSIM_CLOCK");
    }

    @Test
    void should_copy_a_profile_file_under_profiles_and_name_it_when_given_a_path(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("mine.yaml"), "name: mine\nrules: []\n");

        DispatchSimContainer sim = new DispatchSimContainer("dispatchsim:test").withProfile(file);

        assertThat(sim.getEnvMap()).containsEntry("DISPATCHSIM_PROFILE", "/profiles/mine.yaml");
        assertThat(sim.getCopyToFileContainerPathMap()).containsValue("/profiles/mine.yaml");
    }

    @Test
    void should_refuse_with_the_reason_when_a_setting_cannot_work() {
        DispatchSimContainer sim = new DispatchSimContainer("dispatchsim:test");

        assertThatIllegalArgumentException().isThrownBy(() -> sim.withProfile(Path.of("no/such/profile.yaml")))
                .withMessageContaining("no profile file at").withMessageContaining("profile.yaml")
                .withMessageContaining("for a bundled profile, pass its name as a String");
        assertThatIllegalArgumentException().isThrownBy(() -> sim.withKeys("a:b", "secret"))
                .withMessage("an API key may contain neither ':' nor ',' and a secret no ','");
        assertThatIllegalArgumentException().isThrownBy(() -> sim.withAdminToken(" "))
                .withMessage("the admin token must not be blank");
        assertThat(sim.getApiKey()).as("a refused setting changes nothing").isEqualTo("devkey");
    }
}
