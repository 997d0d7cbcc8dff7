package dev.dispatchsim.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Opts a test method, or every test of a class, out of the unfired-rules check: by default a test with its
 * own {@link FaultProfile} fails when one of the profile's rules never fired (the WireMock
 * {@code failOnUnmatchedRequests} idea: a rule that never fired usually means the test did not test what it says).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AllowUnfiredRules {
}
