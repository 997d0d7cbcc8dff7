package dev.dispatchsim.internal.fault.profile;

import dev.dispatchsim.internal.fault.RuleProfile;
import dev.dispatchsim.profile.ProfileException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** One test per error class, each asserting the exact message a user sees. */
class ProfileErrorsTest {
    private static final String HOOKS = "twirp_request, dispatch_created, availability_request, availability_response,"
            + " job_assignment, agent_join, job_status_report, job_termination, worker_connect, worker_register,"
            + " worker_frame, webhook";

    static ProfileException error(ThrowingCallable load) {
        ProfileException e = catchThrowableOfType(ProfileException.class, load);
        assertThat(e).as("expected a ProfileException").isNotNull();
        return e;
    }

    static String errorOf(ThrowingCallable load) {
        return error(load).getMessage();
    }

    /** Wraps one rule (given at rule-list indentation) in a profile; the rule starts on line 3. */
    private static String inRule(String... ruleLines) {
        return "name: p\nrules:\n" + String.join("\n", ruleLines) + "\n";
    }

    private static String load(String yaml) {
        return errorOf(() -> ProfileLoader.fromYaml(yaml, "checkout.yaml"));
    }

    @Test
    void should_name_file_line_column_bad_value_and_valid_values_when_hook_point_is_unknown() {
        // GIVEN
        String yaml = inRule("  - name: r", "    at: availabilty_request", "    do: drop");
        // WHEN
        ProfileException e = error(() -> ProfileLoader.fromYaml(yaml, "checkout.yaml"));
        // THEN
        assertThat(e.getMessage()).isEqualTo("checkout.yaml:4:9: unknown hook point 'availabilty_request'"
                + " (did you mean 'availability_request'?); valid: " + HOOKS);
        assertThat(e.file()).isEqualTo("checkout.yaml");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(9);
        assertThat(e.badValue()).isEqualTo("availabilty_request");
        assertThat(e.validValues()).hasSize(12).startsWith("twirp_request").endsWith("webhook");
        assertThat(e.problem()).isEqualTo("unknown hook point 'availabilty_request'");
        assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.suggestion()).isEqualTo("availability_request"));
    }

    @Test
    void should_say_inline_when_the_profile_has_no_file() {
        assertThat(errorOf(() -> ProfileLoader.fromYaml("name: p\nrulez: []\n")))
                .isEqualTo("<inline>:2:1: unknown profile key 'rulez' (did you mean 'rules'?); valid: name, description, seed,"
                        + " seed_fixed, states, rules");
    }

    @Test
    void should_list_the_valid_keys_of_that_level_when_a_key_is_unknown() {
        assertThat(load(inRule("  - name: r", "    at: agent_join", "    when: {probabilty: 0.3}", "    do: drop")))
                .isEqualTo("checkout.yaml:5:12: unknown schedule key 'probabilty' (did you mean 'probability'?); valid: always,"
                        + " occurrences, first, after, every, probability, window, at_most, in_flight_at_least, state");
        assertThat(load(inRule("  - name: r", "    at: agent_join", "    match: {agnt: x}", "    do: drop")))
                .isEqualTo("checkout.yaml:5:13: unknown selector 'agnt' (did you mean 'agent'?); valid: service, method, agent, room,"
                        + " room_regex, source, job_type, worker, worker_agent, worker_order, metadata_contains, event,"
                        + " participant_kind, url");
        assertThat(load(inRule("  - name: r", "    at: agent_join", "    do: {type: delay, fixed: 1s, median: 2s}")))
                .isEqualTo("checkout.yaml:5:34: unknown delay effect key 'median'; valid: type, fixed, uniform,"
                        + " lognormal, normal, max");
    }

    @Test
    void should_show_valid_examples_when_a_duration_is_bad() {
        assertThat(load(inRule("  - name: r", "    at: agent_join", "    do: {type: delay, fixed: 10}")))
                .isEqualTo("checkout.yaml:5:30: bad duration '10' for 'fixed' (numbers with units h, m, s or ms, or"
                        + " ISO-8601) (did you mean '10s'?); valid: 10s, 2m30s, 500ms, 1.5s, 0, PT10S");
    }

    @Test
    void should_give_the_range_when_a_probability_is_out_of_range() {
        assertThat(load(inRule("  - name: r", "    at: agent_join", "    when: {probability: 1.5}", "    do: drop")))
                .isEqualTo("checkout.yaml:5:25: probability '1.5' is out of range; valid: 0..1");
    }

    @Test
    void should_list_the_effect_types_when_an_effect_is_unknown() {
        assertThat(load(inRule("  - name: r", "    at: agent_join", "    do: {type: dorp}")))
                .isEqualTo("checkout.yaml:5:16: unknown effect type 'dorp' (did you mean 'drop'?); valid: drop, delay, duplicate,"
                        + " reorder, fail, report, stall, disconnect");
    }

    @Test
    void should_list_the_valid_names_when_an_enum_value_is_unknown() {
        assertThat(load(inRule("  - name: r", "    at: agent_join", "    match: {source: createroom}", "    do: drop")))
                .isEqualTo("checkout.yaml:5:21: unknown dispatch source 'createroom' (did you mean 'create_room'?); valid: create_room,"
                        + " create_dispatch, token, automatic");
        assertThat(load(inRule("  - name: r", "    at: agent_join", "    match: {job_type: ROOM}", "    do: drop")))
                .isEqualTo("checkout.yaml:5:23: unknown job type 'ROOM'; valid: JT_ROOM, JT_PUBLISHER, JT_PARTICIPANT");
        assertThat(load(inRule("  - name: r", "    at: job_status_report", "    do: {type: report, status: RUNNING}")))
                .isEqualTo("checkout.yaml:5:32: unknown job status 'RUNNING' (did you mean 'JS_RUNNING'?); valid: JS_PENDING, JS_RUNNING,"
                        + " JS_SUCCESS, JS_FAILED");
        assertThat(load(inRule("  - name: r", "    at: twirp_request", "    do: {type: fail, twirp: {code: unavailble}}")))
                .isEqualTo("checkout.yaml:5:36: unknown twirp code 'unavailble' (did you mean 'unavailable'?); valid: canceled, unknown,"
                        + " invalid_argument, malformed, deadline_exceeded, not_found, bad_route, already_exists,"
                        + " permission_denied, unauthenticated, resource_exhausted, failed_precondition, aborted,"
                        + " out_of_range, unimplemented, internal, unavailable, data_loss");
    }

    @Test
    void should_list_the_allowed_hooks_when_an_effect_does_not_fit_its_hook() {
        assertThat(load(inRule("  - name: r", "    at: availability_request", "    do: {type: report, status: JS_RUNNING}")))
                .isEqualTo("checkout.yaml:5:16: effect 'report' is not allowed at hook point 'availability_request';"
                        + " valid: job_status_report");
        assertThat(load(inRule("  - name: r", "    at: twirp_request", "    do: {type: fail, ws_close: {code: 1011}}")))
                .isEqualTo("checkout.yaml:5:16: effect 'fail' with 'ws_close' is not allowed at hook point"
                        + " 'twirp_request'; valid: worker_connect");
        assertThat(load(inRule("  - name: r", "    at: job_status_report", "    do: drop")))
                .isEqualTo("checkout.yaml:5:9: effect 'drop' is not allowed at hook point 'job_status_report'; valid: "
                        + HOOKS.replace(" job_status_report,", ""));
        assertThat(load(inRule("  - name: r", "    at: agent_join", "    do: reorder")))
                .isEqualTo("checkout.yaml:5:9: effect 'reorder' is not allowed at hook point 'agent_join'; valid: webhook");
        assertThat(load(inRule("  - name: r", "    at: webhook", "    do: {type: fail, twirp: {code: unavailable}}")))
                .isEqualTo("checkout.yaml:5:16: effect 'fail' with 'twirp' is not allowed at hook point 'webhook';"
                        + " valid: twirp_request");
        assertThat(load(inRule("  - name: r", "    at: webhook", "    do: stall")))
                .isEqualTo("checkout.yaml:5:9: effect 'stall' is not allowed at hook point 'webhook'; valid: twirp_request,"
                        + " availability_request, worker_connect, worker_register, worker_frame");
    }

    @Test
    void should_list_the_events_and_kinds_the_simulator_sends_when_a_webhook_selector_names_another() {
        assertThat(load(inRule("  - name: r", "    at: webhook", "    match: {event: participant_join}", "    do: drop")))
                .isEqualTo("checkout.yaml:5:20: unknown webhook event 'participant_join' (did you mean 'participant_joined'?);"
                        + " valid: room_started, room_finished, participant_joined, participant_left,"
                        + " participant_connection_aborted, track_published, track_unpublished");
        assertThat(load(inRule("  - name: r", "    at: webhook", "    match: {event: 'egress_*'}", "    do: drop")))
                .startsWith("checkout.yaml:5:20: unknown webhook event 'egress_*'; valid: room_started,");
        assertThat(load(inRule("  - name: r", "    at: webhook", "    match: {participant_kind: agent}", "    do: drop")))
                .isEqualTo("checkout.yaml:5:31: unknown participant kind 'agent' (did you mean 'AGENT'?); valid: STANDARD,"
                        + " INGRESS, EGRESS, SIP, AGENT, CONNECTOR, BRIDGE");
    }

    @Test
    void should_refuse_webhook_selectors_elsewhere_and_dispatch_ones_at_the_webhook_hook_when_they_could_never_match() {
        // GIVEN a webhook selector at a dispatch hook WHEN loaded THEN refused, naming the webhook hook
        assertThat(load(inRule("  - name: r", "    at: agent_join", "    match: {event: participant_joined}", "    do: drop")))
                .isEqualTo("checkout.yaml:5:13: selector 'event' can never match at hook point 'agent_join', which does not"
                        + " know that field (it is known at webhook); valid: agent, room, room_regex, source,"
                        + " metadata_contains, job_type");
        // GIVEN a dispatch selector at the webhook hook WHEN loaded THEN refused with the webhook hook's own selectors
        assertThat(load(inRule("  - name: r", "    at: webhook", "    match: {source: create_room}", "    do: drop")))
                .isEqualTo("checkout.yaml:5:13: selector 'source' can never match at hook point 'webhook', which does not"
                        + " know that field (it is known at dispatch_created, availability_request, availability_response,"
                        + " job_assignment, agent_join, job_status_report, job_termination); valid: agent, room, room_regex,"
                        + " event, participant_kind, url");
        // GIVEN every selector the webhook hook fills in WHEN loaded THEN accepted
        RuleProfile ok = ProfileLoader.fromYaml(inRule("  - name: r", "    at: webhook", "    match: {agent: stt-*, room: session-*,"
                + " room_regex: 'session-[0-9]+', event: 'participant_*', participant_kind: AGENT, url: 'http://*'}",
                "    do: drop"), "checkout.yaml");
        assertThat(ok.rules()).hasSize(1);
    }

    @Test
    void should_point_at_the_mapping_when_a_required_key_is_missing() {
        assertThat(load(inRule("  - name: r", "    do: drop")))
                .isEqualTo("checkout.yaml:3:5: missing required rule key 'at'");
        assertThat(load(inRule("  - name: r", "    at: job_status_report", "    do: report")))
                .isEqualTo("checkout.yaml:5:9: missing required report effect key 'status'");
    }

    @Test
    void should_name_what_was_expected_when_a_value_has_the_wrong_kind() {
        assertThat(load(inRule("  - name: r", "    at: agent_join", "    when: {first: 0}", "    do: drop")))
                .isEqualTo("checkout.yaml:5:19: bad value '0' for 'first'; valid: a whole number >= 1");
        assertThat(load(inRule("  - name: r", "    at: agent_join", "    match: [a]", "    do: drop")))
                .isEqualTo("checkout.yaml:5:12: expected a mapping for 'match', got a list");
        assertThat(load("name: p\nrules: {}\n"))
                .isEqualTo("checkout.yaml:2:8: expected a list for 'rules', got a mapping");
        assertThat(load(inRule("  - name: {first: r}", "    at: agent_join", "    do: drop")))
                .isEqualTo("checkout.yaml:3:11: bad value for 'name': got a mapping; valid: a text value");
        assertThat(load(inRule("  - name: r", "    at: worker_frame", "    do: {type: disconnect, code: 999}")))
                .isEqualTo("checkout.yaml:5:34: bad value '999' for 'code'; valid: 1000..4999");
    }

    @Test
    void should_ask_for_exactly_one_when_alternatives_are_combined_or_missing() {
        assertThat(load(inRule("  - name: r", "    at: worker_connect",
                "    do: {type: fail, http_status: 503, ws_close: {code: 1011}}")))
                .isEqualTo("checkout.yaml:5:9: effect 'fail' needs exactly one of twirp, http_status, ws_close;"
                        + " got http_status, ws_close; valid: twirp, http_status, ws_close");
        assertThat(load(inRule("  - name: r", "    at: agent_join", "    do: {type: delay}")))
                .isEqualTo("checkout.yaml:5:9: effect 'delay' needs exactly one distribution; got none;"
                        + " valid: fixed, uniform, lognormal, normal");
    }

    @Test
    void should_reject_inconsistent_ranges_when_bounds_are_reversed() {
        assertThat(load(inRule("  - name: r", "    at: agent_join", "    when: {window: {from: 30s, to: 10s}}", "    do: drop")))
                .isEqualTo("checkout.yaml:5:36: window 'to' '10s' must be later than 'from'");
        assertThat(load(inRule("  - name: r", "    at: agent_join", "    do: {type: delay, uniform: {min: 5s, max: 2s}}")))
                .isEqualTo("checkout.yaml:5:47: uniform 'max' '2s' is less than 'min'");
    }

    @Test
    void should_reject_a_second_rule_with_the_same_name_when_names_seed_generators() {
        assertThat(load(inRule("  - {name: r, at: agent_join, do: drop}", "  - {name: r, at: agent_join, do: drop}")))
                .isEqualTo("checkout.yaml:4:12: duplicate rule name 'r' (first used at line 3); each rule's name"
                        + " seeds its own random generator");
    }

    @Test
    void should_reject_a_repeated_key_when_the_later_one_would_silently_win() {
        assertThat(load("name: p\nname: q\n")).isEqualTo("checkout.yaml:2:1: duplicate key 'name' (first written at line 1)");
    }

    @Test
    void should_explain_the_regex_error_when_room_regex_does_not_compile() {
        assertThat(load(inRule("  - name: r", "    at: agent_join", "    match: {room_regex: '['}", "    do: drop")))
                .isEqualTo("checkout.yaml:5:25: bad regular expression '[' for 'room_regex' (missing closing ]: [);"
                        + " room_regex uses RE2 syntax, which has no backreferences and no lookaround");
    }

    @Test
    void should_report_the_parser_position_when_the_text_is_not_yaml() {
        assertThat(load("name: x\n  bad: : indent\n"))
                .isEqualTo("checkout.yaml:2:6: not valid YAML: mapping values are not allowed here");
        assertThat(load("")).isEqualTo("checkout.yaml:1:1: the profile is empty; it needs at least a 'name'");
        assertThat(load("name: a\n---\nname: b\n"))
                .isEqualTo("checkout.yaml:3:1: more than one YAML document; a profile is one document");
    }

    @Test
    void should_point_into_the_line_when_json_is_on_one_line() {
        assertThat(load("{\"name\": \"p\", \"rules\": [{\"name\": \"r\", \"at\": \"agent_joins\", \"do\": \"drop\"}]}"))
                .startsWith("checkout.yaml:1:45: unknown hook point 'agent_joins' (did you mean 'agent_join'?); valid: twirp_request");
    }

    @Test
    void should_list_the_bundled_names_when_a_bundled_profile_is_unknown() {
        ProfileException e = error(() -> ProfileLoader.bundled("late-delivry"));
        assertThat(e.getMessage()).isEqualTo("unknown bundled profile 'late-delivry' (did you mean 'late-delivery'?); valid: "
                + String.join(", ", ProfileLoader.bundledNames()));
        assertThat(e.file()).isNull();
        assertThat(e.validValues()).contains("late-delivery", "createroom-agents-dropped");
    }

    @Test
    void should_name_the_path_when_a_profile_file_cannot_be_read() {
        Path missing = Path.of("no-such-dir", "x.yaml");
        assertThat(errorOf(() -> ProfileLoader.fromPath(missing)))
                .isEqualTo(missing + ": cannot read the profile file (NoSuchFileException)");
        assertThat(errorOf(() -> ProfileLoader.load("no-such-profile")))
                .isEqualTo("no profile file 'no-such-profile' and no bundled profile of that name; valid: "
                        + String.join(", ", ProfileLoader.bundledNames()));
    }

    @Test
    void should_expose_no_valid_values_when_none_apply() {
        assertThat(error(() -> ProfileLoader.fromYaml("name: p\nname: q\n")).validValues()).isEqualTo(List.of());
    }
}
