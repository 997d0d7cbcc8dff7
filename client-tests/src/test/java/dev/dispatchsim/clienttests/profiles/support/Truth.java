package dev.dispatchsim.clienttests.profiles.support;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.model.SimulatorState.DispatchView;
import dev.dispatchsim.model.SimulatorState.JobView;
import dev.dispatchsim.model.SimulatorState;

import java.util.List;

/** The simulator's truth-vs-report view of one room, taken through {@code control().snapshot()}. */
public final class Truth {

    private Truth() {
    }

    public static List<DispatchView> dispatches(LiveKitSimulator sim, String room) {
        SimulatorState snapshot = sim.admin().state();
        return snapshot.rooms().stream().filter(r -> r.room().name().equals(room)).findFirst()
                .orElseThrow(() -> new AssertionError("room '" + room + "' is not live; live rooms: "
                        + snapshot.rooms().stream().map(r -> r.room().name()).toList()))
                .dispatches();
    }

    /** The one job of the room's one dispatch with this id. */
    public static JobView job(LiveKitSimulator sim, String room, String dispatchId) {
        DispatchView dispatch = dispatches(sim, room).stream().filter(d -> d.reported().id().equals(dispatchId))
                .findFirst().orElseThrow(() -> new AssertionError("no dispatch " + dispatchId + " in " + room));
        if (dispatch.jobs().size() != 1) {
            throw new AssertionError("expected one job in dispatch " + dispatchId + ", got " + dispatch.jobs());
        }
        return dispatch.jobs().get(0);
    }
}
