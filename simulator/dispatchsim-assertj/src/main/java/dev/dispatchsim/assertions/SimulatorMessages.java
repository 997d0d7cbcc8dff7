package dev.dispatchsim.assertions;

import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.journal.JournalEvent.DispatchUndeliverable;
import dev.dispatchsim.journal.JournalEvent.FaultApplied;
import dev.dispatchsim.journal.JournalEvent.RoomClosed;
import dev.dispatchsim.model.Participant;
import dev.dispatchsim.model.ParticipantKind;
import dev.dispatchsim.model.SimulatorState.DispatchView;
import dev.dispatchsim.model.SimulatorState.JobView;
import dev.dispatchsim.model.SimulatorState.RoomView;
import dev.dispatchsim.model.Worker;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Failure messages of the simulator assertions. Each says what was expected, what is there instead,
 * and the nearest miss that explains the difference: a similar name, the workers that were
 * registered, the fault that fired, the journal lines of the job. Golden-file tested.
 */
final class SimulatorMessages {

    static final String AGENT_NAME_ATTRIBUTE = "lk.agent_name";

    private SimulatorMessages() {
    }

    static String noRoom(Evidence evidence, String name) {
        Optional<RoomClosed> closed = evidence.events(RoomClosed.class).stream().filter(c -> c.room().equals(name))
                .reduce((first, second) -> second);
        if (closed.isPresent()) {
            return "no live room '" + name + "': it was closed (" + closed.get().reason() + ")";
        }
        List<String> live = evidence.state().rooms().stream().map(r -> r.room().name()).toList();
        return live.isEmpty() ? "no room '" + name + "': there are no live rooms"
                : "no room '" + name + "'; live rooms: " + NearMiss.quoted(live) + NearMiss.closestClause(name, live);
    }

    static String noDispatch(Evidence evidence, RoomView room, String agent) {
        String there = room.dispatches().isEmpty() ? "room '" + room.room().name() + "' has no dispatches"
                : "dispatches there: " + room.dispatches().stream().map(SimulatorMessages::describe).collect(Collectors.joining(", "))
                + NearMiss.closestClause(agent, room.dispatches().stream().map(d -> d.reported().agentName()).toList());
        return "no dispatch for agent '" + agent + "' in room '" + room.room().name() + "'; " + there
                + "; registered workers: " + list(evidence.state().registeredAgents());
    }

    static String severalDispatches(RoomView room, String agent, List<DispatchView> found) {
        return found.size() + " dispatches for agent '" + agent + "' in room '" + room.room().name() + "': "
                + found.stream().map(SimulatorMessages::describe).collect(Collectors.joining(", ")) + "; pick one with dispatch(id)";
    }

    static String noDispatchId(RoomView room, String dispatchId) {
        return "no dispatch " + dispatchId + " in room '" + room.room().name() + "'; dispatches there: "
                + room.dispatches().stream().map(SimulatorMessages::describe).collect(Collectors.joining(", ", "[", "]"));
    }

    static String noJob(Evidence evidence, DispatchView dispatch) {
        StringBuilder text = new StringBuilder(describe(dispatch)).append(" in room '").append(dispatch.reported().room())
                .append("' has no job");
        List<DispatchUndeliverable> missed = evidence.undeliverable(dispatch.reported().id());
        Optional<FaultApplied> held = evidence.events(FaultApplied.class).stream()
                .filter(f -> f.hookPoint().equals("dispatch_created") && dispatch.reported().id().equals(f.targets().get("dispatch")))
                .findFirst();
        if (!missed.isEmpty()) {
            DispatchUndeliverable last = missed.get(missed.size() - 1);
            List<String> names = last.registeredAgents().stream().map(a -> a.replaceFirst("^'([^']*)'.*$", "$1")).toList();
            text.append(": ").append(last.reason()).append("; registered workers: ").append(list(last.registeredAgents()))
                    .append(NearMiss.closestClause(dispatch.reported().agentName(), names));
        } else if (held.isPresent()) {
            text.append(": its launch was held by rule '").append(held.get().rule()).append("' (").append(held.get().effect())
                    .append(") and has not happened by ").append(evidence.now());
        } else {
            text.append(" and the journal says nothing more about it");
        }
        return text.toString();
    }

