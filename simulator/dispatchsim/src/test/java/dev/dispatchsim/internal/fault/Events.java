package dev.dispatchsim.internal.fault;

import dev.dispatchsim.model.DispatchSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Test fixtures: contexts and a way to run a series of events through an engine. */
final class Events {
    private Events() {
    }

    static FaultContext availabilityRequest(String room) {
        return FaultContext.at(HookPoint.AVAILABILITY_REQUEST).agentName("stt-agent").roomName(room)
                .dispatchSource(DispatchSource.CREATE_ROOM).dispatchId("AD_" + room).jobId("AJ_" + room)
                .workerId("AW_one").workerAgentName("stt-agent").workerOrder(1).build();
    }

    static FaultEngine engineWith(long seed, Rule... rules) {
        FaultEngine engine = new FaultEngine(seed);
        engine.load(RuleProfile.of("test", rules));
        return engine;
    }

    /** Runs events 1..n (context i built by {@code ctx}) and returns the 1-based numbers of those where something fired. */
    static List<Integer> firing(FaultEngine engine, int n, IntFunction<FaultContext> ctx) {
        List<Integer> fired = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            if (!engine.decide(ctx.apply(i)).isEmpty()) {
                fired.add(i);
            }
        }
        return fired;
    }

    static List<Integer> firing(FaultEngine engine, int n) {
        return firing(engine, n, i -> availabilityRequest("room-" + i));
    }
}
