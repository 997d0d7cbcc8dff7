package dev.dispatchsim.engine;

import dev.dispatchsim.clock.EventLoop;
import dev.dispatchsim.fault.FaultContext;
import dev.dispatchsim.fault.FaultDecision;
import dev.dispatchsim.fault.FaultDecisions;
import dev.dispatchsim.fault.FaultEffect;
import dev.dispatchsim.fault.HookPoint;
import dev.dispatchsim.model.JournalEvent.TwirpCall;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Fault decisions for the hooks that sit in front of the engine (a Twirp call, a WebSocket upgrade).
 * Decided on the engine thread so that they are ordered with everything else; a delay completes the
 * verdict on the simulated clock, so under a ManualClock the call waits until the clock moves.
 */
public final class TransportFaults {

    /** What the transport should do with the request. */
    public sealed interface Verdict {
        /** Serve it; {@code duplicates} more copies are served after their offsets (their answers are discarded). */
        record Proceed(List<Duration> duplicates) implements Verdict {
        }

        /** Answer with this failure instead. */
        record Fail(FaultEffect.Fail.Failure failure) implements Verdict {
        }

        /** Never answer (stall, or a dropped request). */
        record Stall() implements Verdict {
        }
    }

    private final EventLoop loop;
    private final SimState state;
    private final FaultHooks hooks;

    TransportFaults(EventLoop loop, SimState state, FaultHooks hooks) {
        this.loop = loop;
        this.state = state;
        this.hooks = hooks;
    }

    public CompletableFuture<Verdict> twirpRequest(String service, String method, String room, String agent,
                                                   String metadata) {
        return verdict(FaultContext.at(HookPoint.TWIRP_REQUEST).twirp(service, method).roomName(room)
                .agentName(agent).metadata(metadata));
    }

    public CompletableFuture<Verdict> workerConnect() {
        return verdict(FaultContext.at(HookPoint.WORKER_CONNECT));
    }

    /**
     * Runs {@code serve} as one event on the engine thread (engine commands it issues run inline there), so
     * a call is handled, and journaled by whatever the caller chains onto {@code serve}'s future inside it,
     * before any frame that arrives meanwhile: the journal's order then depends only on the inputs' order.
     */
    public <T> CompletableFuture<T> inEngine(Supplier<CompletableFuture<T>> serve) {
        return loop.call(serve::get).thenCompose(Function.identity());
    }

    /** Runs {@code task} after {@code delay} of simulated time (for duplicated requests). */
    public void schedule(Duration delay, Runnable task) {
        loop.execute(() -> state.schedule(delay, task));
    }

    /**
     * Journals a served Twirp call with its result code ("ok" or the Twirp code). A call the engine served
     * completes on the engine thread, inside the event that handled it: it is journaled right there. Posting
     * it as a later event let a worker frame that arrived meanwhile (an AvailabilityResponse to the job the
     * call created) slip in between, so two runs with the same inputs wrote the journal in different orders.
     */
    public void journalTwirpCall(String service, String method, String code) {
        if (loop.inLoop()) {
            state.journal(new TwirpCall(service, method, code));
        } else {
            loop.execute(() -> state.journal(new TwirpCall(service, method, code)));
        }
    }

    private CompletableFuture<Verdict> verdict(FaultContext.Builder context) {
        return loop.call(() -> hooks.decide(context)).thenCompose(this::toVerdict);
    }

    private CompletableFuture<Verdict> toVerdict(List<FaultDecision> decisions) {
        Optional<FaultDecision> terminal = FaultDecisions.terminal(decisions);
        if (terminal.isPresent()) {
            FaultEffect effect = terminal.get().effect();
            Verdict verdict = effect instanceof FaultEffect.Fail fail ? new Verdict.Fail(fail.failure()) : new Verdict.Stall();
            return CompletableFuture.completedFuture(verdict);
        }
        Verdict proceed = new Verdict.Proceed(FaultDecisions.effects(decisions, FaultEffect.Duplicate.class).stream()
                .map(FaultEffect.Duplicate::offset).toList());
        Duration delay = FaultDecisions.totalDelay(decisions);
        if (delay.isZero()) {
            return CompletableFuture.completedFuture(proceed);
        }
        CompletableFuture<Verdict> later = new CompletableFuture<>();
        loop.execute(() -> state.schedule(delay, () -> later.complete(proceed)));
        return later;
    }
}
