package dev.dispatchsim.internal.fuzz;

import dev.dispatchsim.internal.fault.profile.ProfileLoader;
import dev.dispatchsim.profile.ProfileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text given as a profile is either a profile or a {@link ProfileException} that names the file and
 * a place in it: never another exception, never a hang. Texts are the bundled profiles with random damage,
 * soups of YAML tokens, deep nesting and alias chains.
 */
@Timeout(600)
class ProfileLoaderFuzzTest {

    private static final List<String> TOKENS = List.of("name:", "rules:", "- ", "at:", "do:", "match:", "when:", "type:",
            "drop", "delay", "fail", "{", "}", "[", "]", ",", ":", "\n", "\n  ", "\n    ", "'", "\"", "&a", "*a", "!!str",
            "!!binary", "---", "...", "#", "%YAML 1.2", "1e9999", "-1", "0x10", "~", "null", "true", "room_regex:",
            "'(a+)+b'", "'['", "room: '*a*a*b'", "probability: 2", "occurrences: [1, 2]", "fixed: 10s", "PT1S", "\t", "\u0000",
            "\uD83D\uDE00", "twirp_request", "availability_request", "seed: 99999999999999999999999");

    @Test
    void should_answer_a_profile_or_a_located_error_when_texts_are_damaged_or_random() {
        long seed = Fuzz.seed();
        SplittableRandom random = new SplittableRandom(seed);
        List<String> bundled = new ArrayList<>();
        for (String name : ProfileLoader.bundledNames()) {
            bundled.add(text(name));
        }
        ExecutorService executor = Fuzz.executor();
        try {
            int tries = Fuzz.tries();
            for (int i = 0; i < tries; i++) {
                String yaml = input(random, bundled);
                String shown = yaml.length() > 300 ? yaml.substring(0, 300) + "..." : yaml;
                Fuzz.bounded(executor, seed, i, shown, () -> {
                    // WHEN it is loaded THEN it is a profile, or an error at a place in "fuzz.yaml"
                    try {
                        assertThat(ProfileLoader.fromYaml(yaml, "fuzz.yaml").name()).isNotNull();
                    } catch (ProfileException rejected) {
                        assertThat(rejected.file()).isEqualTo("fuzz.yaml");
                        assertThat(rejected.line()).isGreaterThanOrEqualTo(0);
                        assertThat(rejected.column()).isGreaterThanOrEqualTo(0);
                        // one problem reads "fuzz.yaml...", several "N problems in fuzz.yaml:" and then one line each
                        assertThat(rejected.getMessage()).matches("(?s)(\\d+ problems in )?fuzz\\.yaml.*");
                    }
                });
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private static String input(SplittableRandom random, List<String> bundled) {
        switch (random.nextInt(5)) {
            case 0:
                return Fuzz.damaged(Fuzz.pick(bundled, random), random);
            case 1: {
                StringBuilder soup = new StringBuilder();
                for (int n = random.nextInt(40); n > 0; n--) {
                    soup.append(Fuzz.pick(TOKENS, random)).append(random.nextBoolean() ? " " : "");
                }
                return soup.toString();
            }
            case 2: {
                int depth = 1 + random.nextInt(5000);
                return "name: deep\nrules: " + "[".repeat(depth) + "]".repeat(random.nextInt(depth + 1));
            }
            case 3: {
                StringBuilder aliases = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
                int levels = 1 + random.nextInt(12);
                for (int n = 1; n <= levels; n++) {
                    aliases.append("a").append(n).append(": &a").append(n).append(" [");
                    aliases.append(("*a" + (n - 1) + ", ").repeat(9)).append("*a").append(n - 1).append("]\n");
                }
                return "name: laughs\n" + aliases;
            }
            default:
                return Fuzz.pick(bundled, random);
        }
    }

    private static String text(String bundledName) {
        try (var in = ProfileLoader.class.getClassLoader().getResourceAsStream("dispatchsim/profiles/" + bundledName + ".yaml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException unreadable) {
            throw new AssertionError(unreadable);
        }
    }
}
