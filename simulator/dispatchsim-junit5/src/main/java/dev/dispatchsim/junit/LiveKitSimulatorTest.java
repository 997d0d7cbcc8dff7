package dev.dispatchsim.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts one {@link dev.dispatchsim.LiveKitSimulator} for the test class (random port) and resets it
 * before each test: rooms, dispatches, workers, journal and fault-rule counters. Test methods,
 * {@code @BeforeEach}/{@code @AfterEach}/{@code @BeforeAll} methods and constructors can take a
 * {@code LiveKitSimulator}, a {@link SimulatorRuntimeInfo}, and under {@link ClockMode#MANUAL} a
 * {@code ManualClock} or a {@code VirtualTime}. Every attribute is optional.
 *
 * <p>For one simulator per test, or to configure it in code, use a {@code @RegisterExtension}
 * {@link LiveKitSimulatorExtension} field instead (not both).
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LiveKitSimulatorExtension.class)
public @interface LiveKitSimulatorTest {

    /** The fault profile: a bundled name ({@code "late-delivery"}), a file path, or {@code "classpath:dir/x.yaml"}. */
    String profile() default "";

    /** A fault profile written inline (YAML or JSON); use instead of {@link #profile()}. */
    String profileYaml() default "";

    /** The master seed: ids, worker choice and every fault rule's draws derive from it. */
    long seed() default 0;

    ClockMode clock() default ClockMode.SYSTEM;

    String apiKey() default "devkey";

    String apiSecret() default "secret";

    /** How long a worker has to answer an AvailabilityRequest; 0 keeps livekit-server's 3 s. */
    long availabilityTimeoutMillis() default 0;

    /**
     * How long ListDispatch lists no job after the first assignment following a worker's registration;
     * -1 keeps livekit-server's 5 s, 0 turns the lag off.
     */
    long listingLagMillis() default -1;

    /** How long after the JobAssignment the simulated agent joins the room; -1 keeps 1.5 s, 0 joins it at once. */
    long agentJoinDelayMillis() default -1;
}
