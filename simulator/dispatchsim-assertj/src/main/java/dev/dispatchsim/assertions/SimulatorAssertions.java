package dev.dispatchsim.assertions;

import dev.dispatchsim.LiveKitSimulator;

/**
 * The one entry point of the simulator's AssertJ assertions. {@code assertThat(sim)} takes a picture
 * of the simulator (state, journal, profile) and lets a test walk it: rooms, their dispatches, a
 * dispatch's job (its truth and what ListDispatch reports), workers and the jobs they received, and
 * the faults that fired, the webhooks sent. Failures show the nearest miss.
 *
 * <pre>{@code
 * assertThat(sim).room("session-2").dispatchFor("stt-agent").job().wasNotDelivered().isReportedAs(JobStatus.JS_RUNNING);
 * assertThat(sim).room("session-2").hasAgent("stt-agent");
 * assertThat(sim).hasAppliedFault("drop-createroom-sessions-2-to-4");
 * assertThat(sim).webhooks().to(url).hasDelivered("participant_joined").forAgent("stt-agent");
 * }</pre>
 */
public final class SimulatorAssertions {

    private SimulatorAssertions() {
    }

    public static SimulatorAssert assertThat(LiveKitSimulator sim) {
        return new SimulatorAssert(sim, Evidence.of(sim));
    }
}