    static String severalJobs(DispatchView dispatch) {
        return describe(dispatch) + " has " + dispatch.jobs().size() + " jobs ("
                + dispatch.jobs().stream().map(JobView::jobId).collect(Collectors.joining(", ")) + "); pick one with job(id)";
    }

    static String notDelivered(Evidence evidence, JobView job, String agent, String room) {
        return "job " + job.jobId() + " (agent '" + agent + "', room '" + room + "') was never delivered to a worker: "
                + truth(job) + trail(evidence, job.jobId());
    }

    static String delivered(JobView job, String agent, String room) {
        return "job " + job.jobId() + " (agent '" + agent + "', room '" + room + "') was delivered to worker " + job.workerId()
                + " as '" + job.participantIdentity() + "', but was expected not to be";
    }

    static String trueStatus(Evidence evidence, JobView job, Object expected) {
        return "job " + job.jobId() + " is really " + job.trueStatus() + ", expected " + expected + "; " + truth(job)
                + trail(evidence, job.jobId());
    }

    static String reportedStatus(Evidence evidence, JobView job, Object expected) {
        String reported = job.reportedStatus() == null ? "does not list it" : "reports " + job.reportedStatus();
        return "ListDispatch " + reported + " for job " + job.jobId() + ", expected " + expected + "; " + truth(job)
                + trail(evidence, job.jobId());
    }

    static String noAgent(Evidence evidence, RoomView room, String agent) {
        String name = room.room().name();
        List<Participant> agents = room.participants().stream().filter(p -> p.kind() == ParticipantKind.AGENT).toList();
        StringBuilder text = new StringBuilder("no agent '").append(agent).append("' in room '").append(name)
                .append("'; participants: ").append(room.participants().stream()
                        .map(p -> "'" + p.identity() + "' " + p.kind()).collect(Collectors.joining(", ", "[", "]")))
                .append(NearMiss.closestClause(agent, agents.stream().map(SimulatorMessages::agentName).toList()));
        List<DispatchView> dispatches = room.dispatches().stream().filter(d -> d.reported().agentName().equals(agent)).toList();
        text.append(dispatches.isEmpty() ? "\nno dispatch for '" + agent + "' in this room" : "\ndispatches for '" + agent + "':");
        for (DispatchView dispatch : dispatches) {
            text.append("\n  ").append(describe(dispatch)).append(": ").append(dispatch.jobs().isEmpty() ? "no job"
                    : dispatch.jobs().stream().map(j -> j.jobId() + " " + truth(j)).collect(Collectors.joining("; ")));
        }
        List<FaultApplied> faults = evidence.faultsInRoom(name);
        if (!faults.isEmpty()) {
            text.append("\nfaults applied in this room: ").append(faults.stream()
                    .map(f -> "'" + f.rule() + "' at " + f.hookPoint() + " (" + f.effect() + ")").distinct()
                    .collect(Collectors.joining(", ")));
        }
        return text.toString();
    }

    static String agentCount(RoomView room, String agent, List<Participant> found, int expected) {
        return "room '" + room.room().name() + "' has " + found.size() + " agent(s) '" + agent + "' "
                + found.stream().map(p -> "'" + p.identity() + "'").collect(Collectors.joining(", ", "[", "]"))
                + ", expected " + expected;
    }

    static String noWorker(Evidence evidence, String agent) {
        List<String> names = evidence.state().workers().stream().map(Worker::agentName).toList();
        return "no worker registered as agent '" + agent + "'; registered workers: "
                + list(evidence.state().registeredAgents()) + NearMiss.closestClause(agent, names);
    }

    static String severalWorkers(String agent, List<Worker> found) {
        return found.size() + " workers registered as agent '" + agent + "' ("
                + found.stream().map(Worker::id).collect(Collectors.joining(", ")) + "); pick one with workerById(id)";
    }

    static String receivedCount(Evidence evidence, Worker worker, Collection<String> received, int expected) {
        return "worker " + worker.id() + " ('" + worker.agentName() + "') received " + received.size() + " job(s) "
                + withRooms(evidence, received) + ", expected " + expected + offers(evidence, worker);
    }

