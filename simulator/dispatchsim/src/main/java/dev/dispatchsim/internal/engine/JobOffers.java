package dev.dispatchsim.internal.engine;

import dev.dispatchsim.internal.model.AvailabilityAnswer;
import dev.dispatchsim.journal.JournalEvent.ActionDropped;
import dev.dispatchsim.journal.JournalEvent.AvailabilityAnswerIgnored;
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
 * AvailabilityRequest whose job already says JS_RUNNING, wait for the answer (3 s from when the request
 * went out), then assign. A rejection tries the next worker; a timeout loses the job, with no retry, and
 * a later answer is ignored. Each step that a fault can touch is its own method, a step a fault put off
 * checks the job still wants it when it runs, and the journal records what really happened at each.
 */
final class JobOffers {

    static final String TOO_LATE = "answer arrived after the availability window";

    private final SimState state;
    private final WorkerPool pool;
    private final Faults faults;
    private final JobListing listing;
    private final EngineEvents events;

    JobOffers(SimState state, WorkerPool pool, Faults faults, JobListing listing, EngineEvents events) {
        this.state = state;
        this.pool = pool;
        this.faults = faults;
        this.listing = listing;
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
        boolean cold = state.listing.coldLaunch(state.now());
        for (String namespace : WorkerPool.namespaces(serving)) {
            Job job = new Job(state.ids.next("AJ_"), dispatch.id, type, room.snapshot(), participant, agent,
                    dispatch.request.metadata(), deployment, dispatch.request.attributes(), JobState.pending());
            JobRecord record = new JobRecord(dispatch, job);
            record.namespace = namespace;
            record.coldLaunch = cold;
            dispatch.jobs.add(record);
            state.addJob(record);
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
        state.addJob(record);
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
        job.offerSent = false;
        // JS_RUNNING before the worker has said anything: the real server stamps it here, with one
        // instant for started_at and updated_at (the clock is read once: a real clock moves between reads).
        Instant now = state.now();
        job.job = job.job.withState(new JobState(JobStatus.JS_RUNNING, "", now, null, now, "", worker.id));
        // Journalled when the frame really leaves: a dropped or stalled request leaves only its
        // FaultApplied entry, a delayed one is journalled when it is sent.
        Faults.Outcome outcome = faults.availabilityRequest(job, worker, () -> sendRequest(job, worker));
        if (outcome == Faults.Outcome.NEVER && stillOffered(job, worker) && !job.offerSent) {
            // Dropped or stalled on the way: the server wrote the request, so its wait runs from now.
            startWindow(job, worker);
        }
    }

    /**
     * Sends the AvailabilityRequest, at once or when a fault lets it go; the window starts with the first
     * copy that really goes out (livekit-server writes the request, then starts its timer). A copy whose
     * job is no longer offered to this worker (answered, timed out, another worker's now, its dispatch or
     * room deleted) is not sent.
     */
    private void sendRequest(JobRecord job, WorkerRecord worker) {
        if (!stillOffered(job, worker)) {
            state.journal(new ActionDropped("availability_request", job.id(), worker.id, "job no longer offered"));
            if (job.phase == Phase.OFFERING && job.workerId.equals(worker.id) && !job.offerSent) {
                // Its dispatch or room went away before the worker ever heard of the job: the launch ends here.
                undeliverable(job, "the dispatch or its room was deleted before the AvailabilityRequest went out");
            }
            return;
        }
        state.journal(new AvailabilityRequested(job.id(), worker.id));
        worker.link.sendAvailability(job.job, false);
        if (!job.offerSent) {
            startWindow(job, worker);
        }
    }

    private void startWindow(JobRecord job, WorkerRecord worker) {
        job.offerSent = true;
        SimState.cancel(job.availabilityTimer);
        job.availabilityTimer = state.schedule(state.config.availabilityTimeout(), () -> onAvailabilityTimeout(job, worker));
    }

    /** The job waits for this worker's answer, and its dispatch and room are still there. */
    private boolean stillOffered(JobRecord job, WorkerRecord worker) {
        return job.phase == Phase.OFFERING && job.workerId.equals(worker.id) && !worker.closed
                && job.dispatchStillLive(state);
    }

    /** The worker that asked for a simulated job, if it is still there and has not been asked yet (no retry). */
    private WorkerRecord simulationTarget(JobRecord job) {
        WorkerRecord worker = state.workers.byId(job.onlyWorker);
        return worker != null && !job.triedWorkers.contains(worker.id) ? worker : null;
    }

    void onAnswer(WorkerRecord worker, AvailabilityAnswer answer) {
        JobRecord job = state.jobs.get(answer.jobId());
        if (job != null && job.timedOutWorker.equals(worker.id)) {
            // Silently ignored by the real server (no assignment, no second offer); the journal says why.
            state.journal(new AvailabilityAnswerIgnored(job.id(), worker.id, answer.available(), TOO_LATE));
            return;
        }
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
            state.phase(job, Phase.ENDED);
            job.trueStatus = JobStatus.JS_SUCCESS;
            listing.launched(job, job.job);
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
        state.phase(job, Phase.ASSIGNED);
        job.trueStatus = JobStatus.JS_RUNNING;
        job.participantIdentity = identity;
        worker.runningJobs.add(job.id());
        Job assigned = job.job;
        boolean delivered = faults.jobAssignment(job, worker, () -> {
            // A delayed or duplicated copy checks the job still runs on this worker and its room is still there.
            if (job.phase != Phase.ASSIGNED || !worker.runningJobs.contains(job.id()) || worker.closed
                    || !job.dispatchStillLive(state)) {
                state.journal(new ActionDropped("job_assignment", job.id(), worker.id, "job no longer assigned"));
                return;
            }
            worker.link.sendAssignment(assigned, state.config.assignmentUrl(), token);
            job.assignmentDelivered = true;
            events.agentAssigned(job, worker, answer, identity);
        });
        state.journal(new JobAssigned(job.id(), worker.id, identity, delivered));
        listing.launched(job, assigned);
    }

    private void onAvailabilityTimeout(JobRecord job, WorkerRecord worker) {
        if (job.phase != Phase.OFFERING || !job.workerId.equals(worker.id)) {
            return;
        }
        job.timedOutWorker = worker.id;
        state.journal(new AvailabilityTimedOut(job.id(), worker.id));
        undeliverable(job, "worker " + worker.id + " did not answer the AvailabilityRequest within "
                + state.config.availabilityTimeout().toMillis() + " ms; not retried");
    }

    /** A worker socket closed: jobs it was being asked about go to the next worker. */
    void onWorkerGone(WorkerRecord worker) {
        // only the jobs in flight, in creation order (the order a walk over every job met them in)
        for (JobRecord job : List.copyOf(state.offering.values())) {
            if (job.phase == Phase.OFFERING && job.workerId.equals(worker.id)) {
                SimState.cancel(job.availabilityTimer);
                offerNext(job);
            }
        }
    }

    private void undeliverable(JobRecord job, String reason) {
        SimState.cancel(job.availabilityTimer);
        state.phase(job, Phase.UNDELIVERABLE);
        listing.failed(job);
        state.journal(new DispatchUndeliverable(job.job.room().name(), job.dispatch == null ? "" : job.dispatch.id,
                job.id(), job.job.agentName(), reason, pool.describeRegistered()));
    }

}
