package dev.dispatchsim.junit;



/** Which clock a test's simulator runs on. */
public enum ClockMode {
    /** Real time, like a real server: for clients with their own timers (SDKs, agent workers). */
    SYSTEM,
    /**
     * A {@link dev.dispatchsim.clock.ManualClock}: time moves only when the test moves it, so a 16 s
     * fault delay costs no wall time and every run has the same timing. Move it with
     * {@link dev.dispatchsim.testkit.VirtualTime}.
     */
    MANUAL
}
