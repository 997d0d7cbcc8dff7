package dev.dispatchsim.admin;

import java.time.Duration;
import java.util.List;

/**
 * An access token to mint for a client such as curl ({@code POST /_sim/token}, or the CLI's {@code token}):
 * the {@code video} grants by LiveKit's names (e.g. {@code roomCreate}, {@code roomList}, {@code roomJoin}),
 * for {@code room} (may be empty), as {@code identity} (may be empty), valid for {@code ttl} (6 h when null).
 */
public record TokenRequest(String room, List<String> grants, String identity, Duration ttl) {

    public TokenRequest {
        room = room == null ? "" : room;
        grants = grants == null ? List.of() : List.copyOf(grants);
        identity = identity == null ? "" : identity;
    }

    public static TokenRequest of(String room, String... grants) {
        return new TokenRequest(room, List.of(grants), "", null);
    }
}
