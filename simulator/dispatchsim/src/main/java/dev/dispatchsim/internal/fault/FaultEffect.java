package dev.dispatchsim.internal.fault;

import dev.dispatchsim.model.ErrorCode;
import dev.dispatchsim.model.JobStatus;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * What a firing rule does to the event. The set is closed on purpose: transports and the engine
 * apply each kind in exactly one place, and a profile cannot ask for something nobody implements.
 * Each kind declares the hook points where it means something, so a profile that asks for, say,
 * a {@code report} on an AvailabilityRequest is rejected at load time instead of silently ignored.
 */
public sealed interface FaultEffect {

    /** The YAML {@code type:} names, in documentation order. */
    List<String> TYPE_NAMES = List.of("drop", "delay", "duplicate", "reorder", "fail", "report", "stall", "disconnect");

    String typeName();

    /** Terminal effects end the event, so rules after them at the same hook never see it. */
    boolean terminal();

    Set<HookPoint> allowedAt();

    /** The event is lost: the message is not sent / not processed. */
    record Drop() implements FaultEffect {
        public String typeName() { return "drop"; }
        public boolean terminal() { return true; }
        public Set<HookPoint> allowedAt() { return EffectHooks.ALL_BUT_REPORT; }
    }

    /** The event happens later; several firing delays at one hook add up. {@code max} may be null. */
    record Delay(DelayDistribution distribution, Duration max) implements FaultEffect {
        public Delay {
            Objects.requireNonNull(distribution, "distribution");
            if (max != null && max.isNegative()) {
                throw new IllegalArgumentException("max must be >= 0, got " + max);
            }
        }

        public Duration sample(RandomGenerator rng) {
            Duration d = distribution.sample(rng);
            return max != null && d.compareTo(max) > 0 ? max : d;
        }

        public String typeName() { return "delay"; }
        public boolean terminal() { return false; }
        public Set<HookPoint> allowedAt() { return EffectHooks.ALL_BUT_REPORT; }
    }

    /** The event happens twice, the copy {@code offset} after the original. */
    record Duplicate(Duration offset) implements FaultEffect {
        public Duplicate {
            if (Objects.requireNonNull(offset, "offset").isNegative()) {
                throw new IllegalArgumentException("offset must be >= 0, got " + offset);
            }
        }

        public String typeName() { return "duplicate"; }
        public boolean terminal() { return false; }
        public Set<HookPoint> allowedAt() { return EffectHooks.DUPLICABLE; }
    }

    /**
     * A webhook event is held back and queued right after the next event for the same room and URL, so
     * the receiver gets the two in swapped order. Not terminal: a delay or duplicate at the same hook still applies.
     */
    record Reorder() implements FaultEffect {
        public String typeName() { return "reorder"; }
        public boolean terminal() { return false; }
        public Set<HookPoint> allowedAt() { return EffectHooks.REORDER; }
    }

    /** The request is answered with an error instead of being served. */
    record Fail(Failure failure) implements FaultEffect {
        public Fail {
            Objects.requireNonNull(failure, "failure");
        }

        public String typeName() { return "fail"; }
        public boolean terminal() { return true; }
        public Set<HookPoint> allowedAt() { return failure.allowedAt(); }

        /** The error to answer with; the YAML key under {@code do:} is {@link #keyName()}. */
        public sealed interface Failure {
            List<String> KEY_NAMES = List.of("twirp", "http_status", "ws_close");

            String keyName();

            Set<HookPoint> allowedAt();
        }

        /** A Twirp JSON error with the code's own HTTP status. */
        public record Twirp(ErrorCode code, String msg) implements Failure {
            public Twirp {
                Objects.requireNonNull(code, "code");
                msg = msg == null ? "" : msg;
            }

            public String keyName() { return "twirp"; }
            public Set<HookPoint> allowedAt() { return EffectHooks.TWIRP; }

            /** The message the client gets: the rule's, or the code's own name when the rule gives none. */
            public String message() {
                return msg.isEmpty() ? code.wireName() : msg;
            }
        }

        /**
         * A plain HTTP error (e.g. a proxy's 503, or a refused WebSocket upgrade); at the webhook hook, the
         * answer the receiver is made to give to every attempt of the event ({@code body} is not used there).
         */
        public record HttpStatus(int status, String body) implements Failure {
            public HttpStatus {
                if (status < 400 || status > 599) {
                    throw new IllegalArgumentException("http_status must be 400..599, got " + status);
                }
                body = body == null ? "" : body;
            }

            public String keyName() { return "http_status"; }
            public Set<HookPoint> allowedAt() { return EffectHooks.HTTP; }
        }

        /** Accept the WebSocket upgrade, then close at once; 1006 means "no close frame, just drop TCP". */
        public record WsClose(int code, String reason) implements Failure {
            public WsClose {
                EffectHooks.requireCloseCode(code);
                reason = reason == null ? "" : reason;
            }

            public String keyName() { return "ws_close"; }
            public Set<HookPoint> allowedAt() { return EffectHooks.WS_CLOSE; }
        }
    }

    /**
     * What ListDispatch claims for the job, independent of the truth (the journal keeps the truth).
     * {@code visible} also lists a job for a dispatch that never got one delivered, which the real
     * server would not show at all. The first report that fires wins, so it is terminal.
     */
    record Report(JobStatus status, String error, boolean visible) implements FaultEffect {
        public Report {
            Objects.requireNonNull(status, "status");
            error = error == null ? "" : error;
        }

        public String typeName() { return "report"; }
        public boolean terminal() { return true; }
        public Set<HookPoint> allowedAt() { return EffectHooks.REPORT; }
    }

    /** Never answer: the request or connection stays open with nothing sent back. */
    record Stall() implements FaultEffect {
        public String typeName() { return "stall"; }
        public boolean terminal() { return true; }
        public Set<HookPoint> allowedAt() { return EffectHooks.STALLABLE; }
    }

    /**
     * No effect on the event: the rule exists to move the scenario state ({@code then:} without {@code do:}).
     * Not a {@code do:} type; the fault hooks journal the state change, not a fault.
     */
    record NoEffect() implements FaultEffect {
        public String typeName() { return "none"; }
        public boolean terminal() { return false; }
        public Set<HookPoint> allowedAt() { return EffectHooks.EVERY; }
    }

    /** Close the worker's socket with {@code code} instead of going on. */
    record Disconnect(int code, String reason) implements FaultEffect {
        public static final int DEFAULT_CODE = 1011;

        public Disconnect {
            EffectHooks.requireCloseCode(code);
            reason = reason == null ? "" : reason;
        }

        public String typeName() { return "disconnect"; }
        public boolean terminal() { return true; }
        public Set<HookPoint> allowedAt() { return EffectHooks.WORKER_SOCKET; }
    }
}
