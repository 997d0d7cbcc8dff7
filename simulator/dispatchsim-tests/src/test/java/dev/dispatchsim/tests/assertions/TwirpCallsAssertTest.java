package dev.dispatchsim.tests.assertions;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.FaultProfile;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.tests.support.GoldenText;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.support.TwirpHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;

import static dev.dispatchsim.assertions.SimulatorAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Verifying the app's Twirp calls, WireMock-style: counts by method, room, agent and outcome; a miss lists every call. */
@Timeout(30)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 3)
class TwirpCallsAssertTest {

    @Test
    @FaultProfile(yaml = """
            name: first-createdispatch-fails
            rules:
              - {name: fail-first, at: twirp_request, match: {method: CreateDispatch}, when: {first: 1},
                 do: {type: fail, twirp: {code: unavailable, msg: try again}}}
            """)
    void should_count_calls_by_method_room_and_outcome_and_list_them_all_when_the_count_is_wrong(LiveKitSimulator sim) {
        // GIVEN an app that created a room and dispatched to it twice (the first attempt failed), and listed rooms
        RoomApi app = new RoomApi(sim);
        app.createRoom("checkout", null);
        int first = new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret()).json("livekit.AgentDispatchService/CreateDispatch",
                "{\"room\": \"checkout\", \"agent_name\": \"stt-agent\"}", Map.of("roomAdmin", true, "room", "checkout"))
                .statusCode();
        app.createDispatch("checkout", "stt-agent", "");

        // WHEN / THEN the counts hold
        org.assertj.core.api.Assertions.assertThat(first).isEqualTo(503);
        assertThat(sim).twirpCalls().method("CreateDispatch").forRoom("checkout").hasSize(2);
        assertThat(sim).twirpCalls().method("CreateDispatch").failedWith("unavailable").hasSize(1);
        assertThat(sim).twirpCalls().method("CreateDispatch").forAgent("stt-agent").succeeded().hasSize(1);
        assertThat(sim).twirpCalls().method("DeleteRoom").isEmpty();

        // AND a wrong count shows every call that was made
        assertThatThrownBy(() -> assertThat(sim).twirpCalls().method("CreateDispatch").forRoom("chekout").hasSize(2))
                .satisfies(e -> GoldenText.assertMatches("assertions/twirp-calls-count", e.getMessage()));
        assertThatThrownBy(() -> assertThat(sim).twirpCalls().method("DeleteDispatch").isNotEmpty())
                .satisfies(e -> GoldenText.assertMatches("assertions/twirp-calls-none", e.getMessage()));
    }
}
