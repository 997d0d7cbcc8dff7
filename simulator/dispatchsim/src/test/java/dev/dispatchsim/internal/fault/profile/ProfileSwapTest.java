package dev.dispatchsim.internal.fault.profile;

import dev.dispatchsim.internal.fault.FaultContext;
import dev.dispatchsim.internal.fault.FaultEngine;
import dev.dispatchsim.internal.fault.HookPoint;
import dev.dispatchsim.internal.fault.RuleProfile;
import dev.dispatchsim.profile.ProfileException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Swapping profiles at run time: all or nothing. */
class ProfileSwapTest {
    private static final FaultContext JOIN = FaultContext.at(HookPoint.AGENT_JOIN).roomName("r").build();

    private static void loadYaml(FaultEngine engine, String yaml) {
        engine.load(ProfileLoader.fromYaml(yaml)); // parse + validate fully, then swap
    }

    @Test
    void should_keep_the_running_profile_and_its_counters_when_the_new_one_is_bad() {
        // GIVEN a running profile whose rule fires on occurrence 2 and has seen occurrence 1
        FaultEngine engine = new FaultEngine(1);
        loadYaml(engine, "name: good\nrules:\n  - {name: second, at: agent_join, when: {occurrences: [2]}, do: drop}\n");
        RuleProfile running = engine.current();
        assertThat(engine.decide(JOIN)).isEmpty();
        // WHEN a profile whose first rule is fine but whose second is not is swapped in
        ProfileException e = catchThrowableOfType(ProfileException.class, () -> loadYaml(engine, """
                name: bad
                rules:
                  - {name: fine, at: agent_join, do: drop}
                  - {name: broken, at: agent_join, do: {type: delay, fixed: 10}}
                """));
        // THEN nothing of it applies: same profile, counters carry on (occurrence 2 fires)
        assertThat(e).hasMessageStartingWith("<inline>:4:61: bad duration '10'");
        assertThat(engine.current()).isSameAs(running);
        assertThat(engine.decide(JOIN)).singleElement().satisfies(d -> assertThat(d.rule()).isEqualTo("second"));
        assertThat(engine.decide(JOIN)).isEmpty();
    }

    @Test
    void should_apply_the_new_profile_from_the_next_event_when_the_swap_succeeds() {
        FaultEngine engine = new FaultEngine(1);
        loadYaml(engine, "name: one\nrules:\n  - {name: a, at: agent_join, do: drop}\n");
        assertThat(engine.decide(JOIN)).isNotEmpty();
        loadYaml(engine, "name: two\n");
        assertThat(engine.current().name()).isEqualTo("two");
        assertThat(engine.decide(JOIN)).isEmpty();
    }
}
