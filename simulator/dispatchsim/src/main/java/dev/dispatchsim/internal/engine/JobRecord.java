package dev.dispatchsim.internal.engine;

import dev.dispatchsim.internal.clock.ScheduledTask;
import dev.dispatchsim.model.Job;
import dev.dispatchsim.model.JobState;
import dev.dispatchsim.model.JobStatus;
import dev.dispatchsim.model.SimulatorState.Phase;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One job: the truth (what the worker really got and reported) and the copy the dispatch lists.
 * The real server keeps two copies too: the dispatch's copy is frozen at assignment (JS_RUNNING)
 * and later UpdateJobStatus messages only change the worker registry's copy.
 */
final class JobRecord {

    final DispatchRecord dispatch;
    Job job;
    Phase phase = Phase.OFFERING;
    /** The copy ListDispatch shows; null until the job was assigned (or ended by a terminate answer). */
    Job listedCopy;
    /** The worker-registry copy: what the worker reported. */
    JobStatus trueStatus = JobStatus.JS_PENDING;
    String trueError = "";
    String workerId = "";
    String participantIdentity = "";
    /** Whether the JobAssignment frame actually left (a fault may drop it). */
    boolean assignmentDelivered;
    final Set<String> triedWorkers = new LinkedHashSet<>();
    /** The (deprecated) namespace part of the pool key: only workers registered in it may take the job. */
    String namespace = "";
    /** SimulateJobRequest: only the asking worker may take the job. */
    String onlyWorker;
    ScheduledTask availabilityTimer;
    /** Whether the current offer's AvailabilityRequest was sent (or lost on the way): its timer runs from then. */
    boolean offerSent;
    /** The worker whose availability window ran out on this job: its late answer is journalled and ignored. */
    String timedOutWorker = "";
    /** The first launch after a worker registered: ListDispatch lists the job only a listing lag after assignment. */
    boolean coldLaunch;
    /** Whether the launch is over: the job is listed, or no worker took it. DeleteDispatch waits for it. */
    boolean launchDone;
    /** Set when DeleteDispatch came while the launch was in flight: the JobTermination follows when it ends. */
    boolean terminateWhenLaunched;
    ScheduledTask listingTimer;
    ScheduledTask agentJoinTimer;
    ScheduledTask agentLeaveTimer;

    JobRecord(DispatchRecord dispatch, Job job) {
        this.dispatch = dispatch;
        this.job = job;
    }

    String id() {
        return job.id();
    }

    JobState trueState() {
        return job.state();
    }

    /**
     * Whether what the job was launched for is still there: its dispatch in the same live room (not one of the
     * same name opened since). A simulated job (SimulateJobRequest) has no dispatch and always is.
     */
    boolean dispatchStillLive(SimState state) {
        if (dispatch == null) {
            return true;
        }
        RoomRecord room = state.rooms.get(dispatch.room);
        return room != null && room.sid.equals(job.room().sid()) && room.dispatches.get(dispatch.id) == dispatch;
    }

    /** A reset drops the job: none of its timers may fire into the next test. */
    void cancelTimers() {
        SimState.cancel(availabilityTimer);
        SimState.cancel(listingTimer);
        SimState.cancel(agentJoinTimer);
        SimState.cancel(agentLeaveTimer);
    }
}
