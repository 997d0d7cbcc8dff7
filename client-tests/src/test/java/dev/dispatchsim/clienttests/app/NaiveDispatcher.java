package dev.dispatchsim.clienttests.app;

import livekit.LivekitAgent.JobStatus;
import livekit.LivekitAgentDispatch.AgentDispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What apps do before they learn better, kept to show that it fails: trust CreateRoom's 200, or
 * trust ListDispatch's JS_RUNNING (which livekit-server stamps before any worker has the job).
 */
public final class NaiveDispatcher {

    private final LiveKitApi api;
    private final AppClock clock;

    public NaiveDispatcher(LiveKitApi api, AppClock clock) {
        this.api = api;
        this.clock = clock;
    }

    /** CreateRoom answered 200, so the agent must be on its way. */
    public DispatchOutcome trustCreateRoom(String room, String agentName, String metadata) {
        StepLog log = new StepLog(clock);
        ApiResult<?> created = api.createRoomWithAgent(room, agentName, metadata);
        log.add("CreateRoom " + created.describe());
        return created.isOk() ? new DispatchOutcome.Delivered(room, "(assumed)", 0, log.elapsed(), log.lines())
                : new DispatchOutcome.Failed(room, "CreateRoom failed: " + created.describe(), log.lines());
    }

    /** CreateRoom, then poll ListDispatch until it shows a JS_RUNNING job for the agent. */
    public DispatchOutcome trustListDispatch(String room, String agentName, String metadata, Duration timeout)
            throws InterruptedException {
        StepLog log = new StepLog(clock);
        ApiResult<?> created = api.createRoomWithAgent(room, agentName, metadata);
        log.add("CreateRoom " + created.describe());
        Instant deadline = clock.now().plus(timeout);
        while (created.isOk() && clock.now().isBefore(deadline)) {
            clock.sleep(Duration.ofMillis(250));
            ApiResult<List<AgentDispatch>> listed = api.listDispatch(room);
            boolean running = listed.isOk() && listed.value().stream().filter(d -> d.getAgentName().equals(agentName))
                    .flatMap(d -> d.getState().getJobsList().stream())
                    .anyMatch(job -> job.getState().getStatus() == JobStatus.JS_RUNNING);
            if (running) {
                log.add("ListDispatch says JS_RUNNING");
                return new DispatchOutcome.Delivered(room, "(assumed)", 0, log.elapsed(), log.lines());
            }
        }
        return new DispatchOutcome.Failed(room, "no JS_RUNNING job within " + timeout, log.lines());
    }
}
