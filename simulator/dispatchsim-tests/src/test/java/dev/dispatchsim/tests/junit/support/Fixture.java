package dev.dispatchsim.tests.junit.support;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that exists to be run by {@link FixtureRun} (JUnit's EngineTestKit): it is
 * skipped anywhere else, e.g. when an IDE runs every class of the package.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(OnlyInFixtureRun.class)
public @interface Fixture {
}
