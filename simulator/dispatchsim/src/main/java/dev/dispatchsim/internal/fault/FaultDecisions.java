package dev.dispatchsim.internal.fault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Reading a {@link FaultEngine#decide} result the same way everywhere it is applied. */
public final class FaultDecisions {
    private FaultDecisions() {
    }

    /** Delays that fired at one hook add up. */
    public static Duration totalDelay(List<FaultDecision> decisions) {
        return decisions.stream().map(d -> d.delay().orElse(Duration.ZERO)).reduce(Duration.ZERO, Duration::plus);
    }

    /** The decision that ended the event (drop, stall, fail, disconnect, report), if any; always the last one. */
    public static Optional<FaultDecision> terminal(List<FaultDecision> decisions) {
        return decisions.stream().filter(d -> d.effect().terminal()).findFirst();
    }

    /** The effects of a given kind, in rule order. */
    public static <E extends FaultEffect> List<E> effects(List<FaultDecision> decisions, Class<E> kind) {
        return decisions.stream().map(FaultDecision::effect).filter(kind::isInstance).map(kind::cast).toList();
    }
}
