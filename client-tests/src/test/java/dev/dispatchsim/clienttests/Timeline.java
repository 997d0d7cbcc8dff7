package dev.dispatchsim.clienttests;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.proto.AvailabilityResponse;
import dev.dispatchsim.proto.ServerMessage;
import dev.dispatchsim.proto.WorkerMessage;
import dev.dispatchsim.testkit.FakeAgentWorker;
import livekit.LivekitAgent;
import livekit.LivekitAgentDispatch.AgentDispatch;

import java.time.Duration;
import java.util.List;

import static dev.dispatchsim.clienttests.JavaSdk.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** What the timeline tests (livekit-server 1.13.5's measured dispatch timeline) do again and again. */
final class Timeline {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final String AGENT = "stt-agent";

    private Timeline() {
    }

    static FakeAgentWorker worker(LiveKitSimulator sim) {
        return FakeAgentWorker.builder(sim.wsUrl(), sim.apiKey(), sim.apiSecret()).agentName(AGENT).connect();
    }

    /** The worker's yes to an AvailabilityRequest, sent by hand (for a worker whose policy ignores them). */
    static void accept(FakeAgentWorker worker, String jobId) {
        worker.send(WorkerMessage.newBuilder().setAvailability(AvailabilityResponse.newBuilder().setJobId(jobId)
                .setAvailable(true).setParticipantIdentity("agent-" + jobId)).build());
    }

    /** Waits until the worker has the assignment and the server has journalled it; returns the job id. */
    static String assigned(LiveKitSimulator sim, FakeAgentWorker worker) {
        String jobId = worker.nextAssignment(WAIT).getJob().getId();
        sim.journal().await(JobAssigned.class, a -> a.jobId().equals(jobId), WAIT);
        return jobId;
    }

    /** The jobs ListDispatch (through the Java SDK) lists for one dispatch. */
    static List<LivekitAgent.Job> listedJobs(JavaSdk sdk, String room, String dispatchId) {
        return ok(sdk.dispatches.listDispatch(room)).stream().filter(d -> d.getId().equals(dispatchId))
                .map(AgentDispatch::getState).findFirst()
                .orElseThrow(() -> new AssertionError("no dispatch " + dispatchId + " listed in " + room))
                .getJobsList();
    }

    /**
     * Proves that the server sent this worker nothing of a kind so far: frames on one socket arrive in order,
     * so a pong asked for now comes after anything sent before it.
     */
    static void assertNoTerminationSoFar(FakeAgentWorker worker) {
        roundTrip(worker);
        assertThat(worker.received()).noneMatch(ServerMessage::hasTermination);
    }

    /** A WorkerPing answered: everything the server sent the worker before it has arrived. */
    static void roundTrip(FakeAgentWorker worker) {
        long mark = System.nanoTime(); // only an id for this ping, never a time
        worker.ping(mark);
        while (worker.nextPong(WAIT).getLastTimestamp() != mark) {
            // an earlier ping's pong: keep reading until this one's
        }
    }
}
