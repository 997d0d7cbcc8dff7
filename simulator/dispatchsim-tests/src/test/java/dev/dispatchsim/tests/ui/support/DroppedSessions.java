package dev.dispatchsim.tests.ui.support;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEvent.ParticipantJoined;
import dev.dispatchsim.model.ParticipantKind;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.testkit.VirtualTime;
import dev.dispatchsim.tests.support.RoomApi;

import java.time.Duration;

/**
 * The createroom-agents-dropped story as an app lives it, on a ManualClock: session after session creates its
 * room with the agent and reads ListDispatch. Under that profile sessions 2-4 never reach the worker, though
 * ListDispatch says JS_RUNNING; the others are delivered: the worker gets their job, and their agent joins the
 * room (the clock moves only as far as that takes) before ListDispatch is read.
 */
public final class DroppedSessions {

    public static final String PROFILE = "createroom-agents-dropped";
    public static final String AGENT = "stt-agent";
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Virtual time an agent may take to join after its assignment (the simulator's join delay, with room to spare). */
    private static final Duration AGENT_JOIN = Duration.ofSeconds(5);

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
                // the worker answers over its socket: wait for the job, then for its agent in the room, so that the
                // report meets a job that is assigned and an agent that is there, not ones still on their way
                worker.nextAssignment(WAIT);
                awaitAgent(sim, room);
            }
            api.listDispatch(room);
        }
        return room;
    }

    /** Moves the ManualClock, one scheduled event at a time, until the agent has joined {@code room}. */
    public static void awaitAgent(LiveKitSimulator sim, String room) {
        VirtualTime.of(sim).runUntil("the agent in " + room, () -> sim.journal().events(ParticipantJoined.class).stream()
                .anyMatch(p -> p.room().equals(room) && p.kind() == ParticipantKind.AGENT), AGENT_JOIN);
    }
}
