package dev.dispatchsim.internal.engine;

import dev.dispatchsim.model.Participant;
import dev.dispatchsim.model.Room;
import dev.dispatchsim.model.Track;

/**
 * Told what happens in the simulated world at the moments livekit-server reports it to the outside
 * (its webhooks): a room opens or closes, a participant becomes active or leaves, a track is published
 * or unpublished. Called on the engine thread, right after the engine's own journal entry, with
 * immutable snapshots taken at that moment ({@code room} counts the participant who just joined, and no
 * longer the one who just left). An implementation must not block: I/O goes elsewhere and comes back
 * through {@link ListenerContext#post}.
 */
public interface WorldListener {

    /** Nobody listens: the engine without webhooks. */
    WorldListener NONE = new WorldListener() {
    };

    default void roomStarted(Room room) {
    }

    default void roomFinished(Room room) {
    }

    default void participantJoined(Room room, Participant participant) {
    }

    /** {@code reason}: a DisconnectReason name (CLIENT_INITIATED, ROOM_DELETED, DUPLICATE_IDENTITY, ...). */
    default void participantLeft(Room room, Participant participant, String reason) {
    }

    default void trackPublished(Room room, Participant participant, Track track) {
    }

    default void trackUnpublished(Room room, Participant participant, Track track) {
    }

    /** The simulator was reset: whatever was queued belongs to the world before it and is forgotten. */
    default void reset() {
    }

    /** Builds the listener while the engine is being built, from the parts of the engine it may use. */
    interface Factory {

        WorldListener create(ListenerContext engine);
    }
}
