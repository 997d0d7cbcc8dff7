package dev.dispatchsim.internal.fault;

import dev.dispatchsim.model.DispatchSource;
import dev.dispatchsim.model.JobType;
import dev.dispatchsim.model.ParticipantKind;
import org.junit.jupiter.api.Test;

import static dev.dispatchsim.internal.fault.Events.availabilityRequest;
import static org.assertj.core.api.Assertions.assertThat;

class SelectorTest {
    private final FaultContext ctx = availabilityRequest("session-7").toBuilder()
            .jobType(JobType.JT_ROOM).metadata("{\"tenant\":\"acme\"}").workerId("AW_abc123")
            .workerAgentName("stt_agent").workerOrder(2).twirp("livekit.RoomService", "CreateRoom").build();

    @Test
    void should_match_everything_when_no_selector_is_given() {
        assertThat(Selector.any().matches(ctx)).isTrue();
    }

    @Test
    void should_match_globs_on_the_whole_name_when_star_and_question_mark_are_used() {
        assertThat(Selector.any().withAgent("stt-*").matches(ctx)).isTrue();
        assertThat(Selector.any().withAgent("stt").matches(ctx)).isFalse();
        assertThat(Selector.any().withRoom("session-?").matches(ctx)).isTrue();
        assertThat(Selector.any().withRoom("session-??").matches(ctx)).isFalse();
        assertThat(Selector.any().withRoom("sess*7").matches(ctx)).isTrue();
    }

    @Test
    void should_treat_regex_characters_literally_when_they_appear_in_a_glob() {
        FaultContext dotted = ctx.toBuilder().roomName("a.b+c").build();
        assertThat(Selector.any().withRoom("a.b+c").matches(dotted)).isTrue();
        assertThat(Selector.any().withRoom("a.b+c").matches(ctx.toBuilder().roomName("axbbc").build())).isFalse();
    }

    @Test
    void should_match_the_whole_room_name_when_room_regex_is_given() {
        assertThat(Selector.any().withRoomRegex("session-[0-9]+").matches(ctx)).isTrue();
        assertThat(Selector.any().withRoomRegex("session").matches(ctx)).isFalse();
    }

    @Test
    void should_match_each_remaining_field_when_it_is_given() {
        assertThat(Selector.any().withService("livekit.RoomService").withMethod("Create*").matches(ctx)).isTrue();
        assertThat(Selector.any().withSource(DispatchSource.CREATE_ROOM).matches(ctx)).isTrue();
        assertThat(Selector.any().withSource(DispatchSource.CREATE_DISPATCH).matches(ctx)).isFalse();
        assertThat(Selector.any().withJobType(JobType.JT_ROOM).matches(ctx)).isTrue();
        assertThat(Selector.any().withJobType(JobType.JT_PUBLISHER).matches(ctx)).isFalse();
        assertThat(Selector.any().withWorker("AW_*").matches(ctx)).isTrue();
        assertThat(Selector.any().withWorkerAgent("stt-agent").matches(ctx)).isFalse();
        assertThat(Selector.any().withWorkerOrder(2).matches(ctx)).isTrue();
        assertThat(Selector.any().withWorkerOrder(1).matches(ctx)).isFalse();
        assertThat(Selector.any().withMetadataContains("\"tenant\":\"acme\"").matches(ctx)).isTrue();
        assertThat(Selector.any().withMetadataContains("globex").matches(ctx)).isFalse();
    }

    @Test
    void should_require_every_criterion_when_several_are_given() {
        Selector s = Selector.any().withAgent("stt-agent").withRoom("session-*");
        assertThat(s.matches(ctx)).isTrue();
        assertThat(s.withWorkerOrder(1).matches(ctx)).isFalse();
    }

    @Test
    void should_not_match_when_the_context_does_not_know_the_field() {
        FaultContext bare = FaultContext.at(HookPoint.WORKER_CONNECT).build();
        assertThat(Selector.any().withAgent("*").matches(bare)).isFalse();
        assertThat(Selector.any().withMetadataContains("").matches(bare)).isFalse();
        assertThat(Selector.any().withWorkerOrder(1).matches(bare)).isFalse();
    }

    @Test
    void should_match_the_empty_agent_name_when_dispatch_is_automatic() {
        FaultContext automatic = ctx.toBuilder().agentName("").dispatchSource(DispatchSource.AUTOMATIC).build();
        assertThat(Selector.any().withAgent("").matches(automatic)).isTrue();
        assertThat(Selector.any().withAgent("*").matches(automatic)).isTrue();
        assertThat(Selector.any().withAgent("?*").matches(automatic)).isFalse();
    }

    @Test
    void should_match_webhook_events_by_name_kind_and_url_when_the_webhook_hook_knows_them() {
        // GIVEN an agent's participant_joined for one URL
        FaultContext joined = FaultContext.at(HookPoint.WEBHOOK).webhookEvent("participant_joined").roomName("r1")
                .participant("agent-AJ_1").participantKind(ParticipantKind.AGENT).agentName("stt-agent")
                .url("http://127.0.0.1:8080/hook").build();

        // WHEN / THEN each selector sees its own field; room events carry no participant kind
        assertThat(Selector.any().withEvent("participant_*").withParticipantKind(ParticipantKind.AGENT)
                .withAgent("stt-agent").withUrl("http://127.0.0.1:*/hook").matches(joined)).isTrue();
        assertThat(Selector.any().withEvent("participant_left").matches(joined)).isFalse();
        assertThat(Selector.any().withParticipantKind(ParticipantKind.STANDARD).matches(joined)).isFalse();
        assertThat(Selector.any().withUrl("https://*").matches(joined)).isFalse();
        FaultContext started = FaultContext.at(HookPoint.WEBHOOK).webhookEvent("room_started").roomName("r1").build();
        assertThat(Selector.any().withParticipantKind(ParticipantKind.AGENT).matches(started)).isFalse();
        assertThat(Selector.any().withEvent("*").matches(ctx)).as("no webhook event at availability_request").isFalse();
    }
}
