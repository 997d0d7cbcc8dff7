package dev.dispatchsim.tests.junit;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.junit.FaultProfile;
import dev.dispatchsim.junit.LiveKitSimulatorExtension;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.tests.junit.support.Fixture;
import dev.dispatchsim.tests.junit.support.FixtureRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.commons.PreconditionViolationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every way of holding the extension wrong fails the class or test, naming the field, annotation or file. */
@Timeout(60)
class MisuseTest {

    private static final String BUNDLED = "agent-join-late, agent-joined-webhook-lost, agent-name-mismatch, availability-timeout, burst-degradation, "
            + "createdispatch-outage, createroom-agents-dropped, false-running-status, ghost-worker, intermittent-drop, "
            + "late-delivery, reconnect-storm, webhooks-late-and-duplicated, worker-socket-drop";

    @Test
    void should_name_the_field_when_a_class_is_annotated_and_registers_a_field_too() {
        assertFailsWith(AnnotatedAndField.class, AnnotatedAndField.class.getName() + " is annotated @LiveKitSimulatorTest and "
                + "field 'SIM' of " + AnnotatedAndField.class.getName() + " registers a LiveKitSimulatorExtension too; a test "
                + "class gets one simulator: keep the annotation (defaults) or the field (configured in code), not both");
    }

    @Test
    void should_name_both_fields_when_two_fields_register_the_extension() {
        assertFailsWith(TwoFields.class, "field 'FIRST' of " + TwoFields.class.getName() + " and field 'second' of "
                + TwoFields.class.getName() + " each register a LiveKitSimulatorExtension in " + TwoFields.class.getName()
                + "; a test class gets one simulator (its parameters could not tell them apart): keep one");
    }

    @Test
    void should_name_both_fields_when_two_fields_hold_the_same_extension() {
        assertFailsWith(SameInstanceTwice.class, "field 'SIM' of " + SameInstanceTwice.class.getName() + " and field 'ALIAS' of "
                + SameInstanceTwice.class.getName() + " each register a LiveKitSimulatorExtension in "
                + SameInstanceTwice.class.getName() + "; a test class gets one simulator (its parameters could not tell them "
                + "apart): keep one");
    }

    @Test
    void should_name_the_field_when_one_field_registers_the_extension_twice() {
        // JUnit refuses this before any extension runs, and its message names the field
        assertThat(FixtureRun.failures(FixtureRun.run(OneFieldTwice.class))).first()
                .isInstanceOf(PreconditionViolationException.class)
                .extracting(Throwable::getMessage).asString()
                .contains("field [static final " + LiveKitSimulatorExtension.class.getName() + " "
                        + OneFieldTwice.class.getName() + ".SIM]")
                .contains("via @RegisterExtension and @ExtendWith");
    }

    @Test
    void should_name_the_annotation_and_the_file_when_the_class_profile_does_not_exist() {
        assertFailsWith(MissingAnnotationProfile.class, "@LiveKitSimulatorTest on " + MissingAnnotationProfile.class.getName()
                + ": no profile file 'no-such-profile.yaml' and no bundled profile of that name; valid: " + BUNDLED);
    }

    @Test
    void should_name_the_field_and_the_file_when_the_builder_profile_does_not_exist() {
        assertFailsWith(MissingBuilderProfile.class, "field 'SIM' of " + MissingBuilderProfile.class.getName()
                + ": no profile file 'profiles/typo.yaml' and no bundled profile of that name; valid: " + BUNDLED);
    }

    @Test
    void should_name_the_resource_when_a_classpath_profile_does_not_exist() {
        assertFailsWith(MissingClasspathProfile.class, "field 'sim' of " + MissingClasspathProfile.class.getName()
                + ": no classpath resource 'profiles/missing.yaml' (put it under src/test/resources/profiles/missing.yaml)");
    }

    @Test
    void should_give_line_and_column_when_an_inline_profile_is_malformed() {
        assertFailsWith(MalformedInlineProfile.class, "@LiveKitSimulatorTest on " + MalformedInlineProfile.class.getName()
                + ": <inline>:4:9: unknown hook point 'availabilty_request' (did you mean 'availability_request'?); valid: twirp_request, dispatch_created, "
                + "availability_request, availability_response, job_assignment, agent_join, job_status_report, "
                + "job_termination, worker_connect, worker_register, worker_frame, webhook");
    }

    @Test
    void should_name_the_method_and_the_file_when_a_method_profile_does_not_exist() {
        assertFailsWith(MissingMethodProfile.class, "@FaultProfile on " + MissingMethodProfile.class.getName()
                + ".test(): no profile file 'late-delivry' and no bundled profile of that name (did you mean 'late-delivery'?); valid: " + BUNDLED);
    }

    @Test
    void should_refuse_a_method_profile_given_twice() {
        assertFailsWith(MethodProfileTwice.class, "@FaultProfile on " + MethodProfileTwice.class.getName()
                + ".test(): give a profile reference or inline YAML, not both");
    }

