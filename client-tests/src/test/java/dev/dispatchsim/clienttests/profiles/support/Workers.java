package dev.dispatchsim.clienttests.profiles.support;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.proto.ServerMessage;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.testkit.FakeWorkerBuilder;

import java.util.List;

/** Fake agent workers on real sockets, and what they were sent. */
public final class Workers {

    private Workers() {
    }

    public static FakeWorkerBuilder builder(LiveKitSimulator sim, String agentName) {
        return FakeAgentWorker.builder(sim.wsUrl(), sim.apiKey(), sim.apiSecret()).agentName(agentName);
    }

    /** Connects, registers and waits for RegisterWorkerResponse. */
    public static FakeAgentWorker registered(LiveKitSimulator sim, String agentName) {
        return builder(sim, agentName).connect();
    }

    /** Dispatch ids of every AvailabilityRequest the worker got, in order. */
    public static List<String> offeredDispatchIds(FakeAgentWorker worker) {
        return worker.received().stream().filter(ServerMessage::hasAvailability)
                .map(m -> m.getAvailability().getJob().getDispatchId()).toList();
    }

    /** Job ids of every AvailabilityRequest the worker got, in order. */
    public static List<String> offeredJobIds(FakeAgentWorker worker) {
        return worker.received().stream().filter(ServerMessage::hasAvailability)
                .map(m -> m.getAvailability().getJob().getId()).toList();
    }

    /** Job ids of every JobAssignment the worker got, in order. */
    public static List<String> assignedJobIds(FakeAgentWorker worker) {
        return worker.received().stream().filter(ServerMessage::hasAssignment)
                .map(m -> m.getAssignment().getJob().getId()).toList();
    }

    /** Room names of every AvailabilityRequest the worker got, in order. */
    public static List<String> offeredRooms(FakeAgentWorker worker) {
        return worker.received().stream().filter(ServerMessage::hasAvailability)
                .map(m -> m.getAvailability().getJob().getRoom().getName()).toList();
    }
}
