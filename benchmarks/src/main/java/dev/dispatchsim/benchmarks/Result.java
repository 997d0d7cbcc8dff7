package dev.dispatchsim.benchmarks;

import java.util.Locale;

/**
 * One row of the table: the simulator's figure, its anchor's, their ratio (the median of the per-round
 * ratios of alternating A/B runs), the goal, whether it is met, the rounds and the ratio's spread.
 */
record Result(String measure, String value, String anchor, double ratio, String goal, boolean met, int rounds,
              String spread) {

    static Result paired(String measure, String unit, Samples a, Samples b, Samples ratios, String goal, boolean met) {
        return new Result(measure, fmt(a.median()) + " " + unit, fmt(b.median()) + " " + unit, ratios.median(), goal, met,
                ratios.size(), fmt(ratios.min()) + "–" + fmt(ratios.max()) + "×");
    }

    static Result skipped(String measure, String why) {
        return new Result(measure, "skipped: " + why, "", Double.NaN, "", false, 0, "");
    }

    static String fmt(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (Math.abs(value) >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    String markdown() {
        return "| " + measure + " | " + value + " | " + anchor + " | " + (Double.isNaN(ratio) ? "–" : fmt(ratio) + "×")
                + " | " + goal + " | " + (goal.isEmpty() ? "" : met ? "yes" : "**no**") + " | " + rounds + " | " + spread + " |";
    }

    static String header() {
        return "| measure | dispatchsim | anchor | ratio | goal | met | N | ratio spread |\n"
                + "|---|---|---|---|---|---|---|---|";
    }
}
