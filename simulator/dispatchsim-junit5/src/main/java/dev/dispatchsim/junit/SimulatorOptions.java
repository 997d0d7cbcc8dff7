package dev.dispatchsim.junit;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.SimulatorBuilder;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.profile.Profile;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * How the extension builds a simulator: from {@link LiveKitSimulatorTest}'s attributes or from
 * {@link LiveKitSimulatorExtension.Builder}. Immutable, so one extension instance can serve classes
 * running in parallel; each start gets its own clock and port.
 */
record SimulatorOptions(ProfileSource profile, long seed, ClockMode clock, String apiKey, String apiSecret,
                        Duration availabilityTimeout, Consumer<SimulatorBuilder> tweaks) {

    static SimulatorOptions defaults() {
        return new SimulatorOptions(new ProfileSource.None(), 0, ClockMode.SYSTEM, "devkey", "secret", null, b -> { });
    }

    static SimulatorOptions from(LiveKitSimulatorTest annotation, String where) {
        if (annotation.availabilityTimeoutMillis() < 0) {
            throw new ExtensionConfigurationException(where + ": availabilityTimeoutMillis must be 0 (server default) or positive, was "
                    + annotation.availabilityTimeoutMillis());
        }
        Duration listingLag = keepOrMillis(annotation.listingLagMillis(), "listingLagMillis", where);
        Duration joinDelay = keepOrMillis(annotation.agentJoinDelayMillis(), "agentJoinDelayMillis", where);
        return new SimulatorOptions(ProfileSource.of(annotation.profile(), annotation.profileYaml(), where),
                annotation.seed(), annotation.clock(), annotation.apiKey(), annotation.apiSecret(),
                annotation.availabilityTimeoutMillis() == 0 ? null : Duration.ofMillis(annotation.availabilityTimeoutMillis()),
                b -> {
                    if (listingLag != null) {
                        b.listingLag(listingLag);
                    }
                    if (joinDelay != null) {
                        b.agentJoinDelay(joinDelay);
                    }
                });
    }

    /** -1 keeps the server's default (null), 0 or more is that many milliseconds. */
    private static Duration keepOrMillis(long millis, String attribute, String where) {
        if (millis < -1) {
            throw new ExtensionConfigurationException(where + ": " + attribute
                    + " must be -1 (server default), 0 (off) or positive, was " + millis);
        }
        return millis == -1 ? null : Duration.ofMillis(millis);
    }

    SimulatorOptions withProfile(ProfileSource value) {
        return new SimulatorOptions(value, seed, clock, apiKey, apiSecret, availabilityTimeout, tweaks);
    }

    SimulatorOptions withSeed(long value) {
        return new SimulatorOptions(profile, value, clock, apiKey, apiSecret, availabilityTimeout, tweaks);
    }

    SimulatorOptions withClock(ClockMode value) {
        return new SimulatorOptions(profile, seed, value, apiKey, apiSecret, availabilityTimeout, tweaks);
    }

    SimulatorOptions withKeys(String key, String secret) {
        return new SimulatorOptions(profile, seed, clock, key, secret, availabilityTimeout, tweaks);
    }

    SimulatorOptions withAvailabilityTimeout(Duration value) {
        return new SimulatorOptions(profile, seed, clock, apiKey, apiSecret, value, tweaks);
    }

    SimulatorOptions withTweaks(Consumer<SimulatorBuilder> value) {
        return new SimulatorOptions(profile, seed, clock, apiKey, apiSecret, availabilityTimeout, tweaks.andThen(value));
    }

    /** A fresh simulator on a random port; bad settings fail naming {@code where}. */
    LiveKitSimulator start(Profile startProfile, String where) {
        SimulatorBuilder builder = LiveKitSimulator.builder().port(0).seed(seed).profile(startProfile);
        // A ManualClock drives exactly one simulator, so every start gets a new one.
        if (clock == ClockMode.MANUAL) {
            builder.clock(new ManualClock());
        }
        try {
            builder.apiKey(apiKey, apiSecret);
            if (availabilityTimeout != null) {
                builder.availabilityTimeout(availabilityTimeout);
            }
            tweaks.accept(builder);
        } catch (IllegalArgumentException bad) {
            throw new ExtensionConfigurationException(where + ": " + bad.getMessage(), bad);
        }
        return builder.start();
    }
}
