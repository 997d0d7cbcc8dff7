package dev.dispatchsim.internal.fault;

import dev.dispatchsim.model.DispatchSource;
import dev.dispatchsim.model.JobType;
import dev.dispatchsim.model.ParticipantKind;

/**
 * Which events a rule applies to. Every criterion is optional (null, or 0 for
 * {@code workerOrder}) and all given criteria must hold. Text criteria are globs except
 * {@code roomRegex}; {@code metadataContains} is a plain substring. {@code event}, {@code participantKind}
 * and {@code url} describe webhook events, so only the webhook hook knows them.
 */
public record Selector(
        TextPattern service,
        TextPattern method,
        TextPattern agent,
        TextPattern room,
        TextPattern roomRegex,
        DispatchSource source,
        JobType jobType,
        TextPattern worker,
        TextPattern workerAgent,
        int workerOrder,
        String metadataContains,
        TextPattern event,
        ParticipantKind participantKind,
        TextPattern url) {

    private static final Selector ANY = new Selector(null, null, null, null, null, null, null, null, null, 0, null,
            null, null, null);

    public Selector {
        if (workerOrder < 0) {
            throw new IllegalArgumentException("workerOrder is 1-based (0 = any), got " + workerOrder);
        }
    }

    /** Matches every event at the rule's hook point. */
    public static Selector any() {
        return ANY;
    }

    public boolean matches(FaultContext c) {
        return test(service, c.service()) && test(method, c.method())
                && test(agent, c.agentName())
                && test(room, c.roomName()) && test(roomRegex, c.roomName())
                && (source == null || source == c.dispatchSource())
                && (jobType == null || jobType == c.jobType())
                && test(worker, c.workerId()) && test(workerAgent, c.workerAgentName())
                && (workerOrder == 0 || workerOrder == c.workerOrder())
                && (metadataContains == null || (c.metadata() != null && c.metadata().contains(metadataContains)))
                && test(event, c.webhookEvent())
                && (participantKind == null || participantKind == c.participantKind())
                && test(url, c.url());
    }

    private static boolean test(TextPattern pattern, String value) {
        return pattern == null || pattern.matches(value);
    }

    public Selector withService(String glob) {
        return new Selector(TextPattern.glob(glob), method, agent, room, roomRegex, source, jobType, worker, workerAgent, workerOrder, metadataContains, event, participantKind, url);
    }

    public Selector withMethod(String glob) {
        return new Selector(service, TextPattern.glob(glob), agent, room, roomRegex, source, jobType, worker, workerAgent, workerOrder, metadataContains, event, participantKind, url);
    }

    public Selector withAgent(String glob) {
        return new Selector(service, method, TextPattern.glob(glob), room, roomRegex, source, jobType, worker, workerAgent, workerOrder, metadataContains, event, participantKind, url);
    }

    public Selector withRoom(String glob) {
        return new Selector(service, method, agent, TextPattern.glob(glob), roomRegex, source, jobType, worker, workerAgent, workerOrder, metadataContains, event, participantKind, url);
    }

    public Selector withRoomRegex(String regex) {
        return new Selector(service, method, agent, room, TextPattern.regex(regex), source, jobType, worker, workerAgent, workerOrder, metadataContains, event, participantKind, url);
    }

    public Selector withSource(DispatchSource v) {
        return new Selector(service, method, agent, room, roomRegex, v, jobType, worker, workerAgent, workerOrder, metadataContains, event, participantKind, url);
    }

    public Selector withJobType(JobType v) {
        return new Selector(service, method, agent, room, roomRegex, source, v, worker, workerAgent, workerOrder, metadataContains, event, participantKind, url);
    }

    public Selector withWorker(String glob) {
        return new Selector(service, method, agent, room, roomRegex, source, jobType, TextPattern.glob(glob), workerAgent, workerOrder, metadataContains, event, participantKind, url);
    }

    public Selector withWorkerAgent(String glob) {
        return new Selector(service, method, agent, room, roomRegex, source, jobType, worker, TextPattern.glob(glob), workerOrder, metadataContains, event, participantKind, url);
    }

    public Selector withWorkerOrder(int v) {
        return new Selector(service, method, agent, room, roomRegex, source, jobType, worker, workerAgent, v, metadataContains, event, participantKind, url);
    }

    public Selector withMetadataContains(String v) {
        return new Selector(service, method, agent, room, roomRegex, source, jobType, worker, workerAgent, workerOrder, v, event, participantKind, url);
    }

    public Selector withEvent(String glob) {
        return new Selector(service, method, agent, room, roomRegex, source, jobType, worker, workerAgent, workerOrder,
                metadataContains, TextPattern.glob(glob), participantKind, url);
    }

    public Selector withParticipantKind(ParticipantKind v) {
        return new Selector(service, method, agent, room, roomRegex, source, jobType, worker, workerAgent, workerOrder,
                metadataContains, event, v, url);
    }

    public Selector withUrl(String glob) {
        return new Selector(service, method, agent, room, roomRegex, source, jobType, worker, workerAgent, workerOrder,
                metadataContains, event, participantKind, TextPattern.glob(glob));
    }
}
