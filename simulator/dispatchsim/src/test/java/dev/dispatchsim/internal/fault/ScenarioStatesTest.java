package dev.dispatchsim.internal.fault;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalLong;

import static dev.dispatchsim.internal.fault.Events.availabilityRequest;
import static dev.dispatchsim.internal.fault.Events.firing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scenario states and run-time rule changes in the fault engine itself: pure, no clock, no socket. */
class ScenarioStatesTest {
    private static final HookPoint AR = HookPoint.AVAILABILITY_REQUEST;

    private static FaultEngine withStates(Rule... rules) {
        FaultEngine engine = new FaultEngine(7);
        engine.load(new RuleProfile("scenario", "", OptionalLong.empty(), false, List.of("outage", "recovered"), List.of(rules)));
        return engine;
    }

    @Test
    void should_count_only_events_in_its_state_and_move_the_state_after_the_event_when_a_rule_has_then() {
        // GIVEN a state-only rule that ends the outage on its 2nd event, and a drop during the outage
        FaultEngine engine = withStates(
                new Rule("recover", AR, Selector.any(), Schedule.always().withOccurrences(2L), new FaultEffect.NoEffect(),
                        "outage", "recovered", true),
                Rule.of("drop", AR, new FaultEffect.Drop()).withStates("outage", null));

        // WHEN four events arrive
        List<Integer> dropped = firing(engine, 4, i -> availabilityRequest("r" + i));

        // THEN the 2nd is still dropped (every rule saw it in 'outage'), later ones are not; counters say so
        assertThat(dropped).containsExactly(1, 2);
        assertThat(engine.scenarioState()).isEqualTo("recovered");
        assertThat(engine.counters()).extracting(c -> c.rule().name() + " " + c.matched() + "/" + c.fired())
                .containsExactly("recover 2/1", "drop 2/2");
    }

    @Test
    void should_start_again_in_the_initial_state_when_reset_and_refuse_an_undeclared_state() {
        // GIVEN a drop during the outage, and the state set to 'recovered' by hand
        FaultEngine engine = withStates(Rule.of("drop", AR, new FaultEffect.Drop()).withStates("outage", null));
        engine.setScenarioState("recovered");
        assertThat(engine.decide(availabilityRequest("r"))).isEmpty();

        // WHEN the engine is reset
        engine.reset();

        // THEN it is in the outage again and drops; a state the profile does not declare is refused
        assertThat(engine.scenarioState()).isEqualTo("outage");
        assertThat(engine.decide(availabilityRequest("r"))).hasSize(1);
        assertThatThrownBy(() -> engine.setScenarioState("down")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("profile 'scenario' has no state 'down'; its states: [outage, recovered]");
    }

    @Test
    void should_keep_the_other_rules_counters_and_draws_when_a_rule_is_added_disabled_or_removed() {
        // GIVEN two engines with the same probabilistic rule; one of them gets rules added and removed midway
        Rule halfTheTime = Rule.of("half", AR, new FaultEffect.Drop()).withWhen(Schedule.always().withProbability(0.5));
        FaultEngine plain = Events.engineWith(7, halfTheTime);
        FaultEngine changed = Events.engineWith(7, halfTheTime);
        List<Integer> before = firing(plain, 10);
        firing(changed, 10);

        // WHEN a non-terminal rule is added (it sees the events first), disabled, enabled and removed
        changed.addRule(Rule.of("late", AR, new FaultEffect.Delay(new DelayDistribution.Fixed(java.time.Duration.ofSeconds(1)), null)));
        changed.setEnabled("late", false);
        changed.setEnabled("late", true);
        List<Integer> afterPlain = firing(plain, 10);
        List<Integer> afterChanged = firing(changed, 10);
        changed.removeRule("late");

        // THEN 'half' drew exactly as it would have; its counters went on; the added rule counted from zero
        assertThat(before).isNotEmpty();
        assertThat(changed.counters()).singleElement().satisfies(c -> {
            assertThat(c.rule().name()).isEqualTo("half");
            assertThat(c.matched()).isEqualTo(20);
            assertThat(c.fired()).isEqualTo(before.size() + afterPlain.size());
        });
        assertThat(afterChanged).hasSize(10); // the delay rule fires on all ten, the drop on some of them
        assertThatThrownBy(() -> changed.addRule(halfTheTime)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate rule name 'half'");
        assertThat(changed.removeRule("nope")).isFalse();
    }

    @Test
    void should_use_the_master_seed_unless_the_profile_fixes_its_own() {
        // GIVEN an engine run with seed 5
        FaultEngine engine = new FaultEngine(5);

        // WHEN a profile that says seed 9 without fixing it is loaded, THEN the run's seed is in force
        engine.load(new RuleProfile("p", "", OptionalLong.of(9), List.of()));
        assertThat(engine.seed()).isEqualTo(5);

        // WHEN the profile fixes its seed, THEN its own seed is in force
        engine.load(new RuleProfile("p", "", OptionalLong.of(9), List.of()).withSeed(9));
        assertThat(engine.seed()).isEqualTo(9);
    }
}
