package dev.dispatchsim.internal.auth;

import java.time.Instant;

/**
 * Tokens real clients sent, as captured from their traffic (signed with devkey /
 * secretsecretsecretsecretsecret12). Each comes with an instant at which it was valid.
 */
final class CapturedTokens {

    /** livekit-server-sdk (Node) 2.19.2, CreateRoom: header {"alg":"HS256"}, nbf, 10 min exp. */
    static final String NODE_ROOM_CREATE = "eyJhbGciOiJIUzI1NiJ9"
            + ".eyJ2aWRlbyI6eyJyb29tQ3JlYXRlIjp0cnVlfSwiaXNzIjoiZGV2a2V5IiwiZXhwIjoxNzk1NjgxMzkzLCJuYmYiOjE3OTU2ODA3OTN9"
            + ".VaPhHKaC7b1QeB5uJHG_UTzdV0Um0dfF43Vwkj1Qy5M";
    /** Node SDK, CreateDispatch: video {roomAdmin, room: room-a}. */
    static final String NODE_ROOM_ADMIN = "eyJhbGciOiJIUzI1NiJ9"
            + ".eyJ2aWRlbyI6eyJyb29tQWRtaW4iOnRydWUsInJvb20iOiJyb29tLWEifSwiaXNzIjoiZGV2a2V5IiwiZXhwIjoxNzk1NjgxMzkzLCJuYmYiOjE3OTU2ODA3OTN9"
            + ".rhWEmCIl8o-kMm8yhrRnVaHOJ2rli-ZleKCSNWs0G58";
    static final Instant NODE_NBF = Instant.ofEpochSecond(1795680793L);
    static final Instant NODE_EXP = Instant.ofEpochSecond(1795681393L);

    /** io.livekit:livekit-server (Java/Kotlin) 0.13.0, CreateRoom: typ JWT, no nbf, "sip":{}. */
    static final String JAVA_ROOM_CREATE = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJpc3MiOiJkZXZrZXkiLCJleHAiOjE3OTU3MDIwNjAsInZpZGVvIjp7InJvb21DcmVhdGUiOnRydWV9LCJzaXAiOnt9fQ"
            + ".7YYQl5rriHgd8Mc3wEcFdHOYhj0ccnoCDfCbvKxCJuA";
    /** Java SDK, ListRooms: video {roomList}. */
    static final String JAVA_ROOM_LIST = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJpc3MiOiJkZXZrZXkiLCJleHAiOjE3OTU3MDIwNjAsInZpZGVvIjp7InJvb21MaXN0Ijp0cnVlfSwic2lwIjp7fX0"
            + ".0gDOuzoQEjHm_TzXNnFjIO82ohm4ryaM8iiBDAg_-QY";
    /** Java SDK, CreateDispatch: video {roomAdmin, room: room-a}. */
    static final String JAVA_ROOM_ADMIN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJpc3MiOiJkZXZrZXkiLCJleHAiOjE3OTU3MDIwNjAsInZpZGVvIjp7InJvb21BZG1pbiI6dHJ1ZSwicm9vbSI6InJvb20tYSJ9LCJzaXAiOnt9fQ"
            + "._uQNGc8TY8Rhje4N0u9ieY7Std1e0IvIFVlyy9O9Q1g";
    static final Instant JAVA_EXP = Instant.ofEpochSecond(1795702060L);
    /** The Java SDK's requests were made about six hours before exp (its default TTL). */
    static final Instant JAVA_SENT = Instant.ofEpochSecond(1795680460L);

    /** @livekit/agents 1.9.0 worker dialing /agent: video {agent}, nbf, 6 h exp. */
    static final String NODE_WORKER = "eyJhbGciOiJIUzI1NiJ9"
            + ".eyJ2aWRlbyI6eyJhZ2VudCI6dHJ1ZX0sImlzcyI6ImRldmtleSIsImV4cCI6MTc5NTcwMTk4MywibmJmIjoxNzk1NjgwMzgzfQ"
            + ".X3OoMHulXpx-F3pzqjB4o7QvuhCiqx20Aiwd4wL2T0o";
    static final Instant NODE_WORKER_NBF = Instant.ofEpochSecond(1795680383L);

    /**
     * The JobAssignment token the capture's fake server handed the worker (room-join for
     * agent-AJ_fake1, kind agent); the worker then presented it on /rtc/v1.
     */
    static final String ASSIGNMENT = "eyJhbGciOiJIUzI1NiJ9"
            + ".eyJ2aWRlbyI6eyJyb29tSm9pbiI6dHJ1ZSwicm9vbSI6InJvb20tYSIsImFnZW50Ijp0cnVlLCJjYW5QdWJsaXNoIjp0cnVlLCJjYW5TdWJzY3JpYmUiOnRydWUsImNhblB1Ymxpc2hEYXRhIjp0cnVlLCJjYW5VcGRhdGVPd25NZXRhZGF0YSI6dHJ1ZX0sImtpbmQiOiJhZ2VudCIsImlzcyI6ImRldmtleSIsImV4cCI6MTc5NTY4Mzk4NywibmJmIjoxNzk1NjgwMzg3LCJzdWIiOiJhZ2VudC1BSl9mYWtlMSJ9"
            + ".y8NuY0pae3Fbi0duW0RhVuuADKrFXMwovzvAX96FVD8";
    static final Instant ASSIGNMENT_NBF = Instant.ofEpochSecond(1795680387L);

    private CapturedTokens() {
    }
}
