package dev.dispatchsim.tests.security;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.journal.JournalEvent.TwirpCall;
import dev.dispatchsim.journal.JournalEvent.WorkerProtocolError;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.proto.RegisterWorkerRequest;
import dev.dispatchsim.proto.WorkerMessage;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.Sims;
import dev.dispatchsim.tests.support.TwirpHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * S5: an agent name has a limit wherever a client gives one (livekit-server has none; ours is 256 bytes,
 * in the real server's wording for its own limits), and the journal keeps a bounded prefix of any text,
 * so megabyte names cost nothing after the call is refused.
 */
@Timeout(120)
@LiveKitSimulatorTest(seed = 5)
class InputLimitsTest {

    private static final String HUGE = "x".repeat(4 * 1024 * 1024);

    @Test
    void should_refuse_megabyte_agent_names_and_journal_only_a_prefix_when_dispatches_name_them(LiveKitSimulator sim) {
        TwirpHttp twirp = new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret());
        String dispatch = "{\"room\":\"r1\",\"agentName\":\"" + HUGE + "\"}";

        // WHEN 40 CreateDispatch calls name a 4 MiB agent
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> refused = twirp.json("livekit.AgentDispatchService/CreateDispatch", dispatch,
                    TwirpHttp.roomAdmin("r1"));

            // THEN each is refused as invalid_argument, worded like the real server's limits
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).isEqualTo("{\"code\":\"invalid_argument\",\"msg\":\"twirp error unknown: "
                    + "agent name length exceeds limits: max length 256\"}");
        }
        // AND nothing was dispatched, and the journal holds at most a short prefix of the name per call
        assertThat(sim.admin().state().rooms()).isEmpty();
        assertThat(sim.journal().events(TwirpCall.class)).hasSize(40)
                .allSatisfy(call -> assertThat(call.ids().get("agent")).hasSizeLessThan(1100).startsWith("xxxx")
                        .endsWith("more chars not journaled)"));
        long journaledChars = sim.journal().entries().stream().map(JournalEntry::toString).mapToLong(String::length).sum();
        assertThat(journaledChars).isLessThan(200_000);
    }

    @Test
    void should_refuse_a_long_agent_name_in_create_room_when_agents_are_given(LiveKitSimulator sim) {
        // WHEN CreateRoom asks for an agent with a 257-byte name
        HttpResponse<String> refused = new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret()).json(
                "livekit.RoomService/CreateRoom", "{\"name\":\"r2\",\"agents\":[{\"agentName\":\"" + "a".repeat(257) + "\"}]}",
                TwirpHttp.roomCreate());

        // THEN it is invalid_argument with the limit, as RoomService words its limits
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).isEqualTo("{\"code\":\"invalid_argument\",\"msg\":\"agent name length exceeds limits 256\","
                + "\"meta\":{\"argument\":\"agent name length exceeds limits\"}}");
        assertThat(sim.admin().state().rooms()).isEmpty();
    }

    @Test
    void should_close_the_socket_with_1008_when_a_worker_registers_a_megabyte_agent_name(LiveKitSimulator sim) {
        // GIVEN a connected worker that has not registered
        try (FakeAgentWorker worker = Sims.worker(sim, "ignored").withoutRegister().open()) {
            // WHEN it registers with a 1 MiB agent name (within the 2 MiB frame limit)
            worker.send(WorkerMessage.newBuilder().setRegister(RegisterWorkerRequest.newBuilder()
                    .setAgentName("w".repeat(1024 * 1024))).build());

            // THEN the server closes it with 1008 and a reason naming the limit, and journals it
            FakeAgentWorker.Closed closed = worker.awaitClosed(WAIT);
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(closed.reason()).isEqualTo("agent_name is 1048576 bytes; the limit is 256 bytes");
            assertThat(sim.journal().await(WorkerProtocolError.class, e -> true, WAIT).reason())
                    .isEqualTo("agent_name is 1048576 bytes; the limit is 256 bytes");
            assertThat(sim.admin().workers()).isEmpty();
        }
    }
}
