package dev.dispatchsim.internal.engine;

import dev.dispatchsim.internal.model.AvailabilityAnswer;
import dev.dispatchsim.journal.JournalEvent.AvailabilityAnswered;
import dev.dispatchsim.journal.JournalEvent.AvailabilityRequested;
import dev.dispatchsim.journal.JournalEvent.AvailabilityTimedOut;
import dev.dispatchsim.journal.JournalEvent.DispatchUndeliverable;
import dev.dispatchsim.journal.JournalEvent.JobAssigned;
import dev.dispatchsim.journal.JournalEvent.JobCreated;
import dev.dispatchsim.model.Job;
import dev.dispatchsim.model.JobState;
import dev.dispatchsim.model.JobStatus;
import dev.dispatchsim.model.JobType;
import dev.dispatchsim.model.Participant;
import dev.dispatchsim.model.ParticipantKind;
import dev.dispatchsim.model.ParticipantState;
import dev.dispatchsim.model.Permissions;
import dev.dispatchsim.model.Room;
import dev.dispatchsim.model.SimulatorState.Phase;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A job's way from launch to a worker, as livekit-server 1.13 does it: pick a worker, send an
 * AvailabilityRequest whose job already says JS_RUNNING, wait for the answer (10 s), then assign.
 * A rejection tries the next worker; a timeout loses the job, with no retry. Each step that a
 * fault can touch is its own method, and the journal records what really happened at each.
 */
final class JobOffers {

    private final SimState state;
    private final WorkerPool pool;
    private final Faults faults;
    private final EngineEvents events;

    JobOffers(SimState state, WorkerPool pool, Faults faults, EngineEvents events) {
        this.state = state;
        this.pool = pool;
        this.faults = faults;
        this.events = events;
    }

    /**
     * Launches the jobs of {@code type} for a dispatch: one per namespace that has workers for it (namespaces
     * are deprecated, so normally exactly one, ""); {@code participant} is set for JT_PARTICIPANT / JT_PUBLISHER.
     */
    void launch(RoomRecord room, DispatchRecord dispatch, JobType type, Participant participant) {
        String agent = dispatch.request.agentName();
        String deployment = dispatch.request.deployment();
        List<WorkerRecord> serving = pool.serving(agent, type, deployment);
        if (serving.isEmpty()) {
            // The real server checks its worker cache first and silently skips: nothing is created.
            // Participant/publisher jobs are only worth a line when someone serves that job type at all.
            if (type == JobType.JT_ROOM || state.connections.values().stream()
                    .anyMatch(w -> w.isRegistered() && w.registration.jobType() == type)) {
                state.journal(new DispatchUndeliverable(room.name, dispatch.id, "", agent,
                        "no worker registered for agent '" + agent + "' (" + type + ")", pool.describeRegistered()));
            }
            return;
        }
        for (String namespace : WorkerPool.namespaces(serving)) {
            Job job = new Job(state.ids.next("AJ_"), dispatch.id, type, room.snapshot(), participant, agent,
                    dispatch.request.metadata(), deployment, dispatch.request.attributes(), JobState.pending());
            JobRecord record = new JobRecord(dispatch, job);
            record.namespace = namespace;
            dispatch.jobs.add(record);
            state.jobs.put(job.id(), record);
            state.journal(new JobCreated(room.name, dispatch.id, job.id(), agent, type));
            offerNext(record);
        }
    }

    /**
     * SimulateJobRequest, as livekit-server's worker handles it: a job built from the request (JT_PUBLISHER
     * when a participant is given, else JT_ROOM; the room as the worker named it) and assigned straight to
     * the asking worker, whatever job type it registered for and whatever its status or load. No dispatch.
     */
    void simulate(WorkerRecord worker, SimulatedJob request) {
        RoomRecord live = state.rooms.get(request.roomName());
        boolean sameRoom = live != null && (request.roomSid().isEmpty() || live.sid.equals(request.roomSid()));
        // A live room is described as it is (so the agent can join it); any other is echoed as the worker sent it.
        Room room = sameRoom ? live.snapshot()
                : new Room(request.roomSid(), request.roomName(), 0, 0, 0, Instant.EPOCH, "", "", 0, 0);
        Participant participant = null;
        if (request.participantIdentity() != null) {
            ParticipantRecord known = sameRoom ? live.participants.get(request.participantIdentity()) : null;
            participant = known != null ? known.snapshot() : new Participant("", request.participantIdentity(), "",
                    ParticipantState.JOINING, ParticipantKind.STANDARD, "",
                    Map.of(), Instant.EPOCH, List.of(), null, 0);
        }
        JobType type = participant != null ? JobType.JT_PUBLISHER : JobType.JT_ROOM;
        Job job = new Job(state.ids.next("AJ_"), "", type, room, participant, worker.registration.agentName(), "",
                worker.registration.deployment(), Map.of(), JobState.pending());
        JobRecord record = new JobRecord(null, job);
        record.onlyWorker = worker.id;
        state.jobs.put(job.id(), record);
        state.journal(new JobCreated(room.name(), "", job.id(), job.agentName(), type));
        offerNext(record);
    }

