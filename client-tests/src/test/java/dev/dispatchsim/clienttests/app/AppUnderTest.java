package dev.dispatchsim.clienttests.app;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.testkit.VirtualTime;

/** The app wired to a simulator the way a test suite would: real SDK clients, virtual time, a fake agent worker. */
final class AppUnderTest {

    static final String AGENT = "stt-agent";
    static final String METADATA = "{\"backend\":\"http://app.internal/agent-callback\"}";

    private AppUnderTest() {
    }

    static LiveKitApi api(LiveKitSimulator sim) {
        return new LiveKitApi(sim.httpUrl(), sim.apiKey(), sim.apiSecret());
    }

    static AgentDispatcher dispatcher(LiveKitSimulator sim, VirtualTime time) {
        return new AgentDispatcher(api(sim), new VirtualAppClock(time), DispatchPolicy.defaults());
    }

    static NaiveDispatcher naive(LiveKitSimulator sim, VirtualTime time) {
        return new NaiveDispatcher(api(sim), new VirtualAppClock(time));
    }

    /** The agent: a worker registered as {@value #AGENT} that accepts every job, like the Node worker. */
    static FakeAgentWorker agentWorker(LiveKitSimulator sim) {
        return FakeAgentWorker.builder(sim.wsUrl(), sim.apiKey(), sim.apiSecret()).agentName(AGENT).connect();
    }
}
