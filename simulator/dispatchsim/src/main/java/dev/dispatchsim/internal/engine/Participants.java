package dev.dispatchsim.internal.engine;

import dev.dispatchsim.internal.model.ApiException;
import dev.dispatchsim.internal.model.AvailabilityAnswer;
import dev.dispatchsim.journal.JournalEvent.ActionDropped;
import dev.dispatchsim.journal.JournalEvent.DataSent;
import dev.dispatchsim.journal.JournalEvent.ParticipantJoined;
import dev.dispatchsim.journal.JournalEvent.ParticipantLeft;
import dev.dispatchsim.journal.JournalEvent.TrackPublished;
import dev.dispatchsim.model.DispatchSource;
import dev.dispatchsim.model.ErrorCode;
import dev.dispatchsim.model.JobStatus;
import dev.dispatchsim.model.JobType;
import dev.dispatchsim.model.Participant;
import dev.dispatchsim.model.ParticipantKind;
import dev.dispatchsim.model.Permissions;
import dev.dispatchsim.model.SimulatorState.Phase;
import dev.dispatchsim.model.Track;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Participants: simulated humans (test kit, admin API) and simulated agents, plus the RoomService calls
 * about them. A human's join launches JT_PARTICIPANT jobs, their first track JT_PUBLISHER jobs; agents
 * never launch jobs. An agent is in its room only while its job runs, as measured on livekit-server with
 * a real agent: it joins {@code agentJoinDelay} after the JobAssignment (the agent process connecting),
 * leaves {@code agentLeaveDelay} after the job ends, and never shows when the job ends first.
 */
final class Participants {

    private final SimState state;
    private final Rooms rooms;
    private final JobOffers offers;
    private final JobEnds ends;
    private final Faults faults;

    Participants(SimState state, Rooms rooms, JobOffers offers, JobEnds ends, Faults faults) {
        this.state = state;
        this.rooms = rooms;
        this.offers = offers;
        this.ends = ends;
        this.faults = faults;
    }

    /** A simulated participant joins; if this join creates the room, the token's roomConfig applies. */
    Participant join(ParticipantSpec spec) {
        RoomRecord room = state.rooms.get(spec.room());
        if (room == null) {
            RoomSpec config = spec.tokenRoomConfig() == null ? RoomSpec.named(spec.room())
                    : new RoomSpec(spec.room(), spec.tokenRoomConfig().emptyTimeout(),
                    spec.tokenRoomConfig().departureTimeout(), spec.tokenRoomConfig().maxParticipants(),
                    spec.tokenRoomConfig().metadata(), spec.tokenRoomConfig().agents());
            rooms.create(config, DispatchSource.TOKEN, "join");
            room = state.rooms.get(spec.room());
        }
        if (room.participants.containsKey(spec.identity())) {
            // The real server replaces the old connection (DUPLICATE_IDENTITY).
            remove(room, room.participants.get(spec.identity()), "DUPLICATE_IDENTITY", false);
        }
        ParticipantRecord participant = new ParticipantRecord(state.ids.next("PA_"), spec.identity(), spec.name(),
                spec.kind(), spec.metadata(), spec.attributes(), Permissions.standard(), state.now());
        if (spec.kind() == ParticipantKind.AGENT) {
            // A test making a running job's agent join by hand: it is that job's agent (its leaving ends the job).
            participant.jobId = runningJobOf(room, spec.identity());
        }
        add(room, participant);
        if (!spec.kind().isDependent()) {
            rooms.onHumanJoined(room);
            for (DispatchRecord dispatch : List.copyOf(room.dispatches.values())) {
                offers.launch(room, dispatch, JobType.JT_PARTICIPANT, participant.snapshot());
            }
        }
        return participant.snapshot();
    }

    Track publish(String roomName, String identity, String trackName, String type, String source) {
        RoomRecord room = rooms.require(roomName);
        ParticipantRecord participant = require(room, identity);
        boolean first = participant.tracks.isEmpty();
        Track track = new Track(state.ids.next("TR_"), trackName, type, source, false);
        participant.tracks.add(track);
        participant.version++;
        state.journal(new TrackPublished(room.name, identity, track.sid()));
        if (first && !participant.kind.isDependent()) {
            for (DispatchRecord dispatch : List.copyOf(room.dispatches.values())) {
                offers.launch(room, dispatch, JobType.JT_PUBLISHER, participant.snapshot());
            }
        }
        return track;
    }

    /**
     * A JobAssignment went out: the agent joins its room {@code agentJoinDelay} later, if its job still runs
     * then (and unless an {@code agent_join} fault holds it back). A duplicated assignment joins it once.
     */
    void agentAssigned(JobRecord job, WorkerRecord worker, AvailabilityAnswer answer, String identity) {
        Duration delay = state.config.agentJoinDelay();
        if (delay.isZero()) {
            askToJoin(job, worker, answer, identity);
        } else if (job.agentJoinTimer == null) {
            job.agentJoinTimer = state.schedule(delay, () -> {
                job.agentJoinTimer = null;
                askToJoin(job, worker, answer, identity);
            });
        }
    }

