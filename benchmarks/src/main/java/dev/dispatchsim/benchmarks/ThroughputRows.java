package dev.dispatchsim.benchmarks;

import dev.dispatchsim.LiveKitSimulator;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Twirp CreateRoom requests per second with unique names, at several concurrencies, against WireMock's canned body. */
final class ThroughputRows {

    private static final AtomicLong NAMES = new AtomicLong();

    private ThroughputRows() {
    }

    static List<Result> run(Mode mode) {
        try (LiveKitSimulator sim = LiveKitSimulator.builder().seed(1).start(); Anchor anchor = new Anchor()) {
            return mode.concurrencies().stream().map(c -> row(mode, sim, anchor, c)).toList();
        }
    }

    private static Result row(Mode mode, LiveKitSimulator sim, Anchor anchor, int concurrency) {
        // warm-up: both servers, untimed
        load(sim, concurrency, mode, true);
        load(anchor, concurrency, mode, true);
        Samples a = new Samples();
        Samples b = new Samples();
        Samples ratios = new Samples();
        long failed = 0;
        for (int round = 0; round < mode.rounds(); round++) {
            sim.admin().reset(); // each round starts from an empty simulator, not from the last round's rooms
            // alternate which goes first, so a drift of the machine's speed does not favour one side
            ClosedLoop.Outcome simulator;
            ClosedLoop.Outcome wiremock;
            if (round % 2 == 0) {
                simulator = load(sim, concurrency, mode, false);
                wiremock = load(anchor, concurrency, mode, false);
            } else {
                wiremock = load(anchor, concurrency, mode, false);
                simulator = load(sim, concurrency, mode, false);
            }
            failed += simulator.failed() + wiremock.failed();
            a.add(simulator.perSecond());
            b.add(wiremock.perSecond());
            ratios.add(simulator.perSecond() / wiremock.perSecond());
        }
        String measure = "Twirp CreateRoom, c = " + concurrency + (failed > 0 ? " (" + failed + " calls failed)" : "");
        return Result.paired(measure, "req/s", a, b, ratios, "≥ 1.0×", ratios.median() >= 1.0 && failed == 0);
    }

    private static ClosedLoop.Outcome load(LiveKitSimulator sim, int concurrency, Mode mode, boolean warmUp) {
        return ClosedLoop.run(concurrency, warmUp ? mode.warmUp() : mode.window(), t -> {
            Twirp twirp = new Twirp(sim.httpUrl(), sim.apiKey(), sim.apiSecret());
            String token = twirp.roomCreateToken();
            return seq -> twirp.post("livekit.RoomService/CreateRoom", token,
                    Twirp.createRoomBody("bench-" + NAMES.incrementAndGet()));
        });
    }

    private static ClosedLoop.Outcome load(Anchor anchor, int concurrency, Mode mode, boolean warmUp) {
        return ClosedLoop.run(concurrency, warmUp ? mode.warmUp() : mode.window(), t -> {
            Twirp twirp = new Twirp(anchor.baseUrl(), "devkey", "secret");
            String token = twirp.roomCreateToken();
            return seq -> twirp.post("livekit.RoomService/CreateRoom", token,
                    Twirp.createRoomBody("bench-" + NAMES.incrementAndGet()));
        });
    }
}
