package dev.dispatchsim.clienttests.app;

import java.time.Duration;
import java.util.List;

/** What the app concludes about one session's agent; {@code steps} is the app's own log of what it did. */
public sealed interface DispatchOutcome {

    String room();

    List<String> steps();

    /** The agent is in the room: {@code agentIdentity} was seen as an AGENT participant (or, if naive, just assumed). */
    record Delivered(String room, String agentIdentity, int fallbacks, Duration took, List<String> steps)
            implements DispatchOutcome {
    }

    record Failed(String room, String reason, List<String> steps) implements DispatchOutcome {
    }
}
