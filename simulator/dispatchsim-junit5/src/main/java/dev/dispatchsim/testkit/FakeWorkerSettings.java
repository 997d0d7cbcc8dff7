package dev.dispatchsim.testkit;

import dev.dispatchsim.proto.RegisterWorkerRequest;

import java.time.Duration;

/** A fake worker's fixed settings. */
record FakeWorkerSettings(String wsUrl, String token, RegisterWorkerRequest registration, AvailabilityPolicy policy,
                          String identityPrefix, boolean autoRegister, Duration timeout, String query,
                          boolean tokenInQuery) {
}
