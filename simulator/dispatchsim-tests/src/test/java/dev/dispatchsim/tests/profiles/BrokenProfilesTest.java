package dev.dispatchsim.tests.profiles;

import dev.dispatchsim.profile.Profile;
import dev.dispatchsim.profile.ProfileException;
import dev.dispatchsim.tests.support.GoldenText;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Profiles written wrong the ways users write them wrong (typos, wrong hooks, selectors a hook cannot know,
 * bad durations, duplicate names, bad YAML …): each is refused with every one of its problems, each at its
 * line and column. The messages are golden files ({@code golden/broken-profiles/<name>.txt}); the CLI's
 * {@code validate} prints the same text (StandaloneJarIT).
 */
class BrokenProfilesTest {

    static final Path DIRECTORY = Path.of("src", "test", "resources", "broken-profiles");

    static List<Path> brokenProfiles() throws IOException {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void should_keep_at_least_fifteen_broken_profiles_when_counting_the_examples() throws IOException {
        assertThat(brokenProfiles()).hasSizeGreaterThanOrEqualTo(15);
    }

    @TestFactory
    Stream<DynamicTest> should_report_every_problem_with_line_and_column_when_a_profile_is_broken() throws IOException {
        return brokenProfiles().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            // GIVEN a broken profile WHEN it is loaded
            ProfileException refused = catchThrowableOfType(ProfileException.class, () -> Profile.fromPath(file));

            // THEN it is refused with all its problems, each located, exactly as the golden file says
            assertThat(refused).as(file.toString()).isNotNull();
            assertThat(refused.problems()).allSatisfy(p -> assertThat(p.line()).isPositive());
            String name = file.getFileName().toString().replace(".yaml", "");
            GoldenText.assertMatches("broken-profiles/" + name, refused.getMessage() + "\n");
        }));
    }
}
