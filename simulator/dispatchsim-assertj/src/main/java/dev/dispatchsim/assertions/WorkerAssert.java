package dev.dispatchsim.assertions;

import dev.dispatchsim.model.Worker;
import org.assertj.core.api.AbstractAssert;

import java.util.Set;

/** Assertions on one registered worker: the jobs whose JobAssignment really reached it. */
public final class WorkerAssert extends AbstractAssert<WorkerAssert, Worker> {

    private final Evidence evidence;

    WorkerAssert(Worker worker, Evidence evidence) {
        super(worker, WorkerAssert.class);
        this.evidence = evidence;
    }

    public WorkerAssert hasReceivedJobs(int expected) {
        Set<String> received = evidence.receivedJobs(actual.id());
        if (received.size() != expected) {
            failWithMessage("%s", SimulatorMessages.receivedCount(evidence, actual, received, expected));
        }
        return this;
    }

    public WorkerAssert hasReceivedNoJobs() {
        return hasReceivedJobs(0);
    }

    public WorkerAssert hasReceivedJobFor(String room) {
        Set<String> received = evidence.receivedJobs(actual.id());
        if (received.stream().noneMatch(job -> evidence.roomOfJob(job).equals(room))) {
            failWithMessage("%s", SimulatorMessages.noJobForRoom(evidence, actual, received, room));
        }
        return this;
    }
}
