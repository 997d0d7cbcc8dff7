package dev.dispatchsim.model;

import java.util.List;

/**
 * The whole simulated state at one instant, read-only, with the truth and what the APIs report side
 * by side: the product of this simulator is the gap between the two. {@code registeredAgents} lists
 * every registered worker as {@code 'agent_name'/JOB_TYPE} (and {@code @deployment}), for near-miss messages;
 * {@code scenarioState} is the fault profile's scenario state, null when its profile declares none.
 */
public record SimulatorState(List<RoomView> rooms, List<Worker> workers, List<String> registeredAgents,
                             String scenarioState) {

    public SimulatorState {
        rooms = List.copyOf(rooms);
        workers = List.copyOf(workers);
        registeredAgents = List.copyOf(registeredAgents);
    }

    /** A live room, its participants (agents included), and its dispatches. */
    public record RoomView(Room room, List<Participant> participants, List<DispatchView> dispatches) {

        public RoomView {
            participants = List.copyOf(participants);
            dispatches = List.copyOf(dispatches);
        }
    }

    /**
     * One dispatch: {@code reported} is what ListDispatch would say now (fault rules looked at, not
     * counted), {@code jobs} is the truth about every job launched for it.
     */
    public record DispatchView(Dispatch reported, List<JobView> jobs) {

        public DispatchView {
            jobs = List.copyOf(jobs);
        }
    }

    /**
     * One job's truth. {@code delivered}: whether the JobAssignment frame reached the worker;
     * {@code trueStatus}/{@code trueError}: what the worker really reported (JS_RUNNING once offered, as
     * livekit-server stamps it); {@code reportedStatus}: what ListDispatch shows for the job now, or null
     * when it does not list it.
     */
    public record JobView(String jobId, Phase phase, JobStatus trueStatus, String trueError, String workerId,
                          String participantIdentity, boolean delivered, JobStatus reportedStatus) {
    }

    /** Where a job is on its way to a worker. */
    public enum Phase {
        /** A worker has been asked (AvailabilityRequest) and has not answered yet. */
        OFFERING,
        /** A worker accepted; the JobAssignment went out, or a fault kept it back ({@code delivered} says which). */
        ASSIGNED,
        /** The worker reported a final status, or the server terminated the job. */
        ENDED,
        /** No worker took it: none served the agent, all declined, or the one asked timed out. */
        UNDELIVERABLE
    }
}
