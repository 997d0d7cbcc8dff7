package dev.dispatchsim.internal.webhook;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.dispatchsim.internal.fault.WebhookEventNames;
import dev.dispatchsim.internal.service.ProtoModels;
import dev.dispatchsim.model.Participant;
import dev.dispatchsim.model.Room;
import dev.dispatchsim.model.Track;
import dev.dispatchsim.proto.DisconnectReason;
import dev.dispatchsim.proto.ParticipantInfo;
import dev.dispatchsim.proto.WebhookEvent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * The {@code WebhookEvent} for one thing that happened, and its bytes on the wire: proto3 JSON with the
 * default options (lowerCamelCase names, defaults left out, enums by name, 64-bit integers as strings),
 * as livekit-server writes it. The signature covers exactly these bytes, so they are made once per event.
 */
final class WebhookBodies {

    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

    private WebhookBodies() {
    }

    static WebhookEvent roomEvent(String event, String id, Instant createdAt, Room room) {
        return base(event, id, createdAt, room).build();
    }

    /** participant_joined: the participant as it is now (ACTIVE). */
    static WebhookEvent joined(String id, Instant createdAt, Room room, Participant participant) {
        return base(WebhookEventNames.PARTICIPANT_JOINED, id, createdAt, room)
                .setParticipant(ProtoModels.participant(participant)).build();
    }

    /** participant_left: the participant DISCONNECTED, with the reason when it is a DisconnectReason name. */
    static WebhookEvent left(String id, Instant createdAt, Room room, Participant participant, String reason) {
        ParticipantInfo.Builder info = ProtoModels.participant(participant).toBuilder()
                .setState(ParticipantInfo.State.DISCONNECTED);
        Arrays.stream(DisconnectReason.values()).filter(r -> r != DisconnectReason.UNRECOGNIZED && r.name().equals(reason))
                .findFirst().ifPresent(info::setDisconnectReason);
        return base(WebhookEventNames.PARTICIPANT_LEFT, id, createdAt, room).setParticipant(info).build();
    }

    /** track_published / track_unpublished: the participant only by sid and identity, as the real server sends it. */
    static WebhookEvent trackEvent(String event, String id, Instant createdAt, Room room, Participant participant,
                                   Track track) {
        return base(event, id, createdAt, room)
                .setParticipant(ParticipantInfo.newBuilder().setSid(participant.sid()).setIdentity(participant.identity()))
                .setTrack(ProtoModels.track(track)).build();
    }

    static byte[] encode(WebhookEvent event) {
        try {
            return PRINTER.print(event).getBytes(StandardCharsets.UTF_8);
        } catch (InvalidProtocolBufferException impossible) {
            throw new IllegalStateException("cannot print a WebhookEvent", impossible);
        }
    }

    private static WebhookEvent.Builder base(String event, String id, Instant createdAt, Room room) {
        return WebhookEvent.newBuilder().setEvent(event).setId(id).setCreatedAt(createdAt.getEpochSecond())
                .setRoom(ProtoModels.room(room));
    }
}