    private void askToJoin(JobRecord job, WorkerRecord worker, AvailabilityAnswer answer, String identity) {
        if (!mayJoin(job, worker, identity)) {
            return;
        }
        faults.agentJoin(job, () -> {
            if (mayJoin(job, worker, identity)) { // a delayed or duplicated join checks again
                joinAgent(job, worker, answer, identity);
            }
        });
    }

    /** Whether the agent may join now; if not, the journal says why (its job ended, its room closed, it is in). */
    private boolean mayJoin(JobRecord job, WorkerRecord worker, String identity) {
        String reason = null;
        RoomRecord room = roomOf(job);
        if (job.phase != Phase.ASSIGNED || worker.closed || !worker.runningJobs.contains(job.id())) {
            reason = "job no longer running";
        } else if (room == null) {
            reason = "room no longer live";
        } else if (room.participants.containsKey(identity) && room.participants.get(identity).jobId.equals(job.id())) {
            reason = "agent already in the room";
        }
        if (reason != null) {
            state.journal(new ActionDropped("agent_join", job.id(), worker.id, reason));
        }
        return reason == null;
    }

    private void joinAgent(JobRecord job, WorkerRecord worker, AvailabilityAnswer answer, String identity) {
        RoomRecord room = roomOf(job);
        Map<String, String> attributes = new LinkedHashMap<>(answer.participantAttributes());
        attributes.put("lk.agent_name", worker.registration.agentName());
        ParticipantRecord agent = new ParticipantRecord(state.ids.next("PA_"), identity,
                answer.participantName(), ParticipantKind.AGENT, answer.participantMetadata(), attributes,
                worker.registration.permissions() == null ? Permissions.workerDefault()
                        : worker.registration.permissions(), state.now());
        agent.jobId = job.id();
        if (room.participants.containsKey(identity)) {
            remove(room, room.participants.get(identity), "DUPLICATE_IDENTITY", false);
        }
        add(room, agent);
    }

    /** A job ended: its agent, if in the room, leaves {@code agentLeaveDelay} later (the agent process disconnecting). */
    void jobEnded(JobRecord job) {
        RoomRecord room = roomOf(job);
        ParticipantRecord agent = room == null ? null : room.participants.get(job.participantIdentity);
        if (agent == null || !agent.jobId.equals(job.id())) {
            return; // not in the room: a join still pending finds the job ended and does not happen
        }
        Duration delay = state.config.agentLeaveDelay();
        if (delay.isZero()) {
            agentLeaves(job);
        } else if (job.agentLeaveTimer == null) {
            job.agentLeaveTimer = state.schedule(delay, () -> {
                job.agentLeaveTimer = null;
                agentLeaves(job);
            });
        }
    }

    private void agentLeaves(JobRecord job) {
        RoomRecord room = roomOf(job);
        ParticipantRecord agent = room == null ? null : room.participants.get(job.participantIdentity);
        if (agent != null && agent.jobId.equals(job.id())) {
            remove(room, agent, "CLIENT_INITIATED", false); // its job is over: nothing left to terminate
        }
    }

    /**
     * Everyone leaves a closing room. Their jobs are not terminated: measured on livekit-server, the worker
     * gets no JobTermination when the room is deleted (or closes by its timeouts), whether the agent joined or not.
     */
    void roomClosing(RoomRecord room, String reason) {
        String disconnect = reason.equals("deleted") ? "ROOM_DELETED" : "ROOM_CLOSED";
        for (ParticipantRecord participant : List.copyOf(room.participants.values())) {
            room.participants.remove(participant.identity);
            state.journal(new ParticipantLeft(room.name, participant.identity, participant.kind, disconnect));
        }
    }

    List<Participant> list(String roomName) {
        RoomRecord room = state.rooms.get(roomName);
        return room == null ? List.of() : room.participants.values().stream().map(ParticipantRecord::snapshot).toList();
    }

    Participant get(String roomName, String identity) {
        return require(storedRoom(roomName), identity).snapshot();
    }

    void removeByApi(String roomName, String identity) {
        RoomRecord room = storedRoom(roomName);
        remove(room, require(room, identity), "PARTICIPANT_REMOVED", true);
    }

    void leave(String roomName, String identity) {
        RoomRecord room = rooms.require(roomName);
        remove(room, require(room, identity), "CLIENT_INITIATED", true);
    }

    Participant update(String roomName, String identity, String metadata, String name, Map<String, String> attributes,
                       Permissions permission) {
        RoomRecord room = storedRoom(roomName);
        ParticipantRecord participant = require(room, identity);
        Rooms.checkMetadata(metadata);
        if (metadata != null && !metadata.isEmpty()) {
            participant.metadata = metadata;
        }
        if (name != null && !name.isEmpty()) {
            participant.name = name;
        }
        if (attributes != null) {
            attributes.forEach((key, value) -> {
                if (value == null || value.isEmpty()) {
                    participant.attributes.remove(key);
                } else {
                    participant.attributes.put(key, value);
                }
            });
        }
        if (permission != null) {
            participant.permission = permission;
        }
        participant.version++;
        return participant.snapshot();
    }

