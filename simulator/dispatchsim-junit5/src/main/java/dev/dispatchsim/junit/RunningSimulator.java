package dev.dispatchsim.junit;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.profile.Profile;

/**
 * A simulator in an {@code ExtensionContext.Store}: the class's store when it is shared by the class,
 * the method's when it belongs to one test. JUnit closes it with the store (it is AutoCloseable).
 *
 * @param classProfile the profile to go back to after a test that used its own ({@code @FaultProfile})
 * @param origin       the annotation or field that asked for it, for messages
 */
record RunningSimulator(LiveKitSimulator sim, Profile classProfile, String origin, boolean shared) implements AutoCloseable {

    @Override
    public void close() {
        sim.close();
    }
}
