package dev.dispatchsim.tests.ui.support;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.RoomApi;

import java.time.Duration;

/**
 * The createroom-agents-dropped story as an app lives it: session after session creates its room with the
 * agent and reads ListDispatch. Under that profile sessions 2-4 never reach the worker, though ListDispatch
 * says JS_RUNNING; the others are delivered, and the worker gets their job (before ListDispatch is read).
 */
public final class DroppedSessions {

    public static final String PROFILE = "createroom-agents-dropped";
    public static final String AGENT = "stt-agent";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private DroppedSessions() {
    }

    /** Sessions {@code first}..{@code last}; returns the room of the last. */
    public static String run(LiveKitSimulator sim, FakeAgentWorker worker, int first, int last) {
        RoomApi api = new RoomApi(sim);
        String room = null;
        for (int session = first; session <= last; session++) {
            room = "session-" + session;
            api.createRoom(room, "[{\"agentName\":\"" + AGENT + "\"}]");
            if (session < 2 || session > 4) {
                // the worker answers over its socket: wait for the job before asking ListDispatch, so the report
                // meets a job that is assigned, not one whose answer may still be on its way
                worker.nextAssignment(WAIT);
            }
            api.listDispatch(room);
        }
        return room;
    }
}
