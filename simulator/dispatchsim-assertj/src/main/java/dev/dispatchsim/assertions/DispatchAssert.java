package dev.dispatchsim.assertions;

import dev.dispatchsim.model.DispatchSource;
import dev.dispatchsim.model.SimulatorState.DispatchView;
import dev.dispatchsim.model.SimulatorState.JobView;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

/** Assertions on one dispatch: where it came from and its job. */
public final class DispatchAssert extends AbstractAssert<DispatchAssert, DispatchView> {

    private final Evidence evidence;

    DispatchAssert(DispatchView dispatch, Evidence evidence) {
        super(dispatch, DispatchAssert.class);
        this.evidence = evidence;
    }

    public DispatchAssert hasSource(DispatchSource expected) {
        if (actual.reported().source() != expected) {
            failWithMessage("%s", SimulatorMessages.describe(actual) + " came from " + actual.reported().source().wireName()
                    + ", expected " + expected.wireName());
        }
        return this;
    }

    /** The dispatch's one job (a room job, for a room without other participants). */
    public JobAssert job() {
        if (actual.jobs().isEmpty()) {
            failWithMessage("%s", SimulatorMessages.noJob(evidence, actual));
        }
        if (actual.jobs().size() > 1) {
            failWithMessage("%s", SimulatorMessages.severalJobs(actual));
        }
        return new JobAssert(actual.jobs().get(0), actual, evidence);
    }

    public JobAssert job(String jobId) {
        JobView job = actual.jobs().stream().filter(j -> j.jobId().equals(jobId)).findFirst().orElse(null);
        if (job == null) {
            failWithMessage("%s", SimulatorMessages.describe(actual) + " has no job " + jobId + "; its jobs: "
                    + actual.jobs().stream().map(JobView::jobId).toList());
        }
        return new JobAssert(job, actual, evidence);
    }

    /** Every job's truth next to its report ({@code JobView}), for AssertJ's list assertions. */
    public ListAssert<JobView> jobs() {
        return Assertions.assertThat(actual.jobs());
    }

    /** No job was created: no worker served the agent when the dispatch launched (or its launch is still held). */
    public DispatchAssert hasNoJob() {
        if (!actual.jobs().isEmpty()) {
            failWithMessage("%s", SimulatorMessages.describe(actual) + " has " + actual.jobs().size() + " job(s), expected none: "
                    + actual.jobs().stream().map(j -> j.jobId() + " " + SimulatorMessages.truth(j)).toList());
        }
        return this;
    }
}
