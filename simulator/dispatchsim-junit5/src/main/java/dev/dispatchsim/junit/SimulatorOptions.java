package dev.dispatchsim.junit;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.SimulatorBuilder;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.profile.Profile;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * How the extension builds a simulator: from {@link LiveKitSimulatorTest}'s attributes or from
 * {@link LiveKitSimulatorExtension.Builder}. Immutable, so one extension instance can serve classes
 * running in parallel; each start gets its own clock and port.
 */
record SimulatorOptions(ProfileSource profile, long seed, ClockMode clock, String apiKey, String apiSecret,
                        Duration availabilityTimeout, Consumer<SimulatorBuilder> tweaks, boolean failOnUnfiredRules) {

    static SimulatorOptions defaults() {
        return new SimulatorOptions(new ProfileSource.None(), 0, ClockMode.SYSTEM, "devkey", "secret", null, b -> { }, false);
    }

    /** The annotation's webhook settings, applied like any other builder setting (and checked there). */
    private static Consumer<SimulatorBuilder> webhooks(List<String> urls, String key) {
        return b -> {
            urls.forEach(b::webhook);
            if (!key.isEmpty()) {
                b.webhookKey(key);
            }
        };
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
                webhooks(List.of(annotation.webhooks()), annotation.webhookKey()).andThen(b -> {
                    if (listingLag != null) {
                        b.listingLag(listingLag);
                    }
                    if (joinDelay != null) {
                        b.agentJoinDelay(joinDelay);
                    }
                }), annotation.failOnUnfiredRules());
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
        return new SimulatorOptions(value, seed, clock, apiKey, apiSecret, availabilityTimeout, tweaks, failOnUnfiredRules);
    }

    SimulatorOptions withSeed(long value) {
        return new SimulatorOptions(profile, value, clock, apiKey, apiSecret, availabilityTimeout, tweaks, failOnUnfiredRules);
    }

    SimulatorOptions withClock(ClockMode value) {
        return new SimulatorOptions(profile, seed, value, apiKey, apiSecret, availabilityTimeout, tweaks, failOnUnfiredRules);
    }

    SimulatorOptions withKeys(String key, String secret) {
        return new SimulatorOptions(profile, seed, clock, key, secret, availabilityTimeout, tweaks, failOnUnfiredRules);
    }

    SimulatorOptions withAvailabilityTimeout(Duration value) {
        return new SimulatorOptions(profile, seed, clock, apiKey, apiSecret, value, tweaks, failOnUnfiredRules);
    }

    SimulatorOptions withTweaks(Consumer<SimulatorBuilder> value) {
        return new SimulatorOptions(profile, seed, clock, apiKey, apiSecret, availabilityTimeout, tweaks.andThen(value), failOnUnfiredRules);
    }

    SimulatorOptions withFailOnUnfiredRules(boolean value) {
        return new SimulatorOptions(profile, seed, clock, apiKey, apiSecret, availabilityTimeout, tweaks, value);
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
            return builder.start(); // checks what depends on several settings, such as the webhook key among the keys
        } catch (IllegalArgumentException bad) {
            throw new ExtensionConfigurationException(where + ": " + bad.getMessage(), bad);
        }
    }
}
