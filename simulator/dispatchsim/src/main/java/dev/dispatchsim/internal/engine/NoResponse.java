package dev.dispatchsim.internal.engine;

/**
 * Nothing on the server handles what the call is addressed to (a room that is not live, a participant that
 * is not in the room): livekit-server's internal RPC layer finds no one to claim the request, retries, and
 * answers 503 "no response from servers" only when it gives up. Parts throw this; the {@link Engine} turns
 * it into that answer, {@code notLiveDelay} of simulated time later.
 */
final class NoResponse extends RuntimeException {

    NoResponse(String reason) {
        super(reason, null, false, false);
    }

    static NoResponse roomNotLive(String room) {
        return new NoResponse("room '" + room + "' is not live");
    }
}
