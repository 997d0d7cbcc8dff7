package dev.dispatchsim.tests.worker;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.journal.JournalEvent.WorkerRegistered;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.model.JobType;
import dev.dispatchsim.proto.RegisterWorkerResponse;
import dev.dispatchsim.proto.ServerInfo;
import dev.dispatchsim.proto.ServerMessage;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.Sims;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static dev.dispatchsim.tests.support.Sims.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/** Registration (reference 5.2): the first server message is RegisterWorkerResponse with an AW_ id and ServerInfo. */
@Timeout(30)
@LiveKitSimulatorTest(seed = 11)
class RegisterResponseTest {

    private static final String ID_CHARS = "[23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz]";

    @Test
    void should_answer_register_first_with_worker_id_and_server_info_when_worker_registers(LiveKitSimulator sim) {
        // GIVEN a worker for "stt-agent" of type JT_PUBLISHER
        try (FakeAgentWorker worker = Sims.worker(sim, "stt-agent")
                .jobType(dev.dispatchsim.proto.JobType.JT_PUBLISHER).connect()) {
            // WHEN it has registered
            ServerMessage first = worker.received().get(0);

            // THEN the first message is the register answer: AW_ + 12 id characters, and livekit-server 1.13's ServerInfo
            assertThat(first.getMessageCase()).isEqualTo(ServerMessage.MessageCase.REGISTER);
            RegisterWorkerResponse register = first.getRegister();
            assertThat(register.getWorkerId()).matches("AW_" + ID_CHARS + "{12}");
            ServerInfo info = register.getServerInfo();
            assertThat(info.getEdition()).isEqualTo(ServerInfo.Edition.Standard);
            assertThat(info.getVersion()).isEqualTo("1.13.5");
            assertThat(info.getProtocol()).isEqualTo(17);
            assertThat(info.getAgentProtocol()).isEqualTo(1);
            assertThat(info.getRegion()).isEmpty();
            assertThat(info.getNodeId()).matches("ND_" + ID_CHARS + "{8}");

            // AND the journal records the registration under that id, with the pool key's parts
            WorkerRegistered registered = sim.journal().await(WorkerRegistered.class,
                    r -> r.workerId().equals(register.getWorkerId()), WAIT);
            assertThat(registered.agentName()).isEqualTo("stt-agent");
            assertThat(registered.jobType()).isEqualTo(JobType.JT_PUBLISHER);
            assertThat(registered.deployment()).isEmpty();
        }
    }

    @Test
    void should_give_each_worker_its_own_id_when_two_workers_register(LiveKitSimulator sim) {
        // GIVEN two workers for the same agent
        try (FakeAgentWorker first = Sims.worker(sim, "a").connect();
             FakeAgentWorker second = Sims.worker(sim, "a").connect()) {
            // WHEN both have registered
            // THEN their ids differ and both are listed
            assertThat(first.workerId()).isNotEqualTo(second.workerId());
            assertThat(sim.admin().workers()).extracting(w -> w.id())
                    .containsExactlyInAnyOrder(first.workerId(), second.workerId());
        }
    }
}
