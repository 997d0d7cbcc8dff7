package dev.dispatchsim.junit;

import dev.dispatchsim.LiveKitSimulator;

/**
 * What a client needs to reach the simulator, resolvable as a test parameter: point the server SDK at
 * {@code httpUrl}, an agent worker ({@code LIVEKIT_URL}) at {@code wsUrl}, sign with the key and
 * secret; the seed is what replays the run.
 */
public record SimulatorRuntimeInfo(String httpUrl, String wsUrl, String apiKey, String apiSecret, long seed) {

    public static SimulatorRuntimeInfo of(LiveKitSimulator sim) {
        return new SimulatorRuntimeInfo(sim.httpUrl(), sim.wsUrl(), sim.apiKey(), sim.apiSecret(), sim.seed());
    }

    /** Never shows the secret, so the record can be logged. */
    @Override
    public String toString() {
        return "SimulatorRuntimeInfo[httpUrl=" + httpUrl + ", wsUrl=" + wsUrl + ", apiKey=" + apiKey + ", seed=" + seed + "]";
    }
}
