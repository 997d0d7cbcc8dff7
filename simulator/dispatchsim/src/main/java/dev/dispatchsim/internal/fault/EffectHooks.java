package dev.dispatchsim.internal.fault;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import static dev.dispatchsim.internal.fault.HookPoint.AGENT_JOIN;
import static dev.dispatchsim.internal.fault.HookPoint.AVAILABILITY_REQUEST;
import static dev.dispatchsim.internal.fault.HookPoint.AVAILABILITY_RESPONSE;
import static dev.dispatchsim.internal.fault.HookPoint.DISPATCH_CREATED;
import static dev.dispatchsim.internal.fault.HookPoint.JOB_ASSIGNMENT;
import static dev.dispatchsim.internal.fault.HookPoint.JOB_STATUS_REPORT;
import static dev.dispatchsim.internal.fault.HookPoint.JOB_TERMINATION;
import static dev.dispatchsim.internal.fault.HookPoint.TWIRP_REQUEST;
import static dev.dispatchsim.internal.fault.HookPoint.WEBHOOK;
import static dev.dispatchsim.internal.fault.HookPoint.WORKER_CONNECT;
import static dev.dispatchsim.internal.fault.HookPoint.WORKER_FRAME;
import static dev.dispatchsim.internal.fault.HookPoint.WORKER_REGISTER;

/**
 * Where each effect kind means something, kept in one place so the placement rules read as one
 * table (and match the one in fault-profiles/README.md). Sets iterate in hook-point order, which
 * is the order error messages list them in.
 */
final class EffectHooks {
    static final Set<HookPoint> EVERY = of(EnumSet.allOf(HookPoint.class));
    /** Anything that happens can be lost or late; only a ListDispatch report is an answer, not an event. */
    static final Set<HookPoint> ALL_BUT_REPORT = of(EnumSet.complementOf(EnumSet.of(JOB_STATUS_REPORT)));
    /** Things that can meaningfully happen twice (a second dispatch, a repeated frame …). */
    static final Set<HookPoint> DUPLICABLE = of(EnumSet.of(TWIRP_REQUEST, DISPATCH_CREATED,
            AVAILABILITY_REQUEST, AVAILABILITY_RESPONSE, JOB_ASSIGNMENT, AGENT_JOIN, JOB_TERMINATION, WORKER_FRAME, WEBHOOK));
    /** Places where a peer waits for an answer that can be withheld. */
    static final Set<HookPoint> STALLABLE = of(EnumSet.of(TWIRP_REQUEST, AVAILABILITY_REQUEST,
            WORKER_CONNECT, WORKER_REGISTER, WORKER_FRAME));
    /** Places where a worker socket is at hand and can be closed. */
    static final Set<HookPoint> WORKER_SOCKET = of(EnumSet.of(WORKER_CONNECT, WORKER_REGISTER, WORKER_FRAME,
            AVAILABILITY_REQUEST, AVAILABILITY_RESPONSE, JOB_ASSIGNMENT, JOB_TERMINATION));
    static final Set<HookPoint> TWIRP = of(EnumSet.of(TWIRP_REQUEST));
    /** An HTTP status: a Twirp answer, a refused upgrade, or the answer a webhook receiver is made to give. */
    static final Set<HookPoint> HTTP = of(EnumSet.of(TWIRP_REQUEST, WORKER_CONNECT, WEBHOOK));
    static final Set<HookPoint> WS_CLOSE = of(EnumSet.of(WORKER_CONNECT));
    static final Set<HookPoint> REPORT = of(EnumSet.of(JOB_STATUS_REPORT));
    /** Only webhook events sit in an ordered queue whose order a rule can swap. */
    static final Set<HookPoint> REORDER = of(EnumSet.of(WEBHOOK));

    private EffectHooks() {
    }

    private static Set<HookPoint> of(EnumSet<HookPoint> hooks) {
        return Collections.unmodifiableSet(hooks);
    }

    static void requireCloseCode(int code) {
        if (code < 1000 || code > 4999) {
            throw new IllegalArgumentException("WebSocket close code must be 1000..4999, got " + code);
        }
    }
}
