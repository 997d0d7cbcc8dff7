package dev.dispatchsim.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The fault profile for one test method, instead of the class's: loaded before the test (after the
 * reset, so its rule counters start at zero), and the class's profile is back for the next test.
 * Give exactly one of {@link #value()} and {@link #yaml()}.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(FaultProfileCheck.class)
public @interface FaultProfile {

    /** A bundled name ({@code "late-delivery"}), a file path, or {@code "classpath:dir/x.yaml"}. */
    String value() default "";

    /** The profile written inline (YAML or JSON). */
    String yaml() default "";

    /**
     * Fail the test, once it has passed, when a rule of this profile never fired (a disabled rule excepted): the
     * test then did not exercise what its profile says. On by default; {@link AllowUnfiredRules} opts a class out.
     */
    boolean failOnUnfiredRules() default true;
}