    /** An unknown identity, like a room that is not live, has no server to answer it (measured: 503 after ~3 s). */
    Track mute(String roomName, String identity, String trackSid, boolean muted) {
        ParticipantRecord participant = answeringParticipant(roomName, identity);
        for (int i = 0; i < participant.tracks.size(); i++) {
            Track track = participant.tracks.get(i);
            if (track.sid().equals(trackSid)) {
                participant.tracks.set(i, track.withMuted(muted));
                return participant.tracks.get(i);
            }
        }
        throw ApiException.internalRpc(ErrorCode.NOT_FOUND, "track is not found");
    }

    /**
     * PerformRpc goes to the destination participant's own RPC topic, like MutePublishedTrack: a room that is
     * not live or a participant not in it has no server to answer. A simulated participant is there but has
     * no client to run the method, which the simulator says plainly rather than inventing a timeout.
     */
    void performRpc(String roomName, String destinationIdentity, String method) {
        answeringParticipant(roomName, destinationIdentity);
        throw new ApiException(ErrorCode.UNIMPLEMENTED, "PerformRpc: simulated participant '" + destinationIdentity
                + "' has no client to run method '" + method + "' (dispatchsim simulates no participant clients)");
    }

    private ParticipantRecord answeringParticipant(String roomName, String identity) {
        RoomRecord room = state.rooms.get(roomName);
        if (room == null) {
            throw NoResponse.roomNotLive(roomName);
        }
        ParticipantRecord participant = room.participants.get(identity);
        if (participant == null) {
            throw new NoResponse("participant '" + identity + "' is not in room '" + roomName + "'");
        }
        return participant;
    }

    void updateSubscriptions(String roomName, String identity, List<String> trackSids) {
        RoomRecord room = rooms.require(roomName);
        require(room, identity);
        for (String sid : trackSids) {
            boolean known = room.participants.values().stream().anyMatch(p -> p.tracks.stream().anyMatch(t -> t.sid().equals(sid)));
            if (!known) {
                throw ApiException.internalRpc(ErrorCode.NOT_FOUND, "track is not found");
            }
        }
    }

    void sendData(String roomName, int bytes, String topic, int nonceLength) {
        if (nonceLength != 0 && nonceLength != 16) {
            throw new ApiException(ErrorCode.INVALID_ARGUMENT,
                    "nonce should be 16-bytes or not present, got: " + nonceLength + " bytes");
        }
        if (!state.rooms.containsKey(roomName)) {
            throw NoResponse.roomNotLive(roomName); // SendData goes straight to the room's RPC topic
        }
        state.journal(new DataSent(roomName, bytes, topic == null ? "" : topic));
    }

    private void add(RoomRecord room, ParticipantRecord participant) {
        room.participants.put(participant.identity, participant);
        state.journal(new ParticipantJoined(room.name, participant.identity, participant.sid, participant.kind));
    }

    /** Removes a participant; an agent's removal ends its job with JobTermination (JS_FAILED, as the real server). */
    void remove(RoomRecord room, ParticipantRecord participant, String reason, boolean mayCloseRoom) {
        room.participants.remove(participant.identity);
        state.journal(new ParticipantLeft(room.name, participant.identity, participant.kind, reason));
        if (!participant.jobId.isEmpty()) {
            JobRecord job = state.jobs.get(participant.jobId);
            if (job != null) {
                ends.terminate(job, JobStatus.JS_FAILED, JobEnds.AGENT_LEFT, "agent participant left (" + reason + ")");
            }
        }
        if (!participant.kind.isDependent() && mayCloseRoom) {
            rooms.onHumanLeft(room);
        }
    }

    /** The live room a job was launched in (not one of the same name opened since), or null. */
    private RoomRecord roomOf(JobRecord job) {
        RoomRecord room = state.rooms.get(job.job.room().name());
        return room != null && room.sid.equals(job.job.room().sid()) ? room : null;
    }

    /** The job that runs with this agent identity in this room, or "" when there is none. */
    private String runningJobOf(RoomRecord room, String identity) {
        return room.dispatches.values().stream().flatMap(d -> d.jobs.stream())
                .filter(j -> j.phase == Phase.ASSIGNED && j.participantIdentity.equals(identity))
                .map(JobRecord::id).findFirst().orElse("");
    }

    /**
     * Get/Remove/UpdateParticipant look the participant up in the room store first, so an unknown
     * room reads as an unknown participant there, not as an unknown room.
     */
    private RoomRecord storedRoom(String roomName) {
        RoomRecord room = state.rooms.get(roomName);
        if (room == null) {
            throw ApiException.participantNotFound();
        }
        return room;
    }

    private static ParticipantRecord require(RoomRecord room, String identity) {
        ParticipantRecord participant = room.participants.get(identity);
        if (participant == null) {
            throw ApiException.participantNotFound();
        }
        return participant;
    }
}
