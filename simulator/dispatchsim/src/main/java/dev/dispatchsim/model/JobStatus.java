package dev.dispatchsim.model;



/** A job's status, with LiveKit's names and numbers (JS_PENDING = 0 … JS_FAILED = 3). */
public enum JobStatus {
    JS_PENDING, JS_RUNNING, JS_SUCCESS, JS_FAILED;

    public boolean isFinal() {
        return this == JS_SUCCESS || this == JS_FAILED;
    }
}
