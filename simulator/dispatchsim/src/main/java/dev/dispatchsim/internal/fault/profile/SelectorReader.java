package dev.dispatchsim.internal.fault.profile;

import com.google.re2j.PatternSyntaxException;
import dev.dispatchsim.internal.fault.Selector;
import dev.dispatchsim.internal.fault.TextPattern;
import dev.dispatchsim.internal.fault.WebhookEventNames;
import dev.dispatchsim.model.DispatchSource;
import dev.dispatchsim.model.JobType;
import dev.dispatchsim.model.ParticipantKind;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads a rule's {@code match:} mapping. */
final class SelectorReader {
    static final List<String> KEYS = List.of("service", "method", "agent", "room", "room_regex", "source",
            "job_type", "worker", "worker_agent", "worker_order", "metadata_contains", "event", "participant_kind", "url");
    private static final List<String> JOB_TYPES = Arrays.stream(JobType.values()).map(Enum::name).toList();
    private static final List<String> KINDS = Arrays.stream(ParticipantKind.values()).map(Enum::name).toList();

    private SelectorReader() {
    }

    static Selector read(Optional<Node> node) {
        if (node.isEmpty()) {
            return Selector.any();
        }
        Fields f = Fields.of(node.get(), "'match'", "selector", KEYS);
        Selector s = Selector.any();
        s = glob(f, "service").map(s::withService).orElse(s);
        s = glob(f, "method").map(s::withMethod).orElse(s);
        s = glob(f, "agent").map(s::withAgent).orElse(s);
        s = glob(f, "room").map(s::withRoom).orElse(s);
        if (f.optional("room_regex").isPresent()) {
            s = roomRegex(s, f.optional("room_regex").get());
        }
        s = f.optional("source").map(n -> Scalars.oneOf(n, "dispatch source", DispatchSource.wireNames(),
                SelectorReader::source)).map(s::withSource).orElse(s);
        s = f.optional("job_type").map(n -> Scalars.oneOf(n, "job type", JOB_TYPES,
                SelectorReader::jobType)).map(s::withJobType).orElse(s);
        s = glob(f, "worker").map(s::withWorker).orElse(s);
        s = glob(f, "worker_agent").map(s::withWorkerAgent).orElse(s);
        s = f.optional("worker_order").map(n -> (int) Math.min(Scalars.integer(n, "worker_order", 1), Integer.MAX_VALUE))
                .map(s::withWorkerOrder).orElse(s);
        s = f.optional("metadata_contains").map(n -> Scalars.text(n, "metadata_contains"))
                .map(s::withMetadataContains).orElse(s);
        if (f.optional("event").isPresent()) {
            s = s.withEvent(webhookEvent(f.optional("event").get()));
        }
        s = f.optional("participant_kind").map(n -> Scalars.oneOf(n, "participant kind", KINDS,
                SelectorReader::kind)).map(s::withParticipantKind).orElse(s);
        s = glob(f, "url").map(s::withUrl).orElse(s);
        return s;
    }

    /** A glob that must name at least one event the simulator sends, so a typo cannot make a rule that never fires. */
    private static String webhookEvent(Node node) {
        String glob = Scalars.text(node, "event");
        TextPattern pattern = TextPattern.glob(glob);
        if (WebhookEventNames.ALL.stream().noneMatch(pattern::matches)) {
            throw Problems.at(node.location(), "unknown webhook event '" + glob + "'", glob, WebhookEventNames.ALL);
        }
        return glob;
    }

    private static Optional<String> glob(Fields f, String key) {
        return f.optional(key).map(n -> Scalars.text(n, key));
    }

    private static Selector roomRegex(Selector s, Node node) {
        String regex = Scalars.text(node, "room_regex");
        try {
            return s.withRoomRegex(regex);
        } catch (PatternSyntaxException e) {
            // RE2 syntax: no backreferences, no lookaround (they cannot be matched in linear time)
            throw Problems.at(node.location(), "bad regular expression '" + regex + "' for 'room_regex' ("
                    + e.getDescription() + (e.getPattern().isEmpty() ? "" : ": " + e.getPattern())
                    + "); room_regex uses RE2 syntax, which has no backreferences and no lookaround", regex, List.of());
        }
    }

    private static Optional<DispatchSource> source(String wire) {
        return Arrays.stream(DispatchSource.values()).filter(d -> d.wireName().equals(wire)).findFirst();
    }

    private static Optional<ParticipantKind> kind(String name) {
        return Arrays.stream(ParticipantKind.values()).filter(k -> k.name().equals(name)).findFirst();
    }

    private static Optional<JobType> jobType(String name) {
        return Arrays.stream(JobType.values()).filter(t -> t.name().equals(name)).findFirst();
    }
}
