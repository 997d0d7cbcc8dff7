package dev.dispatchsim.tests.junit.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Enables {@link Fixture} classes only when {@link FixtureRun} sets its configuration parameter. */
public final class OnlyInFixtureRun implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getConfigurationParameter(FixtureRun.PARAMETER).isPresent()
                ? ConditionEvaluationResult.enabled("run by FixtureRun")
                : ConditionEvaluationResult.disabled("a fixture: only FixtureRun runs it");
    }
}
