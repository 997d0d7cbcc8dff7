package dev.dispatchsim.internal.fault;



/**
 * The ids an applied fault concerned, copied from its context; any may be null. The last three are
 * known at the webhook hook only: the event's name, the participant it is about and the URL.
 */
public record FaultTargets(String roomName, String dispatchId, String jobId, String workerId, String agentName,
                           String webhookEvent, String participant, String url) {

    public static FaultTargets of(FaultContext c) {
        return new FaultTargets(c.roomName(), c.dispatchId(), c.jobId(), c.workerId(), c.agentName(),
                c.webhookEvent(), c.participant(), c.url());
    }
}
