package dev.dispatchsim.internal.fault;



/** The ids an applied fault concerned, copied from its context; any may be null. */
public record FaultTargets(String roomName, String dispatchId, String jobId, String workerId, String agentName) {

    public static FaultTargets of(FaultContext c) {
        return new FaultTargets(c.roomName(), c.dispatchId(), c.jobId(), c.workerId(), c.agentName());
    }
}
