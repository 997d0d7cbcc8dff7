package dev.dispatchsim.junit;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.testkit.VirtualTime;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

import java.util.Set;

/** The parameters the extension resolves: the simulator, its runtime info, and under a ManualClock the clock and VirtualTime. */
final class SimulatorParameters {

    private static final Set<Class<?>> TYPES = Set.of(LiveKitSimulator.class, SimulatorRuntimeInfo.class,
            ManualClock.class, VirtualTime.class);

    private SimulatorParameters() {
    }

    static boolean supports(ParameterContext parameter) {
        return TYPES.contains(parameter.getParameter().getType());
    }

    static Object resolve(ParameterContext parameter, RunningSimulator running) {
        Class<?> type = parameter.getParameter().getType();
        LiveKitSimulator sim = running.sim();
        if (type == LiveKitSimulator.class) {
            return sim;
        }
        if (type == SimulatorRuntimeInfo.class) {
            return SimulatorRuntimeInfo.of(sim);
        }
        if (!(sim.clock() instanceof ManualClock manual)) {
            throw new ParameterResolutionException("parameter " + type.getSimpleName() + " of " + parameter.getDeclaringExecutable()
                    + " needs a simulator on a ManualClock, but the one of " + running.origin() + " runs on " + sim.clock()
                    + "; set clock = ClockMode.MANUAL (annotation) or .clock(ClockMode.MANUAL) (builder)");
        }
        return type == ManualClock.class ? manual : VirtualTime.of(sim);
    }
}