    /** Offers the job to the next eligible worker, or gives up when none is left. */
    void offerNext(JobRecord job) {
        WorkerRecord worker = job.onlyWorker != null ? simulationTarget(job) : pool.pick(pool.eligible(
                pool.serving(job.job.agentName(), job.namespace, job.job.type(), job.job.deployment()), job.triedWorkers));
        if (worker == null) {
            String reason = job.onlyWorker != null
                    ? "simulated job: worker " + job.onlyWorker + " declined it or went away"
                    : job.triedWorkers.isEmpty()
                    ? "no workers with sufficient capacity (load >= " + state.config.targetLoad() + " or WS_FULL)"
                    : "no workers available: every worker rejected or went away";
            undeliverable(job, reason);
            return;
        }
        job.triedWorkers.add(worker.id);
        job.workerId = worker.id;
        // JS_RUNNING before the worker has said anything: the real server stamps it here, with one
        // instant for started_at and updated_at (the clock is read once: a real clock moves between reads).
        Instant now = state.now();
        job.job = job.job.withState(new JobState(JobStatus.JS_RUNNING, "", now, null, now, "", worker.id));
        job.availabilityTimer = state.schedule(state.config.availabilityTimeout(), () -> onAvailabilityTimeout(job, worker));
        // Journalled when the frame really leaves: a dropped or stalled request leaves only its
        // FaultApplied entry, a delayed one is journalled when it is sent.
        faults.availabilityRequest(job, worker, () -> {
            state.journal(new AvailabilityRequested(job.id(), worker.id));
            worker.link.sendAvailability(job.job, false);
        });
    }

    /** The worker that asked for a simulated job, if it is still there and has not been asked yet (no retry). */
    private WorkerRecord simulationTarget(JobRecord job) {
        return state.connections.values().stream()
                .filter(w -> w.id.equals(job.onlyWorker) && !w.closed && !job.triedWorkers.contains(w.id))
                .findFirst().orElse(null);
    }

    void onAnswer(WorkerRecord worker, AvailabilityAnswer answer) {
        JobRecord job = state.jobs.get(answer.jobId());
        if (job == null || job.phase != Phase.OFFERING || !job.workerId.equals(worker.id)) {
            return; // the real server ignores answers for jobs it is not waiting on
        }
        faults.availabilityResponse(job, worker, () -> handleAnswer(job, worker, answer));
    }

    private void handleAnswer(JobRecord job, WorkerRecord worker, AvailabilityAnswer answer) {
        if (job.phase != Phase.OFFERING || !job.workerId.equals(worker.id)) {
            return;
        }
        SimState.cancel(job.availabilityTimer);
        state.journal(new AvailabilityAnswered(job.id(), worker.id, answer.available(), answer.terminate(),
                answer.participantIdentity()));
        if (answer.terminate()) {
            JobState running = job.job.state();
            Instant now = state.now();
            job.job = job.job.withState(new JobState(JobStatus.JS_SUCCESS, "", running.startedAt(), now, now, "",
                    worker.id));
            job.phase = Phase.ENDED;
            job.trueStatus = JobStatus.JS_SUCCESS;
            job.listedCopy = job.job;
        } else if (!answer.available()) {
            offerNext(job);
        } else {
            assign(job, worker, answer);
        }
    }

    private void assign(JobRecord job, WorkerRecord worker, AvailabilityAnswer answer) {
        String identity = answer.participantIdentity().isEmpty() ? "agent-" + job.id() : answer.participantIdentity();
        JobState running = job.job.state();
        // Only the identity is added: livekit-server leaves started_at/updated_at as stamped at the offer.
        job.job = job.job.withState(new JobState(JobStatus.JS_RUNNING, "", running.startedAt(), null,
                running.updatedAt(), identity, worker.id));
        Permissions permissions = worker.registration.permissions() == null
                ? Permissions.workerDefault() : worker.registration.permissions();
        // The token names the same identity the job state and the simulated participant use (the default
        // one when the worker asked for none), so the agent's token and its presence in the room agree.
        AvailabilityAnswer asGranted = new AvailabilityAnswer(answer.jobId(), true, answer.supportsResume(), false,
                answer.participantName(), identity, answer.participantMetadata(), answer.participantAttributes());
        String token = state.tokens.issue(worker.apiKey, job.job.room().name(), worker.registration.agentName(),
                asGranted, permissions, state.now());
        job.phase = Phase.ASSIGNED;
        job.trueStatus = JobStatus.JS_RUNNING;
        job.participantIdentity = identity;
        job.listedCopy = job.job;
        worker.runningJobs.add(job.id());
        Job assigned = job.job;
        boolean delivered = faults.jobAssignment(job, worker, () -> {
            worker.link.sendAssignment(assigned, state.config.assignmentUrl(), token);
            job.assignmentDelivered = true;
            events.agentAssigned(job, worker, answer, identity);
        });
        state.journal(new JobAssigned(job.id(), worker.id, identity, delivered));
    }

    private void onAvailabilityTimeout(JobRecord job, WorkerRecord worker) {
        if (job.phase != Phase.OFFERING || !job.workerId.equals(worker.id)) {
            return;
        }
        state.journal(new AvailabilityTimedOut(job.id(), worker.id));
        undeliverable(job, "worker " + worker.id + " did not answer the AvailabilityRequest within "
                + state.config.availabilityTimeout().toMillis() + " ms; not retried");
    }

    /** A worker socket closed: jobs it was being asked about go to the next worker. */
    void onWorkerGone(WorkerRecord worker) {
        for (JobRecord job : List.copyOf(state.jobs.values())) {
            if (job.phase == Phase.OFFERING && job.workerId.equals(worker.id)) {
                SimState.cancel(job.availabilityTimer);
                offerNext(job);
            }
        }
    }

    private void undeliverable(JobRecord job, String reason) {
        SimState.cancel(job.availabilityTimer);
        job.phase = Phase.UNDELIVERABLE;
        state.journal(new DispatchUndeliverable(job.job.room().name(), job.dispatch == null ? "" : job.dispatch.id,
                job.id(), job.job.agentName(), reason, pool.describeRegistered()));
    }

    /** How many jobs are waiting for an availability answer right now (for in-flight fault schedules). */
    int inFlight() {
        return (int) state.jobs.values().stream().filter(j -> j.phase == Phase.OFFERING).count();
    }
}
