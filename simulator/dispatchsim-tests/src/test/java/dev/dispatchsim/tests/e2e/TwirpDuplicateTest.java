package dev.dispatchsim.tests.e2e;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.journal.JournalEvent.DispatchCreated;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.tests.support.TwirpHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A `duplicate` at twirp_request over real HTTP: the copy is served later, but never into the state after a reset. */
@Timeout(30)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, profileYaml = TwirpDuplicateTest.PROFILE)
class TwirpDuplicateTest {

    static final String PROFILE = """
            name: createdispatch-twice
            rules:
              - name: serve-createdispatch-again
                at: twirp_request
                match: {method: CreateDispatch}
                do: {type: duplicate, offset: 5s}
            """;

    @BeforeEach
    void createDispatchOnce(LiveKitSimulator sim) {
        TwirpHttp twirp = new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret());
        // GIVEN one CreateDispatch call, answered at once
        assertThat(twirp.json("livekit.AgentDispatchService/CreateDispatch",
                "{\"room\":\"r1\",\"agentName\":\"stt-agent\"}", TwirpHttp.roomAdmin("r1")).statusCode()).isEqualTo(200);
    }

    @Test
    void should_serve_the_copy_after_its_offset_when_createdispatch_is_duplicated(LiveKitSimulator sim, ManualClock clock) {
        // WHEN the offset passes
        clock.advance(Duration.ofSeconds(5));
        // THEN the call was served a second time: two dispatches
        assertThat(sim.journal().events(DispatchCreated.class)).filteredOn(d -> d.agentName().equals("stt-agent"))
                .hasSize(2);
    }

    @Test
    void should_not_serve_the_copy_when_the_simulator_was_reset_before_it_was_due(LiveKitSimulator sim, ManualClock clock) {
        // WHEN the simulator is reset (as between two tests) before the copy is due, and time passes
        sim.admin().reset();
        clock.advance(Duration.ofSeconds(10));
        // THEN the old test's copy did not create anything in the new state
        assertThat(sim.journal().events(DispatchCreated.class)).isEmpty();
    }
}
