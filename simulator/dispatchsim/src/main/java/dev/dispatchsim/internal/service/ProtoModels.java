package dev.dispatchsim.internal.service;

import dev.dispatchsim.model.Dispatch;
import dev.dispatchsim.model.JobState;
import dev.dispatchsim.model.Participant;
import dev.dispatchsim.model.Permissions;
import dev.dispatchsim.model.Room;
import dev.dispatchsim.model.Track;
import dev.dispatchsim.proto.AgentDispatch;
import dev.dispatchsim.proto.AgentDispatchState;
import dev.dispatchsim.proto.Codec;
import dev.dispatchsim.proto.Job;
import dev.dispatchsim.proto.JobStatus;
import dev.dispatchsim.proto.JobType;
import dev.dispatchsim.proto.ParticipantInfo;
import dev.dispatchsim.proto.ParticipantPermission;
import dev.dispatchsim.proto.TrackInfo;
import dev.dispatchsim.proto.TrackSource;
import dev.dispatchsim.proto.TrackType;

import java.time.Instant;
import java.util.List;

/**
 * Model → protobuf, with LiveKit's units: Room and participant times in seconds (plus a _ms twin),
 * dispatch and job times in nanoseconds.
 */
public final class ProtoModels {

    /** The real server's default enabled codecs (config). */
    private static final List<String> CODECS = List.of("audio/PCMU", "audio/PCMA", "audio/opus", "audio/red",
            "video/VP8", "video/H264", "video/VP9", "video/AV1", "video/H265", "video/rtx");

    private ProtoModels() {
    }

    public static dev.dispatchsim.proto.Room room(Room room) {
        dev.dispatchsim.proto.Room.Builder builder = dev.dispatchsim.proto.Room.newBuilder()
                .setSid(room.sid())
                .setName(room.name())
                .setEmptyTimeout(room.emptyTimeout())
                .setDepartureTimeout(room.departureTimeout())
                .setMaxParticipants(room.maxParticipants())
                .setCreationTime(room.creationTime().getEpochSecond())
                .setCreationTimeMs(room.creationTime().toEpochMilli())
                .setTurnPassword(room.turnPassword())
                .setMetadata(room.metadata())
                .setNumParticipants(room.numParticipants())
                .setNumPublishers(room.numPublishers());
        CODECS.forEach(mime -> builder.addEnabledCodecs(Codec.newBuilder().setMime(mime)));
        return builder.build();
    }

    public static ParticipantInfo participant(Participant participant) {
        ParticipantInfo.Builder builder = ParticipantInfo.newBuilder()
                .setSid(participant.sid())
                .setIdentity(participant.identity())
                .setState(ParticipantInfo.State.valueOf(participant.state().name()))
                .setMetadata(participant.metadata())
                .setJoinedAt(participant.joinedAt().getEpochSecond())
                .setJoinedAtMs(participant.joinedAt().toEpochMilli())
                .setName(participant.name())
                .setVersion(participant.version())
                .setIsPublisher(participant.isPublisher())
                .setKind(ParticipantInfo.Kind.valueOf(participant.kind().name()))
                .putAllAttributes(participant.attributes());
        if (participant.permission() != null) {
            builder.setPermission(permission(participant.permission()));
        }
        participant.tracks().forEach(track -> builder.addTracks(track(track)));
        return builder.build();
    }

    public static ParticipantPermission permission(Permissions permissions) {
        return ParticipantPermission.newBuilder()
                .setCanSubscribe(permissions.canSubscribe())
                .setCanPublish(permissions.canPublish())
                .setCanPublishData(permissions.canPublishData())
                .setCanUpdateMetadata(permissions.canUpdateMetadata())
                .setHidden(permissions.hidden())
                .setCanSubscribeMetrics(permissions.canSubscribeMetrics())
                .setAgent(permissions.agent())
                .build();
    }

    public static Permissions permissions(ParticipantPermission permission) {
        return new Permissions(permission.getCanSubscribe(), permission.getCanPublish(), permission.getCanPublishData(),
                permission.getCanUpdateMetadata(), permission.getHidden(), permission.getCanSubscribeMetrics(),
                permission.getAgent());
    }

    public static TrackInfo track(Track track) {
        return TrackInfo.newBuilder()
                .setSid(track.sid())
                .setName(track.name())
                .setType(TrackType.valueOf(track.type()))
                .setSource(TrackSource.valueOf(track.source()))
                .setMuted(track.muted())
                .build();
    }

    public static AgentDispatch dispatch(Dispatch dispatch) {
        AgentDispatchState.Builder state = AgentDispatchState.newBuilder().setCreatedAt(nanos(dispatch.createdAt()));
        dispatch.jobs().forEach(job -> state.addJobs(job(job)));
        return AgentDispatch.newBuilder()
                .setId(dispatch.id())
                .setAgentName(dispatch.agentName())
                .setRoom(dispatch.room())
                .setMetadata(dispatch.metadata())
                .setDeployment(dispatch.deployment())
                .putAllAttributes(dispatch.attributes())
                .setState(state)
                .build();
    }

    public static Job job(dev.dispatchsim.model.Job job) {
        Job.Builder builder = Job.newBuilder()
                .setId(job.id())
                .setDispatchId(job.dispatchId())
                .setType(JobType.valueOf(job.type().name()))
                .setRoom(room(job.room()))
                .setAgentName(job.agentName())
                .setMetadata(job.metadata())
                .setDeployment(job.deployment())
                .putAllAttributes(job.attributes())
                .setState(jobState(job.state()));
        if (job.participant() != null) {
            builder.setParticipant(participant(job.participant()));
        }
        return builder.build();
    }

    public static dev.dispatchsim.proto.JobState jobState(JobState state) {
        return dev.dispatchsim.proto.JobState.newBuilder()
                .setStatus(JobStatus.valueOf(state.status().name()))
                .setError(state.error())
                .setStartedAt(nanos(state.startedAt()))
                .setEndedAt(nanos(state.endedAt()))
                .setUpdatedAt(nanos(state.updatedAt()))
                .setParticipantIdentity(state.participantIdentity())
                .setWorkerId(state.workerId())
                .build();
    }

    /** Unix nanoseconds, 0 for "not set". */
    public static long nanos(Instant instant) {
        return instant == null ? 0 : instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
