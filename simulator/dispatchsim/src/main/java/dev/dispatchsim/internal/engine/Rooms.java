package dev.dispatchsim.internal.engine;

import dev.dispatchsim.internal.model.ApiException;
import dev.dispatchsim.journal.JournalEvent.RoomClosed;
import dev.dispatchsim.journal.JournalEvent.RoomCreated;
import dev.dispatchsim.model.AgentRequest;
import dev.dispatchsim.model.DispatchSource;
import dev.dispatchsim.model.ErrorCode;
import dev.dispatchsim.model.Room;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Room lifecycle: creation (with its dispatches), closing (DeleteRoom, empty_timeout,
 * departure_timeout) and the timers that close rooms on the simulated clock. Agents do not keep
 * a room alive: only non-agent participants count, as on the real server.
 */
final class Rooms {

    static final int MAX_NAME_LENGTH = 256;
    static final int MAX_METADATA_BYTES = 512 * 1024;
    static final int DEFAULT_EMPTY_TIMEOUT = 300;
    static final int DEFAULT_DEPARTURE_TIMEOUT = 20;

    private final SimState state;
    private final Dispatches dispatches;
    private final EngineEvents events;
    private final WorldListener world;

    Rooms(SimState state, Dispatches dispatches, EngineEvents events, WorldListener world) {
        this.state = state;
        this.dispatches = dispatches;
        this.events = events;
        this.world = world;
    }

    /** CreateRoom: a live room is returned unchanged (no new dispatches); otherwise it is created now. */
    Room create(RoomSpec spec, DispatchSource agentSource, String cause) {
        validate(spec);
        RoomRecord existing = state.rooms.get(spec.name());
        if (existing != null) {
            return existing.snapshot();
        }
        return open(spec, agentSource, cause).snapshot();
    }

    RoomRecord getOrCreate(String name, String cause) {
        RoomRecord existing = state.rooms.get(name);
        return existing != null ? existing : open(validate(RoomSpec.named(name)), DispatchSource.CREATE_ROOM, cause);
    }

    private RoomRecord open(RoomSpec spec, DispatchSource agentSource, String cause) {
        RoomRecord room = new RoomRecord(state.ids.next("RM_"), spec.name(), state.now(), state.ids.next(""),
                spec.emptyTimeout() > 0 ? spec.emptyTimeout() : DEFAULT_EMPTY_TIMEOUT,
                spec.departureTimeout() > 0 ? spec.departureTimeout() : DEFAULT_DEPARTURE_TIMEOUT,
                spec.maxParticipants(), spec.metadata());
        state.rooms.put(room.name, room);
        state.journal(new RoomCreated(room.name, room.sid, cause));
        world.roomStarted(room.snapshot());
        room.closeTimer = state.schedule(Duration.ofSeconds(room.emptyTimeout), () -> closeIfStillEmpty(room));
        if (spec.agents().isEmpty()) {
            // A room without agents gets the implicit empty-name dispatch (automatic dispatch).
            dispatches.create(room, AgentRequest.named(""), DispatchSource.AUTOMATIC);
        } else {
            for (AgentRequest agent : spec.agents()) {
                dispatches.create(room, agent, agentSource);
            }
        }
        return room;
    }

    List<Room> list(List<String> names) {
        return state.rooms.values().stream()
                .filter(r -> names == null || names.isEmpty() || names.contains(r.name))
                .map(RoomRecord::snapshot)
                .toList();
    }

    void delete(String name) {
        RoomRecord room = state.rooms.get(name);
        if (room == null) {
            throw ApiException.roomNotFound();
        }
        close(room, "deleted");
    }

    RoomRecord require(String name) {
        RoomRecord room = state.rooms.get(name);
        if (room == null) {
            throw ApiException.roomNotFound();
        }
        return room;
    }

    Room updateMetadata(String name, String metadata) {
        RoomRecord room = require(name);
        checkMetadata(metadata);
        room.metadata = metadata == null ? "" : metadata;
        return room.snapshot();
    }

    /**
     * Closes a room: every participant leaves, then the room is gone. Its jobs are not terminated: measured on
     * livekit-server, DeleteRoom sends the worker no JobTermination, and a timeout close has none either.
     */
    void close(RoomRecord room, String reason) {
        SimState.cancel(room.closeTimer);
        events.roomClosing(room, reason);
        state.rooms.remove(room.name);
        state.journal(new RoomClosed(room.name, room.sid, reason));
        world.roomFinished(room.snapshot());
        // Its dispatches go with it; their jobs too, unless one is still in flight or a worker still runs it.
        for (DispatchRecord dispatch : room.dispatches.values()) {
            dispatch.jobs.forEach(state::retireIfDone);
        }
    }

    /** A non-agent participant joined: no close while someone is here. */
    void onHumanJoined(RoomRecord room) {
        room.hadHumanParticipant = true;
        SimState.cancel(room.closeTimer);
        room.closeTimer = null;
    }

    /** The last non-agent participant left: close after departure_timeout unless someone comes back. */
    void onHumanLeft(RoomRecord room) {
        if (room.humanCount() == 0 && state.rooms.get(room.name) == room) {
            SimState.cancel(room.closeTimer);
            room.closeTimer = state.schedule(Duration.ofSeconds(room.departureTimeout), () -> {
                if (room.humanCount() == 0 && state.rooms.get(room.name) == room) {
                    close(room, "departure_timeout");
                }
            });
        }
    }

    private void closeIfStillEmpty(RoomRecord room) {
        if (!room.hadHumanParticipant && state.rooms.get(room.name) == room) {
            close(room, "empty_timeout");
        }
    }

    /** An empty name is a name: measured on livekit-server, CreateRoom without one creates room "". */
    private static RoomSpec validate(RoomSpec spec) {
        if (spec.name().length() > MAX_NAME_LENGTH) {
            throw ApiException.internalRpc(ErrorCode.INVALID_ARGUMENT,
                    "room name length exceeds limits: max length " + MAX_NAME_LENGTH);
        }
        checkMetadata(spec.metadata());
        for (AgentRequest agent : spec.agents()) {
            checkMetadata(agent.metadata());
            Dispatches.validateDeployment(agent.deployment());
        }
        return spec;
    }

    static void checkMetadata(String metadata) {
        if (metadata != null && metadata.getBytes(StandardCharsets.UTF_8).length > MAX_METADATA_BYTES) {
            throw ApiException.limit("metadata size exceeds limits", MAX_METADATA_BYTES);
        }
    }
}
