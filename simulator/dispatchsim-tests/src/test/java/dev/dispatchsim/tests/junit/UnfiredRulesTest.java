package dev.dispatchsim.tests.junit;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.junit.AllowUnfiredRules;
import dev.dispatchsim.junit.FaultProfile;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.tests.junit.support.Fixture;
import dev.dispatchsim.tests.junit.support.FixtureRun;
import dev.dispatchsim.tests.support.RoomApi;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import static org.assertj.core.api.Assertions.assertThat;

/** A passing test whose own profile has a rule that never fired fails, the WireMock failOnUnmatchedRequests way. */
@Timeout(60)
class UnfiredRulesTest {

    static final String TWO_RULES = """
            name: two-rules
            rules:
              - {name: delay-createroom, at: twirp_request, match: {method: CreateRoom}, do: {type: delay, fixed: 0s}}
              - {name: drop-deleteroom, at: twirp_request, match: {method: DeleteRoom}, do: drop}
            """;

    @Test
    void should_fail_a_passing_test_naming_the_unfired_rule_when_its_fault_profile_has_one() {
        // GIVEN tests under a two-rule @FaultProfile: one fires both rules' hook, one only the first, two opt out
        // WHEN they run
        EngineExecutionResults results = FixtureRun.run(WithFaultProfiles.class, ClassOptIn.class, AllowedClass.class);

        // THEN only the test that left a rule unfired (and did not opt out) fails, with the rule's name
        results.testEvents().assertStatistics(stats -> stats.succeeded(4).failed(1));
        assertThat(FixtureRun.failures(results)).singleElement().satisfies(failure -> assertThat(failure.getMessage())
                .startsWith("rule 'drop-deleteroom' of profile 'two-rules' never fired (at twirp_request, saw 0 matching"
                        + " event(s)); rules that fired: 'delay-createroom' x1")
                .contains("@AllowUnfiredRules"));
    }

    @Fixture
    @LiveKitSimulatorTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class WithFaultProfiles {

        @Test
        @Order(1)
        @FaultProfile(yaml = TWO_RULES)
        void leaves_a_rule_unfired(LiveKitSimulator sim) {
            new RoomApi(sim).createRoom("r", null);
        }

        @Test
        @Order(2)
        @FaultProfile(yaml = TWO_RULES, failOnUnfiredRules = false)
        void opts_out_on_the_annotation(LiveKitSimulator sim) {
            new RoomApi(sim).createRoom("r", null);
        }

        @Test
        @Order(3)
        @AllowUnfiredRules
        @FaultProfile(yaml = TWO_RULES)
        void opts_out_with_the_marker(LiveKitSimulator sim) {
            new RoomApi(sim).createRoom("r", null);
        }
    }

    /** The class's own profile is checked too once the class asks for it. */
    @Fixture
    @LiveKitSimulatorTest(profileYaml = """
            name: one-rule
            rules:
              - {name: delay-createroom, at: twirp_request, match: {method: CreateRoom}, do: {type: delay, fixed: 0s}}
            """, failOnUnfiredRules = true)
    static class ClassOptIn {

        @Test
        void fires_every_rule(LiveKitSimulator sim) {
            new RoomApi(sim).createRoom("r", null);
        }
    }

    @Fixture
    @AllowUnfiredRules
    @LiveKitSimulatorTest
    static class AllowedClass {

        @Test
        @FaultProfile(yaml = TWO_RULES)
        void leaves_a_rule_unfired_but_the_class_allows_it(LiveKitSimulator sim) {
            new RoomApi(sim).createRoom("r", null);
        }
    }
}
