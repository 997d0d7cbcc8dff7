package dev.dispatchsim.internal.engine;

import dev.dispatchsim.model.AgentRequest;
import dev.dispatchsim.model.DispatchSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A dispatch and every job launched for it, owned by the engine thread. */
final class DispatchRecord {

    final String id;
    final String room;
    final AgentRequest request;
    final DispatchSource source;
    final Instant createdAt;
    final List<JobRecord> jobs = new ArrayList<>();
    /** Whether its jobs were launched; false while a fault at dispatch_created holds the launch back (or dropped it). */
    boolean launched;

    DispatchRecord(String id, String room, AgentRequest request, DispatchSource source, Instant createdAt) {
        this.id = id;
        this.room = room;
        this.request = request;
        this.source = source;
        this.createdAt = createdAt;
    }
}
