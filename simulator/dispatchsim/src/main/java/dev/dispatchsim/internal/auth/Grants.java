package dev.dispatchsim.internal.auth;

import java.util.Objects;

/**
 * The grant checks livekit-server makes per RPC (fact sheet §6.3), as pure functions.
 *
 * <p>{@code claims == null} means the request carried no token: the middleware let it through and
 * every check here denies it, which is how the real server answers a token-less call.
 */
public final class Grants {

    private Grants() {
    }

    /** CreateRoom, DeleteRoom. */
    public static void requireRoomCreate(Claims claims) {
        if (claims == null || !claims.video().roomCreate()) {
            throw denied(claims, "video.roomCreate");
        }
    }

    /** ListRooms. */
    public static void requireRoomList(Claims claims) {
        if (claims == null || !claims.video().roomList()) {
            throw denied(claims, "video.roomList");
        }
    }

    /**
     * Every per-room RoomService RPC and all three AgentDispatchService RPCs: roomAdmin, and the
     * token's room must equal the request's room exactly (so "" matches "" as on the real server).
     */
    public static void requireRoomAdmin(Claims claims, String room) {
        String requested = room == null ? "" : room;
        if (claims == null || !claims.video().roomAdmin()
                || !Objects.equals(claims.video().room(), requested)) {
            throw denied(claims, "video.roomAdmin for room '" + requested + "'");
        }
    }

    /**
     * The {@code /agent} worker WebSocket. Note the real server answers this refusal differently
     * from Twirp: HTTP 401 with the plain-text body "no permissions to access the room".
     */
    public static void requireAgent(Claims claims) {
        if (claims == null || !claims.video().agent()) {
            throw denied(claims, "video.agent");
        }
    }

    private static PermissionDenied denied(Claims claims, String grant) {
        return new PermissionDenied(claims == null ? grant + " (the request has no token)" : grant);
    }
}
