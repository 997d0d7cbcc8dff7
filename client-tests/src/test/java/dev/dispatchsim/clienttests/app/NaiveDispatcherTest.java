package dev.dispatchsim.clienttests.app;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.junit.AllowUnfiredRules;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.FaultProfile;
import dev.dispatchsim.junit.LiveKitSimulatorExtension;
import dev.dispatchsim.model.JobStatus;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.testkit.VirtualTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static dev.dispatchsim.assertions.SimulatorAssertions.assertThat;
import static dev.dispatchsim.clienttests.app.AppUnderTest.AGENT;
import static dev.dispatchsim.clienttests.app.AppUnderTest.METADATA;
import static org.assertj.core.api.Assertions.assertThat;

/** Trusting the API is what the createRoom-agents report warns against: it reports success for agents that never came. */
@Timeout(60)
class NaiveDispatcherTest {

    @RegisterExtension
    final LiveKitSimulatorExtension simulator = LiveKitSimulatorExtension.builder().clock(ClockMode.MANUAL).seed(1).build();

    @Test
    void should_get_the_agent_when_nothing_fails(LiveKitSimulator sim, VirtualTime time) throws Exception {
        // GIVEN the agent worker and no faults
        try (FakeAgentWorker worker = AppUnderTest.agentWorker(sim)) {
            // WHEN the naive app trusts ListDispatch
            DispatchOutcome outcome = AppUnderTest.naive(sim, time).trustListDispatch("session-1", AGENT, METADATA, Duration.ofSeconds(5));

            // THEN it is right this time: the agent really is there
            assertThat(outcome).isInstanceOf(DispatchOutcome.Delivered.class);
            assertThat(sim).room("session-1").hasAgent(AGENT).dispatchFor(AGENT).job().wasDelivered();
        }
    }

    @Test
    @FaultProfile("createroom-agents-dropped")
    @AllowUnfiredRules // this app never calls ListDispatch, so the profile's false JS_RUNNING report never fires
    void should_claim_success_while_no_job_was_assigned_when_it_trusts_create_room(LiveKitSimulator sim, VirtualTime time) {
        // GIVEN the createRoom-agents profile: session 1 works, sessions 2-4 are dropped
        try (FakeAgentWorker worker = AppUnderTest.agentWorker(sim)) {
            NaiveDispatcher app = AppUnderTest.naive(sim, time);
            app.trustCreateRoom("session-1", AGENT, METADATA);
            time.advance(Duration.ofSeconds(1));

            // WHEN session 2 is created and the app trusts CreateRoom's 200
            DispatchOutcome outcome = app.trustCreateRoom("session-2", AGENT, METADATA);
            time.advance(Duration.ofSeconds(11));

            // THEN it reports success, while the journal shows no assignment and no agent in the room
            assertThat(outcome).isInstanceOf(DispatchOutcome.Delivered.class);
            assertThat(sim).room("session-2").hasNoAgent(AGENT).dispatchFor(AGENT).job().wasNotDelivered();
            assertThat(sim).worker(AGENT).hasReceivedJobs(1).hasReceivedJobFor("session-1");
        }
    }

    @Test
    @FaultProfile("createroom-agents-dropped")
    void should_claim_success_while_no_job_was_assigned_when_it_trusts_list_dispatch(LiveKitSimulator sim, VirtualTime time)
            throws Exception {
        // GIVEN the createRoom-agents profile, after a first session that worked
        try (FakeAgentWorker worker = AppUnderTest.agentWorker(sim)) {
            NaiveDispatcher app = AppUnderTest.naive(sim, time);
            assertThat(app.trustListDispatch("session-1", AGENT, METADATA, Duration.ofSeconds(5)))
                    .isInstanceOf(DispatchOutcome.Delivered.class);

            // WHEN session 2 is created and the app waits for ListDispatch to say JS_RUNNING
            DispatchOutcome outcome = app.trustListDispatch("session-2", AGENT, METADATA, Duration.ofSeconds(5));

            // THEN ListDispatch said JS_RUNNING at once, the app believed it, and no worker ever got the job
            assertThat(outcome).isInstanceOf(DispatchOutcome.Delivered.class);
            assertThat(outcome.steps()).last().asString().endsWith("ListDispatch says JS_RUNNING");
            // tag::truth-vs-report[]
            assertThat(sim).room("session-2").hasNoAgent(AGENT)
                    .dispatchFor(AGENT).job().wasNotDelivered().isReportedAs(JobStatus.JS_RUNNING);
            // end::truth-vs-report[]
            assertThat(worker.received()).filteredOn(m -> m.hasAvailability())
                    .noneMatch(m -> m.getAvailability().getJob().getRoom().getName().equals("session-2"));
        }
    }
}
