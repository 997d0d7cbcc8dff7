package dev.dispatchsim.clienttests.app;

import livekit.LivekitAgentDispatch.AgentDispatch;
import livekit.LivekitModels.ParticipantInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Gets an agent into a new room, and does not take the API's word for it. The createRoom-agents
 * report's workaround (docs/failure-catalogue.md, A0), made robust:
 * <ol>
 *   <li>CreateRoom with {@code agents} (retried on transient errors);</li>
 *   <li>verify end to end: the agent is in the room as an AGENT participant; ListDispatch's JS_RUNNING
 *       proves nothing, the real server stamps it before any worker has the job;</li>
 *   <li>if the agent is not there within the verify window, CreateDispatch (each call retried with
 *       backoff on 503/429/unreachable) and verify again, up to {@code maxFallbacks} times;</li>
 *   <li>once an agent is in, delete the other dispatches for it, so a late one cannot add a second agent;
 *       but only once ListDispatch lists the arrived agent's job: the real server lists the first job after a
 *       worker registered about 5 s late, and until then every dispatch shows {@code jobs: []}, the one that
 *       delivered the agent included (deleting it would end the agent's job).</li>
 * </ol>
 * All waiting goes through {@link AppClock}, so tests run it on the simulator's virtual time.
 */
public final class AgentDispatcher {

    static final String AGENT_NAME_ATTRIBUTE = "lk.agent_name";

    private final LiveKitApi api;
    private final AppClock clock;
    private final DispatchPolicy policy;

    public AgentDispatcher(LiveKitApi api, AppClock clock, DispatchPolicy policy) {
        this.api = api;
        this.clock = clock;
        this.policy = policy;
    }

    public DispatchOutcome dispatch(String room, String agentName, String metadata) throws InterruptedException {
        StepLog log = new StepLog(clock);
        ApiResult<?> created = withRetries("CreateRoom", () -> api.createRoomWithAgent(room, agentName, metadata), log);
        if (!created.isOk()) {
            return new DispatchOutcome.Failed(room, "CreateRoom failed: " + created.describe(), log.lines());
        }
        Optional<String> agent = awaitAgent(room, agentName, log);
        int fallbacks = 0;
        while (agent.isEmpty() && fallbacks < policy.maxFallbacks()) {
            fallbacks++;
            withRetries("CreateDispatch #" + fallbacks, () -> api.createDispatch(room, agentName, metadata), log);
            // even when CreateDispatch failed for good, the earlier dispatches may still deliver: keep looking
            agent = awaitAgent(room, agentName, log);
        }
        if (agent.isEmpty()) {
            return new DispatchOutcome.Failed(room, "agent '" + agentName + "' did not join room '" + room + "' within "
                    + seconds(log.elapsed()) + " (CreateRoom, then " + fallbacks + " CreateDispatch fallback(s)); "
                    + claims(room, agentName) + ", which is no proof of delivery", log.lines());
        }
        cancelOtherDispatches(room, agentName, agent.get(), log);
        return new DispatchOutcome.Delivered(room, agent.get(), fallbacks, log.elapsed(), log.lines());
    }

    /** Looks for the agent every poll interval until the verify window ends; the identity of the first one seen. */
    private Optional<String> awaitAgent(String room, String agentName, StepLog log) throws InterruptedException {
        Instant deadline = clock.now().plus(policy.verifyWindow());
        while (clock.now().isBefore(deadline)) {
            clock.sleep(policy.pollInterval());
            ApiResult<List<ParticipantInfo>> participants = api.listParticipants(room);
            if (participants.isOk()) {
                Optional<String> agent = participants.value().stream()
                        .filter(p -> p.getKind() == ParticipantInfo.Kind.AGENT)
                        .filter(p -> agentName.equals(p.getAttributesMap().get(AGENT_NAME_ATTRIBUTE)))
                        .map(ParticipantInfo::getIdentity).findFirst();
                if (agent.isPresent()) {
                    log.add("agent '" + agent.get() + "' is in the room");
                    return agent;
                }
            }
        }
        log.add("no agent after " + seconds(policy.verifyWindow()));
        return Optional.empty();
    }

    /**
     * Deletes every dispatch for the agent except the one whose job the arrived agent runs, once ListDispatch
     * says which one that is; while it does not (the listing lag), it looks again every poll interval.
     */
    private void cancelOtherDispatches(String room, String agentName, String identity, StepLog log)
            throws InterruptedException {
        Instant deadline = clock.now().plus(policy.listingWindow());
        ApiResult<List<AgentDispatch>> listed = api.listDispatch(room);
        while (listed.isOk() && !runsAgent(listed.value(), identity) && clock.now().isBefore(deadline)) {
            clock.sleep(policy.pollInterval());
            listed = api.listDispatch(room);
        }
        if (!listed.isOk() || !runsAgent(listed.value(), identity)) {
            log.add("ListDispatch " + (listed.isOk() ? "did not list the agent's job within " + seconds(policy.listingWindow())
                    : listed.describe()) + ": extra dispatches left in place");
            return;
        }
        for (AgentDispatch dispatch : listed.value()) {
            if (dispatch.getAgentName().equals(agentName) && !runsAgent(List.of(dispatch), identity)) {
                log.add("DeleteDispatch " + dispatch.getId() + " " + api.deleteDispatch(room, dispatch.getId()).describe());
            }
        }
    }

    private static boolean runsAgent(List<AgentDispatch> dispatches, String identity) {
        return dispatches.stream().flatMap(d -> d.getState().getJobsList().stream())
                .anyMatch(job -> job.getState().getParticipantIdentity().equals(identity));
    }

    private ApiResult<?> withRetries(String call, Supplier<ApiResult<?>> attempt, StepLog log) throws InterruptedException {
        Duration backoff = policy.firstBackoff();
        ApiResult<?> result = attempt.get();
        log.add(call + " " + result.describe());
        for (int tries = 1; !result.isOk() && result.isRetryable() && tries < policy.maxCallAttempts(); tries++) {
            clock.sleep(backoff);
            backoff = backoff.multipliedBy(2).compareTo(policy.maxBackoff()) > 0 ? policy.maxBackoff() : backoff.multipliedBy(2);
            result = attempt.get();
            log.add(call + " retry " + tries + " " + result.describe());
        }
        return result;
    }

    /** What ListDispatch claims, for the failure message: an app that trusted it would have said "running". */
    private String claims(String room, String agentName) {
        ApiResult<List<AgentDispatch>> listed = api.listDispatch(room);
        if (!listed.isOk()) {
            return "ListDispatch " + listed.describe();
        }
        List<AgentDispatch> ours = listed.value().stream().filter(d -> d.getAgentName().equals(agentName)).toList();
        return "ListDispatch lists " + ours.size() + " dispatch(es) for it with jobs " + ours.stream()
                .flatMap(d -> d.getState().getJobsList().stream()).map(j -> j.getState().getStatus().name())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String seconds(Duration duration) {
        return String.format("%.3f s", duration.toMillis() / 1000.0);
    }
}
