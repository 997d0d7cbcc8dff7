package dev.dispatchsim.tests.worker;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.internal.clock.WallClock;
import dev.dispatchsim.journal.JournalEvent.WorkerConnected;
import dev.dispatchsim.journal.JournalEvent.WorkerRegistered;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.testkit.TestTokens;
import dev.dispatchsim.tests.support.RawUpgrade;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** The /agent upgrade: a token with {@code video.agent} (header or query) and any query string, else 401 before upgrade. */
@Timeout(30)
@LiveKitSimulatorTest(seed = 7)
class AgentUpgradeAuthTest {

    @Test
    void should_refuse_with_plain_401_when_token_lacks_the_agent_grant(LiveKitSimulator sim) {
        // GIVEN a valid token for joining a room, but without video.agent
        String token = TestTokens.nodeStyle(sim.apiKey(), sim.apiSecret(), Map.of("roomJoin", true, "room", "r"),
                WallClock.now());

        // WHEN it is used to upgrade /agent
        RawUpgrade.Answer answer = RawUpgrade.upgrade(sim.port(), "/agent", "Bearer " + token);

        // THEN the upgrade is refused with livekit-server's plain-text 401 and no worker connects
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.headers().get("content-type")).startsWith("text/plain");
        assertThat(answer.body()).isEqualTo("no permissions to access the room");
        assertThat(sim.journal().events(WorkerConnected.class)).isEmpty();
    }

    @Test
    void should_refuse_with_401_when_no_token_is_sent(LiveKitSimulator sim) {
        // GIVEN no Authorization header and no access_token
        // WHEN /agent is upgraded
        RawUpgrade.Answer answer = RawUpgrade.upgrade(sim.port(), "/agent", null);

        // THEN 401 before the upgrade
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo("no permissions to access the room");
    }

    @Test
    void should_refuse_with_401_when_token_is_signed_with_another_secret(LiveKitSimulator sim) {
        // GIVEN an agent token signed with the wrong secret
        String token = TestTokens.agent(sim.apiKey(), "not-the-secret-not-the-secret-00", WallClock.now());

        // WHEN /agent is upgraded with it
        RawUpgrade.Answer answer = RawUpgrade.upgrade(sim.port(), "/agent", "Bearer " + token);

        // THEN 401 with a plain-text reason
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).isNotBlank();
    }

    @Test
    void should_answer_404_when_agent_path_gets_a_request_that_is_not_an_upgrade(LiveKitSimulator sim) {
        // GIVEN a plain GET on /agent (reference 5.1: non-WebSocket request → 404)
        // WHEN it is sent
        RawUpgrade.Answer answer = RawUpgrade.get(sim.port(), "/agent");

        // THEN 404
        assertThat(answer.status()).isEqualTo(404);
    }

    @Test
    void should_register_when_token_comes_as_access_token_query_parameter(LiveKitSimulator sim) {
        // GIVEN a worker that puts its token in the query instead of the header
        try (FakeAgentWorker worker = Sims.worker(sim, "query-agent").tokenInQuery().connect()) {
            // WHEN it registers
            // THEN it is registered like any other worker
            assertThat(worker.workerId()).startsWith("AW_");
            sim.journal().await(WorkerRegistered.class, r -> r.agentName().equals("query-agent"), WAIT);
        }
    }

    @Test
    void should_register_when_upgrade_url_has_any_query_string(LiveKitSimulator sim) {
        // GIVEN the query parameters SDKs may add (protocol, worker_token) and an unknown one
        try (FakeAgentWorker worker = Sims.worker(sim, "q").query("protocol=1&worker_token=abc&x=%20y").connect()) {
            // WHEN it registers
            // THEN the query is ignored and registration works
            assertThat(worker.workerId()).startsWith("AW_");
        }
    }
}
