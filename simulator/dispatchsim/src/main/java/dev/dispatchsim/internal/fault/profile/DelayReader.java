package dev.dispatchsim.internal.fault.profile;

import dev.dispatchsim.internal.fault.DelayDistribution;
import dev.dispatchsim.internal.fault.FaultEffect;

import java.time.Duration;
import java.util.List;

/** Reads the parameters of {@code do: {type: delay, ...}}: one distribution and an optional cap. */
final class DelayReader {
    static final List<String> DISTRIBUTIONS = List.of("fixed", "uniform", "lognormal", "normal");

    private DelayReader() {
    }

    static FaultEffect.Delay read(Fields f, Problems problems) {
        List<String> given = f.present(DISTRIBUTIONS);
        if (given.size() != 1) {
            throw Problems.at(f.location(), "effect 'delay' needs exactly one distribution; got "
                    + (given.isEmpty() ? "none" : String.join(", ", given)), String.join(", ", given), DISTRIBUTIONS);
        }
        String kind = given.get(0);
        Node node = f.required(kind);
        Duration max = f.optional("max").map(n -> Scalars.duration(n, "max")).orElse(null);
        return new FaultEffect.Delay(distribution(kind, node, problems), max);
    }

    private static DelayDistribution distribution(String kind, Node node, Problems problems) {
        switch (kind) {
            case "fixed":
                return new DelayDistribution.Fixed(Scalars.duration(node, "fixed"));
            case "uniform":
                return uniform(Fields.of(node, "'uniform'", "uniform key", List.of("min", "max"), problems));
            case "lognormal":
                Fields ln = Fields.of(node, "'lognormal'", "lognormal key", List.of("median", "sigma"), problems);
                return new DelayDistribution.LogNormal(Scalars.duration(ln.required("median"), "median"),
                        nonNegative(ln.required("sigma"), "sigma"));
            default:
                Fields n = Fields.of(node, "'normal'", "normal key", List.of("mean", "stddev"), problems);
                return new DelayDistribution.Normal(Scalars.duration(n.required("mean"), "mean"),
                        Scalars.duration(n.required("stddev"), "stddev"));
        }
    }

    private static DelayDistribution uniform(Fields f) {
        Duration min = Scalars.duration(f.required("min"), "min");
        Node maxNode = f.required("max");
        Duration max = Scalars.duration(maxNode, "max");
        if (max.compareTo(min) < 0) {
            throw Problems.at(maxNode.location(), "uniform 'max' " + Fields.quoted(maxNode)
                    + " is less than 'min'", maxNode.display(), List.of());
        }
        return new DelayDistribution.Uniform(min, max);
    }

    private static double nonNegative(Node node, String key) {
        double v = Scalars.number(node, key);
        if (v < 0) {
            throw Scalars.bad(node, key, List.of("a number >= 0"));
        }
        return v;
    }
}
