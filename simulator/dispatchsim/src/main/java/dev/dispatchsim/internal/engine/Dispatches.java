package dev.dispatchsim.internal.engine;

import dev.dispatchsim.internal.clock.SeededRandoms;
import dev.dispatchsim.internal.model.ApiException;
import dev.dispatchsim.journal.JournalEvent.DispatchCreated;
import dev.dispatchsim.journal.JournalEvent.DispatchDeleted;
import dev.dispatchsim.model.AgentRequest;
import dev.dispatchsim.model.Dispatch;
import dev.dispatchsim.model.DispatchSource;
import dev.dispatchsim.model.ErrorCode;
import dev.dispatchsim.model.Job;
import dev.dispatchsim.model.JobState;
import dev.dispatchsim.model.JobStatus;
import dev.dispatchsim.model.JobType;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Agent dispatches: created from CreateRoom, CreateDispatch, a token or automatically; listed; deleted. */
final class Dispatches {

    private static final int MAX_DEPLOYMENT_BYTES = 64;

    private final SimState state;
    private final JobOffers offers;
    private final JobListing listing;
    private final Faults faults;

    Dispatches(SimState state, JobOffers offers, JobListing listing, Faults faults) {
        this.state = state;
        this.offers = offers;
        this.listing = listing;
        this.faults = faults;
    }

    /** Adds a dispatch to a live room and launches its jobs: JT_ROOM now, and one per current participant/publisher. */
    DispatchRecord create(RoomRecord room, AgentRequest request, DispatchSource source) {
        validateDeployment(request.deployment());
        DispatchRecord dispatch = new DispatchRecord(state.ids.next("AD_"), room.name, request, source, state.now());
        room.dispatches.put(dispatch.id, dispatch);
        state.journal(new DispatchCreated(room.name, dispatch.id, request.agentName(), source));
        faults.dispatchCreated(dispatch, () -> launchAll(dispatch));
        return dispatch;
    }

    private void launchAll(DispatchRecord dispatch) {
        RoomRecord room = state.rooms.get(dispatch.room);
        if (room == null || room.dispatches.get(dispatch.id) != dispatch) {
            return; // the room closed or the dispatch was deleted while a fault delayed the launch
        }
        dispatch.launched = true;
        offers.launch(room, dispatch, JobType.JT_ROOM, null);
        for (ParticipantRecord participant : List.copyOf(room.participants.values())) {
            if (participant.kind.isDependent()) {
                continue;
            }
            offers.launch(room, dispatch, JobType.JT_PARTICIPANT, participant.snapshot());
            if (!participant.tracks.isEmpty()) {
                offers.launch(room, dispatch, JobType.JT_PUBLISHER, participant.snapshot());
            }
        }
    }

    List<Dispatch> list(String roomName, String dispatchId) {
        RoomRecord room = liveRoom(roomName);
        List<Dispatch> result = new ArrayList<>();
        for (DispatchRecord dispatch : room.dispatches.values()) {
            if (dispatchId == null || dispatchId.isEmpty() || dispatch.id.equals(dispatchId)) {
                result.add(snapshot(dispatch));
            }
        }
        return result;
    }

    /**
     * Removes the dispatch at once; each job gets JobTermination (JS_SUCCESS) once its launch is over
     * (at once, or when a listing lag ends), and its agent then leaves the room.
     */
    Dispatch delete(String roomName, String dispatchId) {
        RoomRecord room = liveRoom(roomName);
        DispatchRecord dispatch = room.dispatches.remove(dispatchId);
        if (dispatch == null) {
            throw ApiException.internalRpc(ErrorCode.NOT_FOUND, "dispatch ID not found");
        }
        Dispatch removed = snapshot(dispatch);
        state.journal(new DispatchDeleted(room.name, dispatch.id));
        dispatch.jobs.forEach(listing::dispatchDeleted);
        return removed;
    }

    /** What the API reports: each job as the {@code job_status_report} rules say. */
    Dispatch snapshot(DispatchRecord dispatch) {
        if (!dispatch.launched) {
            return withJobs(dispatch, held(dispatch, false));
        }
        return withJobs(dispatch, dispatch.jobs.stream().map(faults::reported).filter(Objects::nonNull).toList());
    }

    /** The CreateDispatch answer: jobs are launched asynchronously on the real server, so the list is empty. */
    Dispatch created(DispatchRecord dispatch) {
        return withJobs(dispatch, List.of());
    }

    /**
     * For observers (state views, assertions): what ListDispatch would report now, the rules peeked at
     * without counting: looking must not change which faults fire later.
     */
    Dispatch peek(DispatchRecord dispatch) {
        if (!dispatch.launched) {
            return withJobs(dispatch, held(dispatch, true));
        }
        return withJobs(dispatch, dispatch.jobs.stream().map(faults::wouldReport).filter(Objects::nonNull).toList());
    }

    /**
     * A dispatch whose launch a fault holds back (or dropped) has no job: only a {@code report} rule with
     * {@code visible: true} can list one, a placeholder whose id is derived from the dispatch's, so every
     * listing shows the same job (and looking does not draw from the id generator).
     */
    private List<Job> held(DispatchRecord dispatch, boolean peek) {
        RoomRecord room = state.rooms.get(dispatch.room);
        Job placeholder = new Job(new Ids(SeededRandoms.mix(state.config.seed(), "report:" + dispatch.id)).next("AJ_"),
                dispatch.id, JobType.JT_ROOM, room.snapshot(), null, dispatch.request.agentName(),
                dispatch.request.metadata(), dispatch.request.deployment(), dispatch.request.attributes(),
                new JobState(JobStatus.JS_PENDING, "", dispatch.createdAt, null, dispatch.createdAt, "", ""));
        Job reported = faults.reportedWithoutJob(dispatch, placeholder, peek);
        return reported == null ? List.of() : List.of(reported);
    }

    private static Dispatch withJobs(DispatchRecord dispatch, List<Job> jobs) {
        return new Dispatch(dispatch.id, dispatch.request.agentName(), dispatch.room, dispatch.request.metadata(),
                dispatch.request.deployment(), dispatch.request.attributes(), dispatch.source, dispatch.createdAt, jobs);
    }

    /** The real server answers dispatch calls for a room with no live handler with 503 after its retries. */
    private RoomRecord liveRoom(String roomName) {
        RoomRecord room = state.rooms.get(roomName);
        if (room == null) {
            throw NoResponse.roomNotLive(roomName);
        }
        return room;
    }

    static void validateDeployment(String deployment) {
        if (deployment.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_DEPLOYMENT_BYTES) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT, "deployment too long: at most 64 bytes");
        }
        for (int i = 0; i < deployment.length(); i++) {
            char c = deployment.charAt(i);
            if (c == '_' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new ApiException(ErrorCode.INVALID_ARGUMENT,
                        "invalid deployment '" + deployment + "': no '_', whitespace or control characters");
            }
        }
    }
}
