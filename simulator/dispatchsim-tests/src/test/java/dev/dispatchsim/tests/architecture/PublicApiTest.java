package dev.dispatchsim.tests.architecture;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.assertions.SimulatorAssertions;
import dev.dispatchsim.junit.LiveKitSimulatorExtension;
import dev.dispatchsim.testcontainers.DispatchSimContainer;
import dev.dispatchsim.tests.support.GoldenText;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published API, read from the compiled jars: no public signature of an exported package names
 * an internal type or Javalin, Jetty or Jackson, and the list of public types changes only on purpose
 * (golden file public-api.txt; docs/architecture.md says why each package is public).
 */
class PublicApiTest {

    private static final Set<String> NOT_EXPORTED = Set.of("dev.dispatchsim.internal.");

    /** One class of each published jar, and so the jar: core, JUnit 5 (with the test kit), AssertJ, Testcontainers. */
    private static final List<Class<?>> JARS = List.of(LiveKitSimulator.class, LiveKitSimulatorExtension.class,
            SimulatorAssertions.class, DispatchSimContainer.class);

    @Test
    void should_name_no_internal_javalin_jetty_or_jackson_type_when_reading_public_signatures() {
        ApiSignatures signatures = new ApiSignatures(ApiSignatures.FORBIDDEN);

        List<String> violations = publicTypes().stream().flatMap(type -> signatures.violations(type).stream()).toList();

        assertThat(publicTypes()).hasSizeGreaterThan(20); // the scan found the jars' classes at all
        assertThat(violations).isEmpty();
    }

    @Test
    void should_publish_exactly_the_listed_types_when_the_jars_are_built() {
        String listed = publicTypes().stream().map(Class::getName).sorted()
                .collect(Collectors.joining("\n", "", "\n"));

        GoldenText.assertMatches("public-api", listed);
    }

    private static List<Class<?>> publicTypes() {
        return JARS.stream().flatMap(anchor -> ApiSignatures.publicTypes(anchor, "dev.dispatchsim", NOT_EXPORTED).stream())
                .distinct().toList();
    }
}
