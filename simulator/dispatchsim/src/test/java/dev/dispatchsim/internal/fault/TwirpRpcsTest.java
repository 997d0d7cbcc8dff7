package dev.dispatchsim.internal.fault;

import dev.dispatchsim.internal.engine.Engine;
import dev.dispatchsim.internal.engine.EngineConfig;
import dev.dispatchsim.internal.service.AgentDispatchHandlers;
import dev.dispatchsim.internal.service.RoomServiceHandlers;
import dev.dispatchsim.internal.twirp.TwirpMethod;
import dev.dispatchsim.clock.ManualClock;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The RPC names profiles are checked against are exactly the ones the router serves. */
class TwirpRpcsTest {

    @Test
    void should_list_exactly_the_served_methods_when_compared_with_the_handlers() {
        try (Engine engine = new Engine(new ManualClock(), EngineConfig.defaults(), (k, r, a, ans, p, n) -> "t", e -> { })) {
            Map<String, List<String>> served = new LinkedHashMap<>();
            Stream.concat(new RoomServiceHandlers(engine).methods().stream(), new AgentDispatchHandlers(engine).methods().stream())
                    .forEach((TwirpMethod<?, ?> m) -> served.computeIfAbsent(m.service(), s -> new java.util.ArrayList<>()).add(m.method()));
            assertThat(TwirpRpcs.SERVED).isEqualTo(served);
        }
    }
}