    @Test
    void should_name_the_method_when_a_fault_profile_has_no_simulator_to_load_into() {
        assertFailsWith(FaultProfileWithoutSimulator.class, "@FaultProfile on " + FaultProfileWithoutSimulator.class.getName()
                + ".test() has no simulator to load it into: annotate the class @LiveKitSimulatorTest or register a "
                + "LiveKitSimulatorExtension field");
    }

    @Test
    void should_name_the_field_when_its_api_key_is_empty() {
        assertFailsWith(EmptyApiKey.class, "field 'SIM' of " + EmptyApiKey.class.getName()
                + ": an API key and its secret must both be non-empty");
    }

    @Test
    void should_explain_the_fix_when_tests_sharing_a_simulator_run_concurrently() {
        EngineExecutionResults results = FixtureRun.run(Map.of(
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent"), SharedButConcurrent.class);
        assertThat(FixtureRun.failures(results)).isNotEmpty().allSatisfy(failure -> assertThat(failure)
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageEndingWith("runs concurrently with the other tests of its class, but they share the simulator of "
                        + "@LiveKitSimulatorTest on " + SharedButConcurrent.class.getName() + ", which is reset before each "
                        + "test: annotate the class @Execution(ExecutionMode.SAME_THREAD), or use an instance "
                        + "@RegisterExtension field for one simulator per test"));
    }

    private static void assertFailsWith(Class<?> fixture, String message) {
        EngineExecutionResults results = FixtureRun.run(fixture);
        assertThat(FixtureRun.failures(results)).as("failures of %s", fixture.getSimpleName()).first()
                .isInstanceOf(ExtensionConfigurationException.class)
                .extracting(Throwable::getMessage).isEqualTo(message);
        results.testEvents().assertStatistics(stats -> stats.succeeded(0));
    }

    @Fixture
    @LiveKitSimulatorTest
    static class AnnotatedAndField {
        @RegisterExtension
        static final LiveKitSimulatorExtension SIM = LiveKitSimulatorExtension.builder().build();

        @Test
        void test(LiveKitSimulator sim) {
        }
    }

    @Fixture
    static class TwoFields {
        @RegisterExtension
        static final LiveKitSimulatorExtension FIRST = LiveKitSimulatorExtension.builder().build();
        @RegisterExtension
        final LiveKitSimulatorExtension second = LiveKitSimulatorExtension.builder().build();

        @Test
        void test() {
        }
    }

    @Fixture
    static class SameInstanceTwice {
        @RegisterExtension
        static final LiveKitSimulatorExtension SIM = LiveKitSimulatorExtension.builder().build();
        @RegisterExtension
        static final LiveKitSimulatorExtension ALIAS = SIM;

        @Test
        void test() {
        }
    }

    @Fixture
    static class OneFieldTwice {
        @RegisterExtension
        @ExtendWith(LiveKitSimulatorExtension.class)
        static final LiveKitSimulatorExtension SIM = LiveKitSimulatorExtension.builder().build();

        @Test
        void test() {
        }
    }

    @Fixture
    @LiveKitSimulatorTest(profile = "no-such-profile.yaml")
    static class MissingAnnotationProfile {
        @Test
        void test() {
        }
    }

    @Fixture
    static class MissingBuilderProfile {
        @RegisterExtension
        static final LiveKitSimulatorExtension SIM = LiveKitSimulatorExtension.builder().profile("profiles/typo.yaml").build();

        @Test
        void test() {
        }
    }

    @Fixture
    static class MissingClasspathProfile {
        @RegisterExtension
        final LiveKitSimulatorExtension sim = LiveKitSimulatorExtension.builder().profile("classpath:profiles/missing.yaml").build();

        @Test
        void test() {
        }
    }

    @Fixture
    @LiveKitSimulatorTest(profileYaml = """
            name: typo
            rules:
              - name: r
                at: availabilty_request
                do: drop
            """)
    static class MalformedInlineProfile {
        @Test
        void test() {
        }
    }

    @Fixture
    @LiveKitSimulatorTest
    static class MissingMethodProfile {
        @Test
        @FaultProfile("late-delivry")
        void test() {
        }
    }

    @Fixture
    @LiveKitSimulatorTest
    static class MethodProfileTwice {
        @Test
        @FaultProfile(value = "late-delivery", yaml = "name: x")
        void test() {
        }
    }

    @Fixture
    static class FaultProfileWithoutSimulator {
        @Test
        @FaultProfile("late-delivery")
        void test() {
        }
    }

    @Fixture
    static class EmptyApiKey {
        @RegisterExtension
        static final LiveKitSimulatorExtension SIM = LiveKitSimulatorExtension.builder().apiKey("", "secret").build();

        @Test
        void test() {
        }
    }

    @Fixture
    @LiveKitSimulatorTest
    static class SharedButConcurrent {
        @Test
        void first() {
        }

        @Test
        void second() {
        }
    }
}
