package dev.dispatchsim.internal.engine;

import dev.dispatchsim.internal.clock.EventLoop;
import dev.dispatchsim.internal.fault.FaultContext;
import dev.dispatchsim.internal.fault.FaultDecision;
import dev.dispatchsim.internal.fault.FaultDecisions;
import dev.dispatchsim.internal.fault.FaultEffect;
import dev.dispatchsim.internal.fault.HookPoint;
import dev.dispatchsim.journal.JournalEvent.TwirpCall;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

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

    /** Runs tasks on the engine thread, after everything posted before them. */
    public java.util.concurrent.Executor engineThread() {
        return loop::execute;
    }

    /** Runs {@code task} after {@code delay} of simulated time (for duplicated requests), unless a reset comes first. */
    public void schedule(Duration delay, Runnable task) {
        loop.execute(() -> hooks.later(delay, task));
    }

    /**
     * Journals an answered Twirp call. A call served by the engine completes on the engine thread, so the
     * line is written in the same step as the call's own events; posting it instead would let a worker's
     * frame slip in between and break determinism.
     */
    public void journalTwirpCall(TwirpCall call) {
        Runnable append = () -> state.journal(call);
        if (loop.inLoop()) {
            append.run();
        } else {
            loop.execute(append);
        }
    }

    private CompletableFuture<Verdict> verdict(FaultContext.Builder context) {
        // Decided and, for a delay, scheduled in one engine step: a test that sees the FaultApplied line
        // and advances a ManualClock at once must find the timer already there.
        return loop.call(() -> toVerdict(hooks.decide(context))).thenCompose(verdict -> verdict);
    }

    /** Runs on the engine thread. */
    private CompletableFuture<Verdict> toVerdict(List<FaultDecision> decisions) {
        Optional<FaultDecision> terminal = FaultDecisions.terminal(decisions);
        if (terminal.isPresent()) {
            FaultEffect effect = terminal.get().effect();
            Verdict verdict;
            if (effect instanceof FaultEffect.Fail fail) {
                verdict = new Verdict.Fail(fail.failure());
            } else if (effect instanceof FaultEffect.Disconnect disconnect) {
                // worker_connect: accept the upgrade, then close with the rule's code (it used to stall instead)
                verdict = new Verdict.Fail(new FaultEffect.Fail.WsClose(disconnect.code(), disconnect.reason()));
            } else {
                verdict = new Verdict.Stall(); // stall, or a dropped request/upgrade: never answered
            }
            return CompletableFuture.completedFuture(verdict);
        }
        Verdict proceed = new Verdict.Proceed(FaultDecisions.effects(decisions, FaultEffect.Duplicate.class).stream()
                .map(FaultEffect.Duplicate::offset).toList());
        Duration delay = FaultDecisions.totalDelay(decisions);
        if (delay.isZero()) {
            return CompletableFuture.completedFuture(proceed);
        }
        CompletableFuture<Verdict> later = new CompletableFuture<>();
        // straight on the loop: a held call is answered even when a reset comes first (its client waits for it)
        state.loop.schedule(delay, () -> later.complete(proceed));
        return later;
    }
}
