package dev.dispatchsim.testcontainers;

import dev.dispatchsim.admin.JournalQuery;
import dev.dispatchsim.admin.SimulatorAdmin;
import dev.dispatchsim.journal.JournalEvent.AvailabilityRequested;
import dev.dispatchsim.journal.JournalEvent.AvailabilityTimedOut;
import dev.dispatchsim.journal.JournalEvent.FaultApplied;
import dev.dispatchsim.testkit.FakeAgentWorker;
import livekit.LivekitAgent.JobStatus;
import livekit.LivekitAgentDispatch.AgentDispatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.dispatchsim.testcontainers.Images.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled profile createroom-agents-dropped (docs/failure-catalogue.md, A0) end to end through the
 * container: five sessions in a row, each room created with its agent through the Java SDK; sessions
 * 2-4 never reach the worker although ListDispatch says JS_RUNNING, and the app's fallback
 * CreateDispatch delivers. On the manual clock, the dropped offers time out only when the test moves time.
 */
@Timeout(180)
class CreateRoomAgentsDroppedIT {

    private static final String AGENT = "stt-agent";
    private static final String DROP_RULE = "drop-createroom-sessions-2-to-4";

    @Test
    void should_need_the_createdispatch_fallback_for_sessions_2_to_4_when_the_profile_runs_in_the_container() throws Exception {
        // GIVEN the bundled profile in the container, on the manual clock, and a worker through the mapped port
        try (DispatchSimContainer sim = new DispatchSimContainer(Images.underTest())
                .withProfile("createroom-agents-dropped").withSeed(42).withClock(ClockMode.MANUAL)) {
            sim.start();
            try (FakeAgentWorker worker = FakeAgentWorker.builder(sim.getWsUrl(), sim.getApiKey(), sim.getApiSecret())
                    .agentName(AGENT).connect()) {
                JavaSdkApp app = new JavaSdkApp(sim);
                List<String> claimedButDropped = new ArrayList<>();
                for (int session = 1; session <= 5; session++) {
                    String room = "session-" + session;
                    // WHEN the app creates the room with its agent and reads the dispatch back
                    app.createRoomWithAgent(room, AGENT, "{\"session\":" + session + "}");
                    AgentDispatch listed = app.listDispatch(room).get(0);

                    // THEN ListDispatch says JS_RUNNING whatever happened
                    assertThat(listed.getState().getJobsList()).singleElement()
                            .satisfies(job -> assertThat(job.getState().getStatus()).isEqualTo(JobStatus.JS_RUNNING));
                    if (sessionDropped(session)) {
                        // AND for 2-4 the first offer the worker ever sees is the app's fallback, not createRoom's job
                        String fallback = app.createDispatch(room, AGENT, "{\"fallback\":true}").getId();
                        assertThat(worker.nextAvailabilityRequest(WAIT).getJob().getDispatchId()).isEqualTo(fallback);
                        claimedButDropped.add(listed.getState().getJobs(0).getId());
                    } else {
                        assertThat(worker.nextAvailabilityRequest(WAIT).getJob().getDispatchId()).isEqualTo(listed.getId());
                    }
                    worker.nextAssignment(WAIT);
                    // deleting the room sends the worker no JobTermination, as on livekit-server 1.13.5
                    app.deleteRoom(room);
                }

                // AND the journal names the rule and the jobs it dropped, none of which was ever offered
                SimulatorAdmin admin = sim.admin();
                List<FaultApplied> drops = admin.journal(JournalQuery.of(FaultApplied.class)).stream()
                        .map(e -> (FaultApplied) e.event()).filter(f -> f.rule().equals(DROP_RULE)).toList();
                assertThat(drops).extracting(f -> f.targets().get("room")).containsExactly("session-2", "session-3", "session-4");
                assertThat(drops).extracting(f -> f.targets().get("job")).containsExactlyElementsOf(claimedButDropped);
                assertThat(admin.journal(JournalQuery.of(AvailabilityRequested.class)))
                        .extracting(e -> ((AvailabilityRequested) e.event()).jobId()).doesNotContainAnyElementsOf(claimedButDropped);

                // AND on the manual clock nothing timed out yet; moving time past the 3 s window times out exactly those
                assertThat(admin.journal(JournalQuery.of(AvailabilityTimedOut.class))).isEmpty();
                admin.advanceClock(Duration.ofSeconds(4));
                assertThat(admin.journal(JournalQuery.of(AvailabilityTimedOut.class)))
                        .extracting(e -> ((AvailabilityTimedOut) e.event()).jobId()).containsExactlyElementsOf(claimedButDropped);
            }
        }
    }

    private static boolean sessionDropped(int session) {
        return session >= 2 && session <= 4;
    }
}
