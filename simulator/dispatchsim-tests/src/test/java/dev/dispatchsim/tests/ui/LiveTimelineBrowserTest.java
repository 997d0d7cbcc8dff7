package dev.dispatchsim.tests.ui;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.clock.ManualClock;
import dev.dispatchsim.testkit.FakeAgentWorker;
import dev.dispatchsim.tests.support.RoomApi;
import dev.dispatchsim.tests.support.Sims;
import dev.dispatchsim.tests.ui.support.Browser;
import dev.dispatchsim.tests.ui.support.DroppedSessions;
import dev.dispatchsim.tests.ui.support.TimelinePage;
import dev.dispatchsim.tests.ui.support.TimelinePage.Lie;
import dev.dispatchsim.tests.ui.support.TimelinePage.Mark;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static dev.dispatchsim.tests.ui.support.DroppedSessions.AGENT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live timeline at /_sim/ui in a real browser, against a simulator running createroom-agents-dropped with
 * a fake agent worker: the race the profile makes is there to see, and it follows the simulator as it goes.
 */
@Tag("browser")
@Timeout(180)
class LiveTimelineBrowserTest {

    private static final String DROP_RULE = "drop-createroom-sessions-2-to-4";
    private static final String NEVER_OFFERED = "never offered: its AvailabilityRequest was dropped";

    @Test
    void should_show_four_sessions_three_dropped_requests_and_the_lie_then_follow_a_new_room_when_the_profile_drops_createroom_agents() {
        try (LiveKitSimulator sim = LiveKitSimulator.builder().seed(42).clock(new ManualClock())
                .profile(DroppedSessions.PROFILE).start();
             FakeAgentWorker worker = Sims.worker(sim, AGENT).connect();
             Browser browser = Browser.open()) {
            // GIVEN four sessions, each creating its room with the agent and reading ListDispatch
            DroppedSessions.run(sim, worker, 1, 4);

            // WHEN the timeline is opened
            browser.go(sim.httpUrl() + "/_sim/ui");
            TimelinePage page = new TimelinePage(browser).awaitReady();

            // THEN it shows the four sessions, live, on the ManualClock, with the profile's rules and their fire counts
            assertThat(page.awaitRooms(List.of("session-1", "session-2", "session-3", "session-4"))).hasSize(4);
            browser.await("the feed live", d -> "live".equals(page.feed()));
            assertThat(page.clock()).startsWith("ManualClock");
            assertThat(page.runInfo()).contains("seed 42", "profile createroom-agents-dropped");
            browser.await("the rules' fire counts", d -> page.rules().equals(List.of(DROP_RULE + ": 3 fires",
                    "report-running-anyway: 4 fires")));

            // AND each of sessions 2-4 marks its dropped AvailabilityRequest: listed, and drawn as a frame that never arrives
            for (String room : List.of("session-2", "session-3", "session-4")) {
                page.select(room);
                assertThat(page.marks(room)).as(room).extracting(Mark::kind, Mark::rule, Mark::hook)
                        .containsExactly(org.assertj.core.api.Assertions.tuple("drop", DROP_RULE, "availability_request"));
                TimelinePage.Chart chart = page.chart(room);
                assertThat(chart.lostFrames()).as(room).isEqualTo(1);
                assertThat(chart.dropSymbols()).as(room).isEqualTo(1);
                assertThat(chart.drawnCrosses()).as("✕ drawn in %s's SVG", room).isEqualTo(1);
                // AND the JS_RUNNING that ListDispatch said stands beside the truth
                assertThat(page.lies(room)).as(room).containsExactly(new Lie("JS_RUNNING", NEVER_OFFERED, true));
                assertThat(chart.lieLabels()).as(room).containsExactly("{lie|said JS_RUNNING}\n{truth|truth: " + NEVER_OFFERED + "}");
                assertThat(page.badges(room)).isEqualTo("✕1 ≠1");
            }
            page.select("session-1");
            assertThat(page.marks("session-1")).isEmpty();
            assertThat(page.lies("session-1")).extracting(Lie::untrue).containsExactly(false);
            assertThat(page.chart("session-1").labels()).contains("AvailabilityRequest", "available", "JobAssignment",
                    "agent joined: agent-" + sim.admin().state().rooms().get(0).dispatches().get(0).jobs().get(0).jobId());
            // AND the state panel sets the truth beside what ListDispatch says, from the simulator's own state
            browser.await("the dispatch rows", d -> page.dispatchRows().size() == 4);
            assertThat(page.dispatchRows()).containsExactly(
                    "session-1 | truth: assigned, JS_RUNNING, delivered | ListDispatch: JS_RUNNING",
                    "session-2 | truth: offering, JS_PENDING, not delivered | ListDispatch: JS_RUNNING | lie",
                    "session-3 | truth: offering, JS_PENDING, not delivered | ListDispatch: JS_RUNNING | lie",
                    "session-4 | truth: offering, JS_PENDING, not delivered | ListDispatch: JS_RUNNING | lie");
            browser.screenshot("live-timeline");

            // WHEN the app creates a fifth room while the page is open
            new RoomApi(sim).createRoom("session-5", "[{\"agentName\":\"" + AGENT + "\"}]");
            worker.nextAssignment(Browser.WAIT);
            DroppedSessions.awaitAgent(sim, "session-5");

            // THEN the page follows: the new room appears, drawn from the entries the simulator pushed
            page.awaitRooms(List.of("session-1", "session-2", "session-3", "session-4", "session-5"));
            page.select("session-5");
            browser.await("session-5's agent on its timeline", d -> page.chart("session-5").labels().stream()
                    .anyMatch(l -> l.startsWith("agent joined: ")));
            assertThat(page.marks("session-5")).isEmpty();
            browser.screenshot("live-timeline-after-new-room");

            // AND nothing went wrong in the page
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
