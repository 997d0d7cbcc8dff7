package dev.dispatchsim.internal.fault.profile;

import dev.dispatchsim.internal.fault.DelayDistribution;
import dev.dispatchsim.internal.fault.FaultEffect.Fail;
import dev.dispatchsim.internal.fault.FaultEffect;
import dev.dispatchsim.internal.fault.HookPoint;
import dev.dispatchsim.internal.fault.Rule;
import dev.dispatchsim.internal.fault.RuleProfile;
import dev.dispatchsim.internal.fault.Schedule;
import dev.dispatchsim.internal.fault.Selector;
import dev.dispatchsim.model.DispatchSource;
import dev.dispatchsim.model.ErrorCode;
import dev.dispatchsim.model.JobStatus;
import dev.dispatchsim.model.JobType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileLoaderTest {
    static final String FULL = """
            name: everything
            description: every selector, schedule and effect once
            seed: 42
            rules:
              - name: sel
                at: availability_request
                match:
                  agent: stt-*
                  room: session-?
                  room_regex: "session-[0-9]+"
                  source: create_room
                  job_type: JT_ROOM
                  worker: AW_*
                  worker_agent: stt_agent
                  worker_order: 1
                  metadata_contains: acme
                when:
                  always: true
                  occurrences: [2, 3, 4]
                  first: 5
                  after: 1
                  every: 1
                  probability: 0.5
                  window: {from: 10s, to: 2m30s}
                  at_most: 3
                  in_flight_at_least: 2
                do: {type: delay, uniform: {min: 6s, max: 16s}, max: 12s}
              - name: fixed
                at: agent_join
                do: {type: delay, fixed: 1.5s}
              - name: lognormal
                at: agent_join
                do: {type: delay, lognormal: {median: 3s, sigma: 0.5}}
              - name: normal
                at: agent_join
                do: {type: delay, normal: {mean: 5s, stddev: 500ms}}
              - name: twirp
                at: twirp_request
                match: {service: livekit.AgentDispatchService, method: CreateDispatch}
                do: {type: fail, twirp: {code: unavailable, msg: "no response from servers"}}
              - name: http
                at: worker_connect
                do: {type: fail, http_status: 503, body: busy}
              - name: ws
                at: worker_connect
                do: {type: fail, ws_close: {code: 1013, reason: try later}}
              - name: report
                at: job_status_report
                do: {type: report, status: JS_FAILED, error: agent left, visible: true}
              - name: duplicate
                at: job_assignment
                do: {type: duplicate, offset: 1m}
              - name: stall
                at: worker_register
                do: stall
              - name: disconnect
                at: worker_frame
                do: {type: disconnect}
              - name: drop
                at: dispatch_created
                when: always
                do: drop
            """;

    static RuleProfile expectedFull() {
        Rule sel = Rule.of("sel", HookPoint.AVAILABILITY_REQUEST, new FaultEffect.Delay(
                        new DelayDistribution.Uniform(Duration.ofSeconds(6), Duration.ofSeconds(16)), Duration.ofSeconds(12)))
                .withMatch(Selector.any().withAgent("stt-*").withRoom("session-?").withRoomRegex("session-[0-9]+")
                        .withSource(DispatchSource.CREATE_ROOM).withJobType(JobType.JT_ROOM).withWorker("AW_*")
                        .withWorkerAgent("stt_agent").withWorkerOrder(1).withMetadataContains("acme"))
                .withWhen(Schedule.always().withOccurrences(2L, 3L, 4L).withFirst(5).withAfter(1).withEvery(1)
                        .withProbability(0.5).withWindow(Duration.ofSeconds(10), Duration.ofSeconds(150))
                        .withAtMost(3).withInFlightAtLeast(2));
        return new RuleProfile("everything", "every selector, schedule and effect once", OptionalLong.of(42), List.of(sel,
                Rule.of("fixed", HookPoint.AGENT_JOIN, delay(new DelayDistribution.Fixed(Duration.ofMillis(1500)))),
                Rule.of("lognormal", HookPoint.AGENT_JOIN, delay(new DelayDistribution.LogNormal(Duration.ofSeconds(3), 0.5))),
                Rule.of("normal", HookPoint.AGENT_JOIN, delay(new DelayDistribution.Normal(Duration.ofSeconds(5), Duration.ofMillis(500)))),
                Rule.of("twirp", HookPoint.TWIRP_REQUEST, new Fail(new Fail.Twirp(ErrorCode.UNAVAILABLE, "no response from servers")))
                        .withMatch(Selector.any().withService("livekit.AgentDispatchService").withMethod("CreateDispatch")),
                Rule.of("http", HookPoint.WORKER_CONNECT, new Fail(new Fail.HttpStatus(503, "busy"))),
                Rule.of("ws", HookPoint.WORKER_CONNECT, new Fail(new Fail.WsClose(1013, "try later"))),
                Rule.of("report", HookPoint.JOB_STATUS_REPORT, new FaultEffect.Report(JobStatus.JS_FAILED, "agent left", true)),
                Rule.of("duplicate", HookPoint.JOB_ASSIGNMENT, new FaultEffect.Duplicate(Duration.ofMinutes(1))),
                Rule.of("stall", HookPoint.WORKER_REGISTER, new FaultEffect.Stall()),
                Rule.of("disconnect", HookPoint.WORKER_FRAME, new FaultEffect.Disconnect(1011, "")),
                Rule.of("drop", HookPoint.DISPATCH_CREATED, new FaultEffect.Drop())));
    }

    private static FaultEffect.Delay delay(DelayDistribution d) {
        return new FaultEffect.Delay(d, null);
    }

    @Test
    void should_read_every_selector_schedule_and_effect_when_yaml_uses_them_all() {
        // WHEN
        RuleProfile p = ProfileLoader.fromYaml(FULL);
        // THEN
        assertThat(p).isEqualTo(expectedFull());
    }

    @Test
    void should_read_the_same_profile_when_it_is_written_as_json() {
        // GIVEN
        String json = """
                {"name": "j", "seed": 7, "rules": [
                  {"name": "r", "at": "availability_request", "match": {"source": "create_room"},
                   "when": {"occurrences": [2, 3, 4]}, "do": {"type": "drop"}}]}
                """;
        // WHEN
        RuleProfile p = ProfileLoader.fromYaml(json);
        // THEN
        assertThat(p).isEqualTo(new RuleProfile("j", "", java.util.OptionalLong.of(7), java.util.List.of(
                Rule.of("r", HookPoint.AVAILABILITY_REQUEST, new FaultEffect.Drop())
                        .withMatch(Selector.any().withSource(DispatchSource.CREATE_ROOM))
                        .withWhen(Schedule.always().withOccurrences(2L, 3L, 4L)))));
    }

    @Test
    void should_default_everything_optional_when_only_a_name_is_given() {
        RuleProfile p = ProfileLoader.fromYaml("name: bare\nrules:\n  - {name: r, at: agent_join, match: ~, do: drop}\n");
        assertThat(p.description()).isEmpty();
        assertThat(p.seed()).isEmpty();
        assertThat(p.rules()).containsExactly(Rule.of("r", HookPoint.AGENT_JOIN, new FaultEffect.Drop()));
        assertThat(ProfileLoader.fromYaml("name: none").rules()).isEmpty();
    }

    @Test
    void should_keep_names_as_written_when_yaml_would_read_them_as_other_types() {
        RuleProfile p = ProfileLoader.fromYaml("name: no\nrules:\n  - {name: 007, at: agent_join, match: {agent: yes}, do: drop}\n");
        assertThat(p.name()).isEqualTo("no");
        assertThat(p.rules().get(0).name()).isEqualTo("007");
        assertThat(p.rules().get(0).match().agent().source()).isEqualTo("yes");
    }

    @Test
    void should_name_errors_after_the_file_when_reading_from_a_path(@TempDir Path dir) throws IOException {
        // GIVEN
        Path file = dir.resolve("checkout.yaml");
        Files.writeString(file, "name: checkout\nrules:\n  - name: r\n    at: availabilty_request\n    do: drop\n");
        // WHEN / THEN
        assertThat(ProfileErrorsTest.errorOf(() -> ProfileLoader.fromPath(file)))
                .startsWith("checkout.yaml:4:9: unknown hook point 'availabilty_request'");
    }

    @Test
    void should_prefer_an_existing_file_when_loading_by_path_or_name(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, "name: from-file\n");
        assertThat(ProfileLoader.load(file.toString()).name()).isEqualTo("from-file");
        assertThat(ProfileLoader.load("late-delivery").name()).isEqualTo("late-delivery");
        assertThat(ProfileLoader.load("late-delivery.yaml").name()).isEqualTo("late-delivery");
    }

    @Test
    void should_load_a_bundled_profile_when_named_with_or_without_yaml_suffix() {
        assertThat(ProfileLoader.bundled("ghost-worker")).isEqualTo(ProfileLoader.bundled("ghost-worker.yaml"));
    }
}
