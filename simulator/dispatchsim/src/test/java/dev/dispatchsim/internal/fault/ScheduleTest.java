package dev.dispatchsim.internal.fault;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.dispatchsim.internal.fault.Events.availabilityRequest;
import static dev.dispatchsim.internal.fault.Events.engineWith;
import static dev.dispatchsim.internal.fault.Events.firing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleTest {
    private static Rule dropWhen(Schedule s) {
        return Rule.of("drop", HookPoint.AVAILABILITY_REQUEST, new FaultEffect.Drop()).withWhen(s);
    }

    @Test
    void should_fire_on_every_event_when_schedule_is_always() {
        // GIVEN
        FaultEngine engine = engineWith(1, dropWhen(Schedule.always()));
        // WHEN / THEN
        assertThat(firing(engine, 4)).containsExactly(1, 2, 3, 4);
    }

    @Test
    void should_fire_on_listed_events_only_when_occurrences_are_given() {
        FaultEngine engine = engineWith(1, dropWhen(Schedule.always().withOccurrences(2L, 3L, 4L)));
        assertThat(firing(engine, 6)).containsExactly(2, 3, 4);
    }

    @Test
    void should_fire_on_the_first_n_events_when_first_is_given() {
        FaultEngine engine = engineWith(1, dropWhen(Schedule.always().withFirst(2)));
        assertThat(firing(engine, 5)).containsExactly(1, 2);
    }

    @Test
    void should_fire_after_the_first_n_events_when_after_is_given() {
        FaultEngine engine = engineWith(1, dropWhen(Schedule.always().withAfter(3)));
        assertThat(firing(engine, 5)).containsExactly(4, 5);
    }

    @Test
    void should_fire_on_every_kth_event_when_every_is_given() {
        FaultEngine engine = engineWith(1, dropWhen(Schedule.always().withEvery(3)));
        assertThat(firing(engine, 9)).containsExactly(3, 6, 9);
    }

    @Test
    void should_fire_at_most_n_times_when_at_most_is_given() {
        FaultEngine engine = engineWith(1, dropWhen(Schedule.always().withEvery(2).withAtMost(2)));
        assertThat(firing(engine, 10)).containsExactly(2, 4);
    }

    @Test
    void should_fire_inside_the_virtual_time_window_only_when_window_is_given() {
        // GIVEN event i happens at i * 5 s
        FaultEngine engine = engineWith(1, dropWhen(Schedule.always()
                .withWindow(Duration.ofSeconds(10), Duration.ofSeconds(30))));
        // WHEN
        List<Integer> fired = firing(engine, 8, i -> availabilityRequest("r").toBuilder()
                .virtualTime(Duration.ofSeconds(5L * i)).build());
        // THEN from inclusive (10 s = event 2), to exclusive (30 s = event 6)
        assertThat(fired).containsExactly(2, 3, 4, 5);
    }

    @Test
    void should_fire_while_in_flight_is_high_enough_when_in_flight_at_least_is_given() {
        FaultEngine engine = engineWith(1, dropWhen(Schedule.always().withInFlightAtLeast(3)));
        List<Integer> fired = firing(engine, 6, i -> availabilityRequest("r").toBuilder()
                .inFlightDispatches(i).build());
        assertThat(fired).containsExactly(3, 4, 5, 6);
    }

    @Test
    void should_fire_about_p_of_the_time_and_reproducibly_when_probability_is_given() {
        // GIVEN
        Rule rule = dropWhen(Schedule.always().withProbability(0.3));
        // WHEN
        List<Integer> first = firing(engineWith(42, rule), 2000);
        List<Integer> again = firing(engineWith(42, rule), 2000);
        // THEN
        assertThat(first).hasSizeBetween(520, 680).isEqualTo(again);
    }

    @Test
    void should_never_fire_when_probability_is_zero() {
        FaultEngine engine = engineWith(1, dropWhen(Schedule.always().withProbability(0)));
        assertThat(firing(engine, 100)).isEmpty();
    }

    @Test
    void should_require_all_criteria_when_several_are_given() {
        // GIVEN after 2 AND every 2 AND at most 2
        FaultEngine engine = engineWith(1, dropWhen(Schedule.always().withAfter(2).withEvery(2).withAtMost(2)));
        assertThat(firing(engine, 12)).containsExactly(4, 6);
    }

    @Test
    void should_count_only_events_that_match_the_selector_when_counting_occurrences() {
        // GIVEN rooms alternate between a- and b-; the rule matches a-* only
        FaultEngine engine = engineWith(1, dropWhen(Schedule.always().withOccurrences(2L))
                .withMatch(Selector.any().withRoom("a-*")));
        // WHEN
        List<Integer> fired = firing(engine, 6, i -> availabilityRequest((i % 2 == 1 ? "a-" : "b-") + i));
        // THEN the second a- event is event 3
        assertThat(fired).containsExactly(3);
    }

    @Test
    void should_reject_nonsense_when_constructed_directly() {
        assertThatThrownBy(() -> Schedule.always().withProbability(1.5)).hasMessageContaining("0..1");
        assertThatThrownBy(() -> Schedule.always().withOccurrences(0L)).hasMessageContaining("1-based");
        assertThatThrownBy(() -> Schedule.always().withWindow(Duration.ofSeconds(5), Duration.ofSeconds(5)))
                .hasMessageContaining("from < to");
    }
}
