package dev.dispatchsim.tests.profiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.dispatchsim.profile.Profile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schema published for editors (fault-profiles/profile.schema.json) accepts every bundled profile and
 * the profiles the docs show, and refuses the typos it can see, so editor completion and the loader agree.
 */
class ProfileSchemaTest {

    static final Path PROFILES = Path.of("..", "..", "fault-profiles");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static Schema schema() throws IOException {
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(PROFILES.resolve("profile.schema.json")));
    }

    private static List<Error> errors(Path profile) throws IOException {
        JsonNode node = YAML.readTree(Files.readString(profile));
        return schema().validate(node);
    }

    @Test
    void should_accept_every_bundled_profile_when_checked_against_the_schema() throws IOException {
        List<Path> bundled;
        try (Stream<Path> files = Files.list(PROFILES)) {
            bundled = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(bundled).extracting(p -> p.getFileName().toString().replace(".yaml", ""))
                .containsExactlyInAnyOrderElementsOf(Profile.bundledNames());
        for (Path profile : bundled) {
            assertThat(errors(profile)).as(profile.toString()).isEmpty();
        }
    }

    @Test
    void should_accept_the_scenario_profile_of_the_new_user_project_when_checked_against_the_schema() throws IOException {
        Path outage = Path.of("..", "..", "client-tests", "new-user-project", "src", "test", "resources", "outage.yaml");
        assertThat(errors(outage)).isEmpty();
        assertThat(Profile.fromPath(outage).states()).containsExactly("outage", "recovered");
    }

    @Test
    void should_refuse_misspelt_keys_and_unknown_hooks_when_checked_against_the_schema() throws IOException {
        // the schema sees what does not depend on other keys; the loader checks the rest (BrokenProfilesTest)
        for (String broken : List.of("typo-hook-and-schedule", "typo-keys", "bad-enum-values", "unknown-effects",
                "numbers-out-of-range", "missing-required-keys", "webhook-rules-wrong")) {
            assertThat(errors(BrokenProfilesTest.DIRECTORY.resolve(broken + ".yaml"))).as(broken).isNotEmpty();
        }
    }
}
