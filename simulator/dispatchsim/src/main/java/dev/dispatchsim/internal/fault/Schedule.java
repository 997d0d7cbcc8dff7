package dev.dispatchsim.internal.fault;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * When a rule fires among the events its selector matches. Every criterion is optional and all
 * given ones must hold; the defaults ({@link #always()}) make the rule fire on every match.
 * Counts are per rule: {@code occurrence} is the 1-based number of the matching event, and
 * {@code atMost} caps how often the rule fires in total. 0 means "not set" for the counts,
 * because 0 is never a useful value for any of them ({@code after: 0} is the same as unset).
 *
 * @param occurrences       fire on exactly these matching events (empty = any)
 * @param first             fire on the first n matching events
 * @param after             fire on every matching event after the first n
 * @param every             fire on every k-th matching event (k, 2k, 3k …)
 * @param probability       fire with this chance, drawn from the rule's own seeded generator;
 *                          1 means no draw at all
 * @param window            virtual-time window since the simulator started
 * @param atMost            fire at most n times in total
 * @param inFlightAtLeast   fire only while the context reports at least n in-flight dispatches
 */
public record Schedule(
        List<Long> occurrences,
        long first,
        long after,
        long every,
        double probability,
        Window window,
        long atMost,
        int inFlightAtLeast) {

    private static final Schedule ALWAYS = new Schedule(List.of(), 0, 0, 0, 1.0, Window.UNBOUNDED, 0, 0);

    public Schedule {
        occurrences = List.copyOf(occurrences);
        Objects.requireNonNull(window, "window");
        if (occurrences.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("occurrences are 1-based, got " + occurrences);
        }
        if (first < 0 || after < 0 || every < 0 || atMost < 0 || inFlightAtLeast < 0) {
            throw new IllegalArgumentException("counts must be >= 0 (0 = not set)");
        }
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be in 0..1, got " + probability);
        }
    }

    public static Schedule always() {
        return ALWAYS;
    }

    /** Whether a probability draw is needed; a rule with probability 1 never touches its generator. */
    public boolean draws() {
        return probability < 1.0;
    }

    /**
     * @param occurrence  1-based count of matching events, this one included
     * @param firedBefore how often the rule has fired before this event
     * @param draw        the rule's uniform draw in [0, 1) for this event; ignored unless {@link #draws()}
     */
    public boolean admits(long occurrence, long firedBefore, FaultContext ctx, double draw) {
        return (occurrences.isEmpty() || occurrences.contains(occurrence))
                && (first == 0 || occurrence <= first)
                && occurrence > after
                && (every == 0 || occurrence % every == 0)
                && window.contains(ctx.virtualTime())
                && (atMost == 0 || firedBefore < atMost)
                && ctx.inFlightDispatches() >= inFlightAtLeast
                && (!draws() || draw < probability);
    }

    public Schedule withOccurrences(Long... n) {
        return new Schedule(List.of(n), first, after, every, probability, window, atMost, inFlightAtLeast);
    }

    public Schedule withFirst(long n) {
        return new Schedule(occurrences, n, after, every, probability, window, atMost, inFlightAtLeast);
    }

    public Schedule withAfter(long n) {
        return new Schedule(occurrences, first, n, every, probability, window, atMost, inFlightAtLeast);
    }

    public Schedule withEvery(long k) {
        return new Schedule(occurrences, first, after, k, probability, window, atMost, inFlightAtLeast);
    }

    public Schedule withProbability(double p) {
        return new Schedule(occurrences, first, after, every, p, window, atMost, inFlightAtLeast);
    }

    public Schedule withWindow(Duration from, Duration to) {
        return new Schedule(occurrences, first, after, every, probability, new Window(from, to), atMost, inFlightAtLeast);
    }

    public Schedule withAtMost(long n) {
        return new Schedule(occurrences, first, after, every, probability, window, n, inFlightAtLeast);
    }

    public Schedule withInFlightAtLeast(int n) {
        return new Schedule(occurrences, first, after, every, probability, window, atMost, n);
    }

    /**
     * A half-open virtual-time interval [from, to).
     *
     * @param to null for "no end"
     */
    public record Window(Duration from, Duration to) {
        public static final Window UNBOUNDED = new Window(Duration.ZERO, null);

        public Window {
            Objects.requireNonNull(from, "from");
            if (from.isNegative() || (to != null && to.compareTo(from) <= 0)) {
                throw new IllegalArgumentException("window needs 0 <= from < to, got " + from + ".." + to);
            }
        }

        public boolean contains(Duration t) {
            return t.compareTo(from) >= 0 && (to == null || t.compareTo(to) < 0);
        }
    }
}
