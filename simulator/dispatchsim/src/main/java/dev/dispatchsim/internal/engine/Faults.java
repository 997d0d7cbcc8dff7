package dev.dispatchsim.internal.engine;

import dev.dispatchsim.internal.fault.FaultContext;
import dev.dispatchsim.internal.fault.FaultDecision;
import dev.dispatchsim.internal.fault.FaultDecisions;
import dev.dispatchsim.internal.fault.FaultEffect;
import dev.dispatchsim.internal.fault.FaultEngine;
import dev.dispatchsim.internal.fault.HookPoint;
import dev.dispatchsim.model.Job;
import dev.dispatchsim.model.JobState;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where fault decisions meet the engine. Each method is one hook point: it receives the action the
 * engine would take without faults and runs it as the profile says: at once, later (delay, on the
 * simulated clock), twice (duplicate), never (drop, stall), or instead closes the worker's socket
 * (disconnect). Effects are applied here and nowhere else.
 */
final class Faults {

    /** What became of an action a hook was asked about. */
    enum Outcome {
        /** It ran at once (its duplicates, if any, come later). */
        NOW,
        /** A delay holds it back: it runs later, on the simulated clock. */
        LATER,
        /** It never runs: dropped, stalled, or replaced by closing the worker's socket. */
        NEVER
    }

    private final FaultHooks hooks;
    private final EngineEvents events;

    Faults(FaultEngine faultEngine, SimState state, EngineEvents events) {
        this.hooks = new FaultHooks(faultEngine, state);
        this.events = events;
    }

    FaultHooks hooks() {
        return hooks;
    }

    void dispatchCreated(DispatchRecord dispatch, Runnable launch) {
        List<FaultDecision> decisions = hooks.decide(FaultHooks.forDispatch(HookPoint.DISPATCH_CREATED, dispatch));
        Duration delay = FaultDecisions.totalDelay(decisions);
        if (FaultDecisions.terminal(decisions).isEmpty() && !delay.isZero()) {
            hooks.heldLaunches++;
            apply(decisions, () -> {
                hooks.heldLaunches--;
                launch.run();
            }, null);
        } else {
            apply(decisions, launch, null);
        }
    }

    Outcome availabilityRequest(JobRecord job, WorkerRecord worker, Runnable send) {
        return apply(hooks.decide(FaultHooks.forJob(HookPoint.AVAILABILITY_REQUEST, job, worker)), send, worker);
    }

    void availabilityResponse(JobRecord job, WorkerRecord worker, Runnable handle) {
        apply(hooks.decide(FaultHooks.forJob(HookPoint.AVAILABILITY_RESPONSE, job, worker)), handle, worker);
    }

    /** Returns whether the assignment went out at once (false when dropped, delayed or replaced by a close). */
    boolean jobAssignment(JobRecord job, WorkerRecord worker, Runnable send) {
        return apply(hooks.decide(FaultHooks.forJob(HookPoint.JOB_ASSIGNMENT, job, worker)), send, worker) == Outcome.NOW;
    }

    void agentJoin(JobRecord job, Runnable join) {
        apply(hooks.decide(FaultHooks.forJob(HookPoint.AGENT_JOIN, job, null)), join, null);
    }

    void jobTermination(JobRecord job, WorkerRecord worker, Runnable send) {
        apply(hooks.decide(FaultHooks.forJob(HookPoint.JOB_TERMINATION, job, worker)), send, worker);
    }

    /** The worker is not registered yet: the context carries the agent name and the order it would get. */
    void workerRegister(WorkerRecord worker, String agentName, int order, Runnable register) {
        apply(hooks.decide(FaultContext.at(HookPoint.WORKER_REGISTER).workerAgentName(agentName).workerOrder(order)),
                register, worker);
    }

    void workerFrame(WorkerRecord worker, Runnable handle) {
        apply(hooks.decide(FaultHooks.withWorker(FaultContext.at(HookPoint.WORKER_FRAME), worker)), handle, worker);
    }

