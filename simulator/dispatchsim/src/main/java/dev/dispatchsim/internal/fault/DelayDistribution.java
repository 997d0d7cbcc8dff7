package dev.dispatchsim.internal.fault;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long a {@code delay} effect holds an event back. Samples come from the firing rule's own
 * seeded generator, are clamped at zero (a normal can go negative) and rounded to whole
 * milliseconds so that journal entries read cleanly; a fixed delay is used exactly.
 */
public sealed interface DelayDistribution {

    /** The YAML key that selects this distribution. */
    String typeName();

    Duration sample(RandomGenerator rng);

    record Fixed(Duration value) implements DelayDistribution {
        public Fixed {
            requireNonNegative(value, "fixed");
        }

        public String typeName() { return "fixed"; }

        public Duration sample(RandomGenerator rng) {
            return value;
        }
    }

    record Uniform(Duration min, Duration max) implements DelayDistribution {
        public Uniform {
            requireNonNegative(min, "min");
            requireNonNegative(max, "max");
            if (max.compareTo(min) < 0) {
                throw new IllegalArgumentException("uniform needs min <= max, got " + min + ".." + max);
            }
        }

        public String typeName() { return "uniform"; }

        public Duration sample(RandomGenerator rng) {
            double span = max.toNanos() - (double) min.toNanos();
            return fromNanos(min.toNanos() + rng.nextDouble() * span);
        }
    }

    /** Log-normal with the given median (= e^mu) and sigma of the underlying normal: long right tail. */
    record LogNormal(Duration median, double sigma) implements DelayDistribution {
        public LogNormal {
            requireNonNegative(median, "median");
            if (!(sigma >= 0) || Double.isInfinite(sigma)) {
                throw new IllegalArgumentException("lognormal sigma must be >= 0, got " + sigma);
            }
        }

        public String typeName() { return "lognormal"; }

        public Duration sample(RandomGenerator rng) {
            return fromNanos(median.toNanos() * Math.exp(sigma * rng.nextGaussian()));
        }
    }

    record Normal(Duration mean, Duration stddev) implements DelayDistribution {
        public Normal {
            requireNonNegative(mean, "mean");
            requireNonNegative(stddev, "stddev");
        }

        public String typeName() { return "normal"; }

        public Duration sample(RandomGenerator rng) {
            return fromNanos(mean.toNanos() + stddev.toNanos() * rng.nextGaussian());
        }
    }

    private static void requireNonNegative(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must be >= 0, got " + d);
        }
    }

    private static Duration fromNanos(double nanos) {
        // clamp first: a normal can go below zero, a lognormal tail can overflow a long
        double clamped = Math.max(0, Math.min(nanos, Long.MAX_VALUE / 2.0));
        return Duration.ofMillis(Math.round(clamped / 1_000_000));
    }
}
