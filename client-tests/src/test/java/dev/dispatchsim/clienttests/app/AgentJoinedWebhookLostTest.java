package dev.dispatchsim.clienttests.app;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.junit.ClockMode;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.junit.SimulatorRuntimeInfo;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.testkit.VirtualTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static dev.dispatchsim.assertions.SimulatorAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A backend that learns of the agent from its participant_joined webhook, under agent-joined-webhook-lost
 * (A16): the agent joins, its webhook never comes. With a ListParticipants fallback the backend still
 * confirms the agent; trusting the webhook alone it does not, and the simulator's assertion names the
 * webhook that was dropped.
 */
@Timeout(60)
@LiveKitSimulatorTest(clock = ClockMode.MANUAL, seed = 42, profile = "agent-joined-webhook-lost")
class AgentJoinedWebhookLostTest {

    private static final String AGENT = "stt-agent";
    private static final Duration WINDOW = Duration.ofSeconds(10);

    private WebhookInbox inbox;
    private LiveKitApi api;
    private FakeAgentWorker worker;

    @BeforeEach
    void start(LiveKitSimulator sim, SimulatorRuntimeInfo info) {
        // GIVEN the backend's webhook endpoint, registered at run time, and a worker for the agent
        inbox = new WebhookInbox(info.apiKey(), info.apiSecret());
        sim.admin().addWebhook(inbox.url());
        api = new LiveKitApi(info.httpUrl(), info.apiKey(), info.apiSecret());
        worker = FakeAgentWorker.builder(info.wsUrl(), info.apiKey(), info.apiSecret()).agentName(AGENT).connect();
    }

    @AfterEach
    void stop() {
        worker.close();
        inbox.close();
    }

    @Test
    void should_confirm_the_agent_by_list_participants_when_its_participant_joined_webhook_is_lost(
            LiveKitSimulator sim, VirtualTime time) throws InterruptedException {
        AgentConfirmer backend = AgentConfirmer.withListParticipantsFallback(inbox, api, new VirtualAppClock(time), WINDOW);

        // WHEN the backend creates the room with its agent and confirms the agent
        assertThat(api.createRoomWithAgent("call-1", AGENT, "").isOk()).isTrue();
        AgentConfirmer.Confirmation confirmation = backend.confirm("call-1", AGENT);

        // THEN the agent is confirmed, by ListParticipants: the webhook never came, though others did
        assertThat(confirmation.confirmed()).as(confirmation.detail()).isTrue();
        assertThat(confirmation.via()).isEqualTo("ListParticipants");
        assertThat(confirmation.identity()).startsWith("agent-AJ_");
        assertThat(inbox.events()).extracting(e -> e.getEvent()).contains("room_started").doesNotContain("participant_joined");
        assertThat(inbox.rejected()).isEmpty();
        assertThat(sim).hasAppliedFault("agent-joined-webhook-lost", 1);
    }

    @Test
    void should_not_confirm_the_agent_and_name_the_dropped_webhook_when_the_backend_trusts_webhooks_alone(
            LiveKitSimulator sim, VirtualTime time) throws InterruptedException {
        AgentConfirmer naive = AgentConfirmer.withoutFallback(inbox, new VirtualAppClock(time), WINDOW);

        // WHEN the naive backend creates the room with its agent and waits for the webhook
        assertThat(api.createRoomWithAgent("call-2", AGENT, "").isOk()).isTrue();
        AgentConfirmer.Confirmation confirmation = naive.confirm("call-2", AGENT);

        // THEN it gives up, though the agent is in the room
        assertThat(confirmation.confirmed()).isFalse();
        assertThat(confirmation.detail()).isEqualTo("no participant_joined webhook for agent 'stt-agent' in room 'call-2' within 10 s");
        assertThat(sim).room("call-2").hasAgent(AGENT);
        // AND the simulator's assertion says which webhook went missing and why
        assertThatThrownBy(() -> assertThat(sim).webhooks().to(inbox.url()).hasDelivered("participant_joined").forAgent(AGENT))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("no 'participant_joined' webhook delivered to '" + inbox.url() + "'")
                .hasMessageMatching("(?s).*participant_joined EV_\\w{12} in room 'call-2' for agent 'stt-agent' \\(participant 'agent-AJ_\\w+'\\): "
                        + "dropped by fault rule 'agent-joined-webhook-lost'.*");
    }
}
