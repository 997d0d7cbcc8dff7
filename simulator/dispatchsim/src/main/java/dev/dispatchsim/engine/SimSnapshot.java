package dev.dispatchsim.engine;

import dev.dispatchsim.model.Dispatch;
import dev.dispatchsim.model.Job;
import dev.dispatchsim.model.JobStatus;
import dev.dispatchsim.model.Participant;
import dev.dispatchsim.model.Room;
import dev.dispatchsim.model.Worker;

import java.util.List;

/**
 * The whole simulated state at one instant, with the truth and what the APIs report side by side:
 * the product of this simulator is the gap between the two.
 */
public record SimSnapshot(List<RoomView> rooms, List<Worker> workers, List<String> registeredAgents) {

    public record RoomView(Room room, List<Participant> participants, List<DispatchView> dispatches) {
    }

    /**
     * {@code reported} is what ListDispatch would say now (report rules peeked at, not counted);
     * {@code jobs} is the truth.
     */
    public record DispatchView(Dispatch reported, List<JobView> jobs) {
    }

    /**
     * One job's truth. {@code phase}: OFFERING, ASSIGNED, ENDED or UNDELIVERABLE; {@code delivered}:
     * whether the JobAssignment frame reached the worker; {@code reportedStatus}: what the last
     * ListDispatch (or Create/DeleteDispatch) answer showed, or null when no answer has listed the job.
     */
    public record JobView(String jobId, String phase, JobStatus trueStatus, String trueError, String workerId,
                          String participantIdentity, boolean delivered, JobStatus reportedStatus) {
    }

    static SimSnapshot of(SimState state, WorkerPool pool, Dispatches dispatches) {
        List<RoomView> rooms = state.rooms.values().stream().map(room -> new RoomView(room.snapshot(),
                room.participants.values().stream().map(ParticipantRecord::snapshot).toList(),
                room.dispatches.values().stream().map(d -> view(d, dispatches)).toList())).toList();
        List<Worker> workers = state.connections.values().stream()
                .filter(WorkerRecord::isRegistered).map(WorkerRecord::snapshot).toList();
        return new SimSnapshot(rooms, workers, pool.describeRegistered());
    }

    private static DispatchView view(DispatchRecord dispatch, Dispatches dispatches) {
        Dispatch reported = dispatches.peek(dispatch);
        List<JobView> jobs = dispatch.jobs.stream().map(job -> {
            Job listed = reported.jobs().stream().filter(j -> j.id().equals(job.id())).findFirst().orElse(null);
            return new JobView(job.id(), job.phase.name(), job.trueStatus, job.trueError, job.workerId,
                    job.participantIdentity, job.assignmentDelivered, listed == null ? null : listed.state().status());
        }).toList();
        return new DispatchView(reported, jobs);
    }
}
