package dev.dispatchsim.journal;

import dev.dispatchsim.model.JobStatus;

import java.time.Duration;

/**
 * What a fault rule did to the event it fired on, as a value: a test asks
 * {@code effect instanceof AppliedEffect.Delayed d && d.by().toSeconds() > 5} instead of parsing text.
 * {@link #type()} is the profile's name for the kind of effect; the admin API's JSON carries it as
 * {@code "type"} beside the values ({@code {"type": "delay", "by": "PT12.185S"}}).
 */
public sealed interface AppliedEffect {

    /** drop, delay, duplicate, reorder, fail, report, stall or disconnect. */
    String type();

    /** The event was lost: the message was not sent, or not processed. */
    record Dropped() implements AppliedEffect {
        @Override
        public String type() {
            return "drop";
        }
    }

    /** The event happens {@code by} later (the sampled delay; several delays at one hook each journal theirs). */
    record Delayed(Duration by) implements AppliedEffect {
        @Override
        public String type() {
            return "delay";
        }
    }

    /** The event happened again, a copy {@code offset} after the original. */
    record Duplicated(Duration offset) implements AppliedEffect {
        @Override
        public String type() {
            return "duplicate";
        }
    }

    /** The webhook event was held back and queued right after the next event for the same room and URL. */
    record Reordered() implements AppliedEffect {
        @Override
        public String type() {
            return "reorder";
        }
    }

    /**
     * The request was answered with an error instead: HTTP {@code status}, the Twirp {@code code} (empty for
     * a plain HTTP answer) and the message or body the client got. At the webhook hook the simulator's sender
     * acts as if the receiver had answered {@code status} to every attempt of the event.
     */
    record Failed(int status, String code, String message) implements AppliedEffect {
        @Override
        public String type() {
            return "fail";
        }
    }

    /** ListDispatch reported the job as {@code status} (and {@code error}); {@code visible}: even one never delivered. */
    record Reported(JobStatus status, String error, boolean visible) implements AppliedEffect {
        @Override
        public String type() {
            return "report";
        }
    }

    /** Nothing was answered: the request or connection stays open with nothing sent back. */
    record Stalled() implements AppliedEffect {
        @Override
        public String type() {
            return "stall";
        }
    }

    /** The worker's socket was closed with {@code code} and {@code reason} instead. */
    record Disconnected(int code, String reason) implements AppliedEffect {
        @Override
        public String type() {
            return "disconnect";
        }
    }
}
