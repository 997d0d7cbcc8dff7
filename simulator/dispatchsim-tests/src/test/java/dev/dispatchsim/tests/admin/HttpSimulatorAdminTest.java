package dev.dispatchsim.tests.admin;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.AdminException;
import dev.dispatchsim.admin.JournalQuery;
import dev.dispatchsim.admin.RoomConfig;
import dev.dispatchsim.admin.SimParticipant;
import dev.dispatchsim.admin.SimulatorAdmin;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.testkit.FakeAgentWorker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract over the admin HTTP API, plus the round trip of the state through JSON. */
class HttpSimulatorAdminTest extends SimulatorAdminContract {

    @Override
    SimulatorAdmin adminFor(LiveKitSimulator sim) {
        return SimulatorAdmin.http(sim.httpUrl());
    }

    @Test
    void should_read_the_same_state_as_in_process_when_the_state_has_every_kind_of_record() {
        // GIVEN a room with a human, an assigned agent and a worker
        LiveKitSimulator sim = start(b -> b.clock(new ManualClock()));
        FakeAgentWorker worker = worker(sim, "stt-agent");
        sim.admin().addParticipant("r1", "bob", SimParticipant.human().withRoomConfig(RoomConfig.withAgents("stt-agent")));
        worker.nextAssignment(WAIT);

        // WHEN / THEN the HTTP client's records equal the engine's, instants and enums included
        assertThat(adminFor(sim).state()).isEqualTo(sim.admin().state());
        assertThat(adminFor(sim).journal(JournalQuery.all())).isEqualTo(sim.journal().entries());
    }

    @Test
    void should_send_the_admin_token_when_the_simulator_requires_one() {
        // GIVEN a simulator with an admin token
        LiveKitSimulator sim = start(b -> b.adminToken("s3cret"));

        // WHEN / THEN a client with the token reads the state, one without is refused
        assertThat(SimulatorAdmin.http(sim.httpUrl(), "s3cret").state().rooms()).isEmpty();
        AdminException denied = org.assertj.core.api.Assertions.catchThrowableOfType(AdminException.class,
                () -> SimulatorAdmin.http(sim.httpUrl()).state());
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.error()).isEqualTo("unauthenticated");
        // AND the health check stays open without it (docs/security.md), for container health checks
        assertThat(SimulatorAdmin.http(sim.httpUrl()).health().status()).isEqualTo("ok");
    }
}
