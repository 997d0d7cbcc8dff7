package dev.dispatchsim.assertions;

import dev.dispatchsim.model.JobStatus;
import dev.dispatchsim.model.SimulatorState.DispatchView;
import dev.dispatchsim.model.SimulatorState.JobView;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one job, with its truth (was the JobAssignment delivered, what did the worker report)
 * and what ListDispatch reports side by side: the gap between the two is what apps must survive.
 */
public final class JobAssert extends AbstractAssert<JobAssert, JobView> {

    private final DispatchView dispatch;
    private final Evidence evidence;

    JobAssert(JobView job, DispatchView dispatch, Evidence evidence) {
        super(job, JobAssert.class);
        this.dispatch = dispatch;
        this.evidence = evidence;
    }

    /** The JobAssignment reached a worker. */
    public JobAssert wasDelivered() {
        if (!actual.delivered()) {
            failWithMessage("%s", SimulatorMessages.notDelivered(evidence, actual, agent(), room()));
        }
        return this;
    }

    /** No JobAssignment reached any worker, whatever the APIs say. */
    public JobAssert wasNotDelivered() {
        if (actual.delivered()) {
            failWithMessage("%s", SimulatorMessages.delivered(actual, agent(), room()));
        }
        return this;
    }

    /** The worker-side truth: what the worker reported (JS_RUNNING once offered, as on livekit-server). */
    public JobAssert hasTrueStatus(JobStatus expected) {
        if (actual.trueStatus() != expected) {
            failWithMessage("%s", SimulatorMessages.trueStatus(evidence, actual, expected));
        }
        return this;
    }

    /** What ListDispatch shows for this job. */
    public JobAssert isReportedAs(JobStatus expected) {
        if (actual.reportedStatus() != expected) {
            failWithMessage("%s", SimulatorMessages.reportedStatus(evidence, actual, expected));
        }
        return this;
    }

    /** ListDispatch does not show this job at all. */
    public JobAssert isNotReported() {
        if (actual.reportedStatus() != null) {
            failWithMessage("%s", SimulatorMessages.reportedStatus(evidence, actual, "not to be listed"));
        }
        return this;
    }

    private String agent() {
        return dispatch.reported().agentName();
    }

    private String room() {
        return dispatch.reported().room();
    }
}
