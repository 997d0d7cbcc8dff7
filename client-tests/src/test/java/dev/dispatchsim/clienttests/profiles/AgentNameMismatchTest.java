package dev.dispatchsim.clienttests.profiles;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clienttests.profiles.support.App;
import dev.dispatchsim.clienttests.profiles.support.Workers;
import dev.dispatchsim.journal.JournalEvent.DispatchUndeliverable;
import dev.dispatchsim.journal.JournalEvent.FaultApplied;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.testkit.FakeAgentWorker;
import livekit.LivekitAgentDispatch.AgentDispatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.dispatchsim.clienttests.profiles.support.Journals.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** Profile agent-name-mismatch (A5): no faults; a worker registered as 'stt_agent' never gets 'stt-agent' dispatches. */
@Timeout(30)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 42, profile = "agent-name-mismatch")
class AgentNameMismatchTest {

    @Test
    void should_record_the_near_miss_and_deliver_nothing_when_the_app_asks_for_a_name_no_worker_registered(
            LiveKitSimulator sim) {
        // GIVEN a worker registered under the underscore spelling
        try (FakeAgentWorker worker = Workers.registered(sim, "stt_agent")) {
            App app = App.of(sim);

            // WHEN the app creates a room asking for the hyphen spelling
            assertThat(app.createRoomWithAgent("room-a", "stt-agent", "").isSuccessful()).isTrue();

            // THEN the call succeeded, but the dispatch has no job (as on the real server)
            AgentDispatch dispatch = app.listDispatch("room-a").get(0);
            assertThat(dispatch.getAgentName()).isEqualTo("stt-agent");
            assertThat(dispatch.getState().getJobsList()).isEmpty();
            // AND the journal explains it with the near miss, without any fault involved
            DispatchUndeliverable miss = sim.journal().events(DispatchUndeliverable.class).get(0);
            assertThat(miss.room()).isEqualTo("room-a");
            assertThat(miss.agentName()).isEqualTo("stt-agent");
            assertThat(miss.reason()).isEqualTo("no worker registered for agent 'stt-agent' (JT_ROOM)");
            assertThat(miss.registeredAgents()).containsExactly("'stt_agent'/JT_ROOM");
            assertThat(sim.journal().events(FaultApplied.class)).isEmpty();

            // WHEN the app dispatches the name the worker really has
            AgentDispatch right = app.createDispatch("room-a", "stt_agent", "").body();

            // THEN that is the first and only job the worker was ever offered
            worker.nextAssignment(WAIT);
            assertThat(Workers.offeredDispatchIds(worker)).containsExactly(right.getId());
        }
    }
}
