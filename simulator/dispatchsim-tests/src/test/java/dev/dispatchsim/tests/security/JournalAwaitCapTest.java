package dev.dispatchsim.tests.security;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.SimParticipant;
import dev.dispatchsim.tests.support.TwirpHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * S3: open journal long polls hold no server threads. With more awaits open than the server has threads,
 * the LiveKit APIs still answer; awaits beyond the cap are refused at once with 429 naming it; the open
 * ones are still answered when their entry comes.
 */
@Timeout(120)
class JournalAwaitCapTest {

    private static final int OPEN = 300;
    private static final int CAP = 256;

    @Test
    void should_keep_serving_and_refuse_awaits_beyond_the_cap_when_hundreds_of_long_polls_are_open() throws Exception {
        // GIVEN 300 long polls for an entry that does not come yet (more than the server's 250 threads)
        try (LiveKitSimulator sim = LiveKitSimulator.builder().start()) {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            List<CompletableFuture<HttpResponse<String>>> awaits = new ArrayList<>();
            for (int i = 0; i < OPEN; i++) {
                HttpRequest await = HttpRequest.newBuilder(URI.create(sim.httpUrl()
                        + "/_sim/journal/await?type=ParticipantJoined&timeout=60s")).timeout(Duration.ofSeconds(90)).build();
                awaits.add(client.sendAsync(await, HttpResponse.BodyHandlers.ofString()));
            }
            List<HttpResponse<String>> refused = awaitRefusals(awaits, OPEN - CAP);

            // WHEN a LiveKit API call comes meanwhile
            HttpResponse<String> listed = new TwirpHttp(sim.httpUrl(), sim.apiKey(), sim.apiSecret())
                    .json("livekit.RoomService/ListRooms", "{}", TwirpHttp.roomList());

            // THEN it is answered, the awaits beyond the cap were refused naming it, and the others wait on
            assertThat(listed.statusCode()).isEqualTo(200);
            assertThat(refused).hasSize(OPEN - CAP).allSatisfy(r -> {
                assertThat(r.statusCode()).isEqualTo(429);
                assertThat(r.body()).contains("resource_exhausted").contains("at most " + CAP);
            });
            // AND when the entry comes, every await still open gets it
            sim.admin().addParticipant("r1", "alice", SimParticipant.human());
            CompletableFuture.allOf(awaits.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            long answered = awaits.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 200)
                    .filter(r -> r.body().contains("\"identity\":\"alice\"")).count();
            assertThat(answered).isEqualTo(CAP);
        }
    }

    /** Waits (by observation, bounded) until {@code count} awaits have been answered, which only refusals can be yet. */
    private static List<HttpResponse<String>> awaitRefusals(List<CompletableFuture<HttpResponse<String>>> awaits, int count)
            throws InterruptedException {
        CountDownLatch answered = new CountDownLatch(count);
        awaits.forEach(a -> a.whenComplete((response, failure) -> answered.countDown()));
        if (!answered.await(60, TimeUnit.SECONDS)) {
            throw new AssertionError("only " + (count - answered.getCount()) + " of the " + count
                    + " awaits beyond the cap were answered within 60 s");
        }
        return awaits.stream().filter(CompletableFuture::isDone).map(CompletableFuture::join).toList();
    }
}