    static String noJobForRoom(Evidence evidence, Worker worker, Collection<String> received, String room) {
        List<String> rooms = received.stream().map(evidence::roomOfJob).distinct().toList();
        return "worker " + worker.id() + " ('" + worker.agentName() + "') received no job for room '" + room
                + "'; it received " + withRooms(evidence, received) + NearMiss.closestClause(room, rooms) + offers(evidence, worker);
    }

    static String ruleNotApplied(Evidence evidence, String rule, List<FaultApplied> fired) {
        List<String> rules = evidence.profile().ruleNames();
        String firedText = fired.isEmpty() ? "no rule fired" : "rules that fired: " + fired.stream()
                .collect(Collectors.groupingBy(FaultApplied::rule, java.util.LinkedHashMap::new, Collectors.counting()))
                .entrySet().stream().map(e -> "'" + e.getKey() + "' x" + e.getValue()).collect(Collectors.joining(", "));
        String which = rules.contains(rule) ? "rule '" + rule + "' of profile '" + evidence.profile().name() + "' never fired"
                : "profile '" + evidence.profile().name() + "' has no rule '" + rule + "'; its rules: " + NearMiss.quoted(rules)
                + NearMiss.closestClause(rule, rules);
        return which + "; " + firedText;
    }

    static String ruleCount(String rule, List<JournalEntry> fired, int expected) {
        return "rule '" + rule + "' fired " + fired.size() + " time(s), expected " + expected + lines(fired);
    }

    static String describe(DispatchView dispatch) {
        return "dispatch " + dispatch.reported().id() + " for '" + dispatch.reported().agentName() + "' ("
                + dispatch.reported().source().wireName() + ")";
    }

    /** The truth of a job next to what ListDispatch says about it. */
    static String truth(JobView job) {
        String delivery = job.delivered() ? "delivered to " + job.workerId() : "not delivered";
        String reported = job.reportedStatus() == null ? "not listed by ListDispatch" : "ListDispatch says " + job.reportedStatus();
        return "phase " + job.phase() + ", " + delivery + ", true status " + job.trueStatus() + ", " + reported;
    }

    static String agentName(Participant participant) {
        return participant.attributes().getOrDefault(AGENT_NAME_ATTRIBUTE, "");
    }

    /**
     * The job's journal lines. A status-report rule decides each time anyone looks at the job's status
     * (ListDispatch, or an assertion's snapshot), so only its first decision is shown, with a count.
     */
    private static String trail(Evidence evidence, String jobId) {
        List<JournalEntry> shown = new java.util.ArrayList<>();
        java.util.Map<String, Integer> repeats = new java.util.LinkedHashMap<>();
        for (JournalEntry entry : evidence.trail(jobId)) {
            if (entry.event() instanceof FaultApplied f && f.hookPoint().equals("job_status_report")
                    && repeats.merge(f.rule(), 1, Integer::sum) > 1) {
                continue;
            }
            shown.add(entry);
        }
        String more = repeats.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> "\n  (rule '" + e.getKey() + "' decided the reported status " + (e.getValue() - 1) + " more time(s))")
                .collect(Collectors.joining());
        return "\njournal of " + jobId + ":" + lines(shown) + more;
    }

    private static String lines(List<JournalEntry> entries) {
        return entries.stream().map(e -> "\n  #" + e.seq() + " " + e.virtualTime() + " " + e.event()).collect(Collectors.joining());
    }

    private static String withRooms(Evidence evidence, Collection<String> jobs) {
        return jobs.stream().map(j -> j + " in '" + evidence.roomOfJob(j) + "'").collect(Collectors.joining(", ", "[", "]"));
    }

    private static String offers(Evidence evidence, Worker worker) {
        List<String> offered = evidence.events(dev.dispatchsim.journal.JournalEvent.AvailabilityRequested.class).stream()
                .filter(r -> r.workerId().equals(worker.id())).map(r -> r.jobId()).toList();
        return "; offered to it: " + withRooms(evidence, offered);
    }

    private static String list(List<String> alreadyQuoted) {
        return alreadyQuoted.stream().collect(Collectors.joining(", ", "[", "]"));
    }
}
