package dev.dispatchsim.admin;

import dev.dispatchsim.internal.admin.HttpSimulatorAdmin;
import dev.dispatchsim.journal.JournalEntry;
import dev.dispatchsim.journal.JournalEvent.TwirpCall;
import dev.dispatchsim.model.Participant;
import dev.dispatchsim.model.SimulatorState;
import dev.dispatchsim.model.Track;
import dev.dispatchsim.model.Worker;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything a test can do to a simulator besides speaking LiveKit's own protocols, whether the
 * simulator runs in the same JVM ({@code LiveKitSimulator.admin()}) or elsewhere ({@link #http(String)},
 * over {@code /_sim/}). Both implementations pass the same contract tests; failures are
 * {@link AdminException}s with the same status and error code either way.
 */
public interface SimulatorAdmin {

    /** An admin client for a simulator reachable at {@code baseUrl} (e.g. {@code http://localhost:7880}). */
    static SimulatorAdmin http(String baseUrl) {
        return new HttpSimulatorAdmin(URI.create(baseUrl), null);
    }

    /** The same, sending {@code adminToken} with every call. */
    static SimulatorAdmin http(String baseUrl, String adminToken) {
        return new HttpSimulatorAdmin(URI.create(baseUrl), adminToken);
    }

    Health health();

    /** Rooms, participants, dispatches with their true and reported job states, and registered workers. */
    SimulatorState state();

    /** Journal entries matching {@code query}, oldest first. */
    List<JournalEntry> journal(JournalQuery query);

    /**
     * The first entry matching {@code query}, already there or yet to come; after {@code timeout}
     * an {@link AdminException} 504 {@code timeout} naming what was awaited and the last sequence number.
     */
    JournalEntry awaitJournal(JournalQuery query, Duration timeout);

    Optional<ProfileInfo> profile();

    /** Puts a YAML or JSON profile in force; 400 {@code invalid_profile} with file/line/column, or 501. */
    ProfileInfo loadProfile(String text, String sourceName);

    void clearProfile();

    /** Puts a profile bundled with the simulator in force, by name; 400 {@code invalid_profile} listing the names. */
    ProfileInfo loadBundledProfile(String name);

    /** The names of the bundled profiles (the files of fault-profiles/). */
    List<String> bundledProfiles();

    /** Every rule of the profile in force with its counters, in profile order. */
    List<RuleStatus> rules();

    /**
     * Adds one rule (YAML or JSON, written as a rule of a profile's {@code rules:}) after the others, checked
     * like a profile; its counters start at zero and the other rules keep theirs. 400 {@code invalid_profile}
     * with every problem, 409 {@code already_exists} when the name is taken.
     */
    RuleStatus addRule(String ruleText);

    /** Removes a rule; the others keep their counters. 404 {@code not_found} listing the rules. */
    void removeRule(String name);

    /** Switches a rule off (it sees no events) or on again, keeping its counters; 404 {@code not_found}. */
    RuleStatus setRuleEnabled(String name, boolean enabled);

    /**
     * Moves the profile's scenario state (see {@link SimulatorState#scenarioState()} for the current one);
     * 400 {@code invalid_argument} listing the profile's states.
     */
    void setScenarioState(String state);

    /**
     * The Twirp calls answered so far, oldest first: those of {@code method} (e.g. {@code CreateDispatch}) about
     * {@code room}; a null or empty filter matches every call. 400 {@code invalid_argument} for a method the
     * simulator does not serve.
     */
    List<TwirpCall> twirpCalls(String method, String room);

    /** A token signed with the simulator's first API key, for a client such as curl. */
    String mintToken(TokenRequest request);

    /** Back to a fresh simulator with the same seed (rooms, workers, journal, fault counters). Idempotent. */
    void reset();

    /**
     * Moves a manual clock forward, running what falls due, and returns the simulated time after it;
     * 409 {@code clock_not_manual} on the system clock.
     */
    Instant advanceClock(Duration by);

    /** Joins a simulated participant, creating the room if needed (as a join token would). */
    Participant addParticipant(String room, String identity, SimParticipant participant);

    /**
     * The participant publishes a track: its first track launches the room's JT_PUBLISHER jobs.
     * {@code type} is AUDIO, VIDEO or DATA, {@code source} a TrackSource name such as MICROPHONE or CAMERA;
     * 404 when the room or the participant does not exist.
     */
    Track publishTrack(String room, String identity, String trackName, String type, String source);

    /** The participant leaves; 404 when the room or the participant does not exist. */
    void removeParticipant(String room, String identity);

    List<Worker> workers();

    /** Closes a worker's socket from the server side with {@code closeCode}; 404 when no such worker. */
    void killWorker(String workerId, int closeCode);

    /** The webhook URLs in force, in the order they were added. */
    List<String> webhooks();

    /**
     * Sends webhooks to {@code url} too, from the next thing that happens on; returns the URLs in force.
     * Adding a URL already there changes nothing. 400 {@code invalid_argument} when it is not an absolute
     * http or https URL. A reset goes back to the URLs the simulator started with.
     */
    List<String> addWebhook(String url);

    /**
     * Stops sending webhooks to {@code url}; what was queued for it is dropped (journalled). Returns the URLs
     * in force; 404 {@code not_found} naming them when {@code url} is not one of them.
     */
    List<String> removeWebhook(String url);
}
