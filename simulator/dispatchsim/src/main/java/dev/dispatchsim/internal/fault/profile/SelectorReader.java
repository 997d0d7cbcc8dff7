package dev.dispatchsim.internal.fault.profile;

import com.google.re2j.PatternSyntaxException;
import dev.dispatchsim.internal.fault.HookPoint;
import dev.dispatchsim.internal.fault.HookSelectors;
import dev.dispatchsim.internal.fault.Selector;
import dev.dispatchsim.internal.fault.TextPattern;
import dev.dispatchsim.internal.fault.TwirpRpcs;
import dev.dispatchsim.internal.fault.WebhookEventNames;
import dev.dispatchsim.model.DispatchSource;
import dev.dispatchsim.model.JobType;
import dev.dispatchsim.model.ParticipantKind;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads a rule's {@code match:} mapping. Each selector is checked on its own (all problems in one round),
 * against the hook (a selector the hook cannot know would never match), for {@code service} and
 * {@code method} against the RPCs the simulator serves, and for {@code event} against the webhook events it sends.
 */
final class SelectorReader {
    static final List<String> KEYS = List.of("service", "method", "agent", "room", "room_regex", "source",
            "job_type", "worker", "worker_agent", "worker_order", "metadata_contains", "event", "participant_kind", "url");
    private static final List<String> JOB_TYPES = Arrays.stream(JobType.values()).map(Enum::name).toList();
    private static final List<String> KINDS = Arrays.stream(ParticipantKind.values()).map(Enum::name).toList();

    private SelectorReader() {
    }

    /** {@code at} is null when the rule's hook point is itself bad; the per-hook check is then skipped. */
    static Selector read(Optional<Node> node, HookPoint at, Problems problems) {
        if (node.isEmpty()) {
            return Selector.any();
        }
        Fields f = Fields.of(node.get(), "'match'", "selector", KEYS, problems);
        if (at != null) {
            f.present(KEYS).forEach(key -> problems.check(() -> knownAt(f, key, at)));
        }
        Selector[] s = {Selector.any()};
        problems.attempt(() -> glob(f, "service")).ifPresent(v -> s[0] = s[0].withService(v));
        problems.attempt(() -> glob(f, "method")).ifPresent(v -> s[0] = s[0].withMethod(v));
        problems.attempt(() -> glob(f, "agent")).ifPresent(v -> s[0] = s[0].withAgent(v));
        problems.attempt(() -> glob(f, "room")).ifPresent(v -> s[0] = s[0].withRoom(v));
        problems.attempt(() -> f.optional("room_regex").map(SelectorReader::roomRegex).orElse(null))
                .ifPresent(v -> s[0] = s[0].withRoomRegex(v));
        problems.attempt(() -> f.optional("source").map(n -> Scalars.oneOf(n, "dispatch source",
                DispatchSource.wireNames(), SelectorReader::source)).orElse(null)).ifPresent(v -> s[0] = s[0].withSource(v));
        problems.attempt(() -> f.optional("job_type").map(n -> Scalars.oneOf(n, "job type", JOB_TYPES,
                SelectorReader::jobType)).orElse(null)).ifPresent(v -> s[0] = s[0].withJobType(v));
        problems.attempt(() -> glob(f, "worker")).ifPresent(v -> s[0] = s[0].withWorker(v));
        problems.attempt(() -> glob(f, "worker_agent")).ifPresent(v -> s[0] = s[0].withWorkerAgent(v));
        problems.attempt(() -> f.optional("worker_order").map(n -> (int) Math.min(Scalars.integer(n, "worker_order", 1),
                Integer.MAX_VALUE)).orElse(null)).ifPresent(v -> s[0] = s[0].withWorkerOrder(v));
        problems.attempt(() -> f.optional("metadata_contains").map(n -> Scalars.text(n, "metadata_contains")).orElse(null))
                .ifPresent(v -> s[0] = s[0].withMetadataContains(v));
        problems.attempt(() -> f.optional("event").map(SelectorReader::webhookEvent).orElse(null))
                .ifPresent(v -> s[0] = s[0].withEvent(v));
        problems.attempt(() -> f.optional("participant_kind").map(n -> Scalars.oneOf(n, "participant kind", KINDS,
                SelectorReader::kind)).orElse(null)).ifPresent(v -> s[0] = s[0].withParticipantKind(v));
        problems.attempt(() -> glob(f, "url")).ifPresent(v -> s[0] = s[0].withUrl(v));
        problems.check(() -> servedRpc(f, s[0]));
        return s[0];
    }

    /** A selector on a field the hook never fills in would never match: refused, saying where it does mean something. */
    private static void knownAt(Fields f, String key, HookPoint at) {
        List<String> known = HookSelectors.at(at);
        if (known.contains(key)) {
            return;
        }
        List<String> where = HookSelectors.hooksFor(key);
        String problem = "selector '" + key + "' can never match at hook point '" + at.wireName() + "', which does not know "
                + "that field (it is known at " + String.join(", ", where) + ")"
                + (known.isEmpty() ? "; '" + at.wireName() + "' takes no selectors" : "");
        throw Problems.withoutSuggestion(f.keyLocation(key), problem, key, known);
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

    /** Literal names must be served ones; a glob must match at least one. */
    private static void servedRpc(Fields f, Selector s) {
        if (s.service() != null) {
            requireServed(f.optional("service").orElseThrow(), s.service(), "Twirp service", "", TwirpRpcs.services());
        }
        if (s.method() != null) {
            List<String> methods = TwirpRpcs.methods(s.service());
            String of = s.service() == null || methods.isEmpty() ? "" : " of " + s.service().source();
            requireServed(f.optional("method").orElseThrow(), s.method(), "Twirp method", of,
                    methods.isEmpty() ? TwirpRpcs.methods() : methods);
        }
    }

    private static void requireServed(Node node, TextPattern pattern, String noun, String of, List<String> served) {
        if (served.stream().anyMatch(pattern::matches)) {
            return;
        }
        boolean glob = pattern.source().contains("*") || pattern.source().contains("?");
        throw Problems.at(node.location(), (glob ? noun + " pattern '" + pattern.source() + "' matches none" + of
                : "unknown " + noun + " '" + pattern.source() + "'" + of), pattern.source(), served);
    }

    private static String glob(Fields f, String key) {
        return f.optional(key).map(n -> Scalars.text(n, key)).orElse(null);
    }

    private static String roomRegex(Node node) {
        String regex = Scalars.text(node, "room_regex");
        try {
            TextPattern.regex(regex);
            return regex;
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
