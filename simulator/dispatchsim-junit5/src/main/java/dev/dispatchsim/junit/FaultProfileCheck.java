package dev.dispatchsim.junit;

import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered by {@link FaultProfile}: fails a test whose {@code @FaultProfile} no simulator loaded,
 * which would otherwise run silently without its faults. It runs after every before-each step, so
 * it does not depend on the order extensions were registered in.
 */
final class FaultProfileCheck implements BeforeTestExecutionCallback {

    static final String APPLIED = "fault-profile-applied";

    @Override
    public void beforeTestExecution(ExtensionContext context) {
        if (context.getStore(LiveKitSimulatorExtension.NAMESPACE).get(APPLIED) == null) {
            throw new ExtensionConfigurationException("@FaultProfile on " + context.getRequiredTestClass().getName() + "."
                    + context.getRequiredTestMethod().getName() + "() has no simulator to load it into: annotate the class "
                    + "@LiveKitSimulatorTest or register a LiveKitSimulatorExtension field");
        }
    }
}
