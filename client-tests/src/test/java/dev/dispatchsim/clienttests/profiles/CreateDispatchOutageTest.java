package dev.dispatchsim.clienttests.profiles;

import dev.dispatchsim.clienttests.profiles.support.Journals;
import dev.dispatchsim.clienttests.profiles.support.ProfileScenario;
import dev.dispatchsim.clienttests.profiles.support.Responses;
import dev.dispatchsim.journal.AppliedEffect;
import dev.dispatchsim.journal.JournalEvent.DispatchCreated;
import dev.dispatchsim.journal.JournalEvent.TwirpCall;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import livekit.LivekitAgentDispatch.AgentDispatch;
import livekit.LivekitModels.Room;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import retrofit2.Response;

import java.util.Map;

import static dev.dispatchsim.clienttests.profiles.support.Journals.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Profile createdispatch-outage (A15): the first three CreateDispatch calls fail 503 unavailable, then it recovers. */
@Timeout(30)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 42, profile = "createdispatch-outage")
class CreateDispatchOutageTest extends ProfileScenario {

    private static final String RULE = "createdispatch-unavailable-first-3";
    private static final String OUTAGE_MESSAGE = "twirp error unknown: no response from servers";
    private static final AppliedEffect UNAVAILABLE = new AppliedEffect.Failed(503, "unavailable", OUTAGE_MESSAGE);

    @Test
    void should_answer_503_unavailable_three_times_then_deliver_when_the_app_retries_createdispatch() {
        // WHEN the app calls CreateDispatch three times during the outage
        for (int attempt = 1; attempt <= 3; attempt++) {
            Response<AgentDispatch> failed = app.createDispatch("room-a", AGENT, "{\"attempt\":" + attempt + "}");
            // THEN the SDK returns an unsuccessful response: HTTP 503 with the Twirp error body
            assertThat(failed.isSuccessful()).as("attempt %d", attempt).isFalse();
            assertThat(failed.code()).isEqualTo(503);
            assertThat(Responses.errorBody(failed)).contains("\"code\":\"unavailable\"")
                    .contains("no response from servers");
        }
        // AND nothing was created: no room (CreateDispatch would have auto-created it), no dispatch
        assertThat(app.listRooms()).extracting(Room::getName).doesNotContain("room-a");
        assertThat(sim.journal().events(DispatchCreated.class)).isEmpty();

        // WHEN it retries a fourth time
        Response<AgentDispatch> recovered = app.createDispatch("room-a", AGENT, "{\"attempt\":4}");

        // THEN it succeeds and the worker gets that dispatch at once
        assertThat(recovered.isSuccessful()).as(Responses.describe(recovered)).isTrue();
        assertThat(worker.nextAvailabilityRequest(WAIT).getJob().getDispatchId()).isEqualTo(recovered.body().getId());
        worker.nextAssignment(WAIT);
        // AND the journal: the rule fired on the first three calls only, and each call's outcome is recorded
        assertThat(Journals.faults(sim, RULE))
                .extracting(f -> f.hookPoint(), f -> f.effect(), f -> f.targets().get("room"),
                        f -> f.targets().get("agent"), f -> f.targets().get("occurrence"))
                .containsExactly(tuple("twirp_request", UNAVAILABLE, "room-a", AGENT, "1"),
                        tuple("twirp_request", UNAVAILABLE, "room-a", AGENT, "2"),
                        tuple("twirp_request", UNAVAILABLE, "room-a", AGENT, "3"));
        // (a call's outcome is journalled right after its answer, so wait for the last one rather than race it)
        Journals.await(sim, TwirpCall.class, c -> c.method().equals("CreateDispatch") && c.code().equals("ok"));
        assertThat(Journals.events(sim, TwirpCall.class, c -> c.method().equals("CreateDispatch")))
                .extracting(TwirpCall::room, TwirpCall::ids, TwirpCall::status, TwirpCall::code, TwirpCall::error)
                .containsExactly(tuple("room-a", Map.of("agent", AGENT), 503, "unavailable", OUTAGE_MESSAGE),
                        tuple("room-a", Map.of("agent", AGENT), 503, "unavailable", OUTAGE_MESSAGE),
                        tuple("room-a", Map.of("agent", AGENT), 503, "unavailable", OUTAGE_MESSAGE),
                        tuple("room-a", Map.of("agent", AGENT), 200, "ok", ""));
    }

    @Test
    void should_leave_createroom_alone_when_createdispatch_is_down() {
        // WHEN the app creates a room with its agent while CreateDispatch is failing
        Response<AgentDispatch> failed = app.createDispatch("room-b", AGENT, "");
        Response<Room> created = app.createRoomWithAgent("room-c", AGENT, "");

        // THEN CreateDispatch failed, CreateRoom did not, and its agent is delivered
        assertThat(failed.code()).isEqualTo(503);
        assertThat(created.isSuccessful()).as(Responses.describe(created)).isTrue();
        assertThat(worker.nextAvailabilityRequest(WAIT).getJob().getRoom().getName()).isEqualTo("room-c");
        assertThat(Journals.faults(sim, RULE)).extracting(f -> f.targets().get("room")).containsExactly("room-b");
        // (a call's outcome is journalled right after its answer, so wait for it rather than race it)
        assertThat(Journals.await(sim, TwirpCall.class, c -> c.method().equals("CreateRoom")).code()).isEqualTo("ok");
    }
}