    /**
     * What ListDispatch shows for a job; null hides it. Without a firing {@code report} rule that is
     * the copy frozen at assignment (the real server's behaviour); with one, its status and error,
     * and with {@code visible: true} even for a job that was never delivered.
     */
    Job reported(JobRecord job) {
        return reportedBy(hooks.decide(FaultHooks.forJob(HookPoint.JOB_STATUS_REPORT, job, null)), job);
    }

    /** What ListDispatch would show for the job now, asking the rules without counting or journaling (observers). */
    Job wouldReport(JobRecord job) {
        return reportedBy(hooks.peek(FaultHooks.forJob(HookPoint.JOB_STATUS_REPORT, job, null)), job);
    }

    /**
     * A dispatch whose launch a fault holds back has no job yet; the rules are asked about the dispatch, and a
     * {@code report} with {@code visible: true} lists {@code placeholder} (null otherwise). {@code peek}: for
     * observers, without counting or journaling.
     */
    Job reportedWithoutJob(DispatchRecord dispatch, Job placeholder, boolean peek) {
        FaultContext.Builder context = FaultHooks.forDispatch(HookPoint.JOB_STATUS_REPORT, dispatch);
        List<FaultDecision> decisions = peek ? hooks.peek(context) : hooks.decide(context);
        Optional<FaultEffect.Report> report = FaultDecisions.effects(decisions, FaultEffect.Report.class).stream().findFirst();
        return report.isPresent() && report.get().visible() ? withReport(placeholder, report.get()) : null;
    }

    private static Job reportedBy(List<FaultDecision> decisions, JobRecord job) {
        Optional<FaultEffect.Report> report = FaultDecisions.effects(decisions, FaultEffect.Report.class).stream().findFirst();
        if (report.isEmpty()) {
            return job.listedCopy;
        }
        Job base = job.listedCopy != null ? job.listedCopy : report.get().visible() ? job.job : null;
        return base == null ? null : withReport(base, report.get());
    }

    private static Job withReport(Job base, FaultEffect.Report report) {
        JobState truth = base.state();
        return base.withState(new JobState(dev.dispatchsim.model.JobStatus.valueOf(report.status().name()),
                report.error(), truth.startedAt(), truth.endedAt(), truth.updatedAt(),
                truth.participantIdentity(), truth.workerId()));
    }

    /** Runs {@code action} as the decisions say; says whether it ran at once, later or never. */
    private Outcome apply(List<FaultDecision> decisions, Runnable action, WorkerRecord worker) {
        Optional<FaultDecision> terminal = FaultDecisions.terminal(decisions);
        if (terminal.isPresent()) {
            FaultEffect effect = terminal.get().effect();
            if (effect instanceof FaultEffect.Disconnect disconnect && worker != null) {
                closeWorker(worker, disconnect.code(), disconnect.reason());
            } else if (effect instanceof FaultEffect.Fail fail && fail.failure() instanceof FaultEffect.Fail.WsClose close
                    && worker != null) {
                closeWorker(worker, close.code(), close.reason());
            }
            return Outcome.NEVER; // drop, stall, disconnect, fail: the action never happens
        }
        Runnable withDuplicates = () -> {
            action.run();
            for (FaultEffect.Duplicate duplicate : FaultDecisions.effects(decisions, FaultEffect.Duplicate.class)) {
                hooks.later(duplicate.offset(), action);
            }
        };
        Duration delay = FaultDecisions.totalDelay(decisions);
        if (delay.isZero()) {
            withDuplicates.run();
            return Outcome.NOW;
        }
        hooks.later(delay, withDuplicates);
        return Outcome.LATER;
    }

    private void closeWorker(WorkerRecord worker, int code, String reason) {
        if (!worker.closed) {
            worker.link.close(code, reason);
            events.workerClosed(worker, code, reason);
        }
    }
}
