package dev.dispatchsim.internal.fault.profile;

import dev.dispatchsim.internal.fault.FaultEffect;
import dev.dispatchsim.internal.fault.HookPoint;
import dev.dispatchsim.model.JobStatus;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a rule's {@code do:}: {@code {type: <effect>, ...parameters}}, or just the effect name
 * when it needs no parameters ({@code do: drop}). Valid keys depend on the type, and the effect
 * must make sense at the rule's hook point.
 */
final class EffectReader {
    static final Map<String, List<String>> KEYS = Map.of(
            "drop", List.of("type"),
            "delay", List.of("type", "fixed", "uniform", "lognormal", "normal", "max"),
            "duplicate", List.of("type", "offset"),
            "reorder", List.of("type"),
            "fail", List.of("type", "twirp", "http_status", "body", "ws_close"),
            "report", List.of("type", "status", "error", "visible"),
            "stall", List.of("type"),
            "disconnect", List.of("type", "code", "reason"));
    private static final List<String> STATUSES = Arrays.stream(JobStatus.values()).map(Enum::name).toList();

    private EffectReader() {
    }

    /** {@code at} is null when the rule's hook point is itself bad: the effect is then checked on its own. */
    static FaultEffect read(Node node, HookPoint at, Problems problems) {
        Node typeNode = typeNode(node);
        String type = Scalars.oneOf(typeNode, "effect type", FaultEffect.TYPE_NAMES,
                t -> Optional.of(t).filter(KEYS::containsKey));
        Node.Mapping mapping = node instanceof Node.Mapping m ? m
                : new Node.Mapping(Map.of("type", new Node.Entry("type", node.location(), node)), node.location());
        Fields f = Fields.of(mapping, "'do'", type + " effect key", KEYS.get(type), problems);
        FaultEffect effect = build(type, f, problems);
        if (at != null && !effect.allowedAt().contains(at)) {
            String what = effect instanceof FaultEffect.Fail fail
                    ? "effect 'fail' with '" + fail.failure().keyName() + "'" : "effect '" + type + "'";
            throw Problems.at(typeNode.location(), what + " is not allowed at hook point '" + at.wireName()
                    + "'", type, effect.allowedAt().stream().map(HookPoint::wireName).toList());
        }
        return effect;
    }

    private static Node typeNode(Node node) {
        if (node instanceof Node.Mapping m) {
            return m.get("type").map(Node.Entry::value).orElseThrow(() -> Problems.at(m.location(),
                    "missing required effect key 'type'", null, FaultEffect.TYPE_NAMES));
        }
        if (node instanceof Node.Sequence) {
            Fields.of(node, "'do'", "effect key", List.of(), new Problems()); // throws: a list is neither form
        }
        return node;
    }

    private static FaultEffect build(String type, Fields f, Problems problems) {
        switch (type) {
            case "drop":
                return new FaultEffect.Drop();
            case "delay":
                return DelayReader.read(f, problems);
            case "duplicate":
                return new FaultEffect.Duplicate(f.optional("offset").map(n -> Scalars.duration(n, "offset"))
                        .orElse(Duration.ZERO));
            case "reorder":
                return new FaultEffect.Reorder();
            case "fail":
                return new FaultEffect.Fail(FailureReader.read(f, problems));
            case "report":
                return new FaultEffect.Report(
                        Scalars.oneOf(f.required("status"), "job status", STATUSES, EffectReader::status),
                        f.optional("error").map(n -> Scalars.text(n, "error")).orElse(""),
                        f.optional("visible").map(n -> Scalars.bool(n, "visible")).orElse(false));
            case "stall":
                return new FaultEffect.Stall();
            default:
                return new FaultEffect.Disconnect(
                        f.optional("code").map(n -> Scalars.smallInt(n, "code", 1000, 4999))
                                .orElse(FaultEffect.Disconnect.DEFAULT_CODE),
                        f.optional("reason").map(n -> Scalars.text(n, "reason")).orElse(""));
        }
    }

    private static Optional<JobStatus> status(String name) {
        return Arrays.stream(JobStatus.values()).filter(s -> s.name().equals(name)).findFirst();
    }
}
