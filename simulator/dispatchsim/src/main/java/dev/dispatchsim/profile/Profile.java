package dev.dispatchsim.profile;

import dev.dispatchsim.internal.fault.RuleProfile;
import dev.dispatchsim.internal.fault.profile.ProfileLoader;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * A fault profile: named rules that make the simulator's dispatch path fail on purpose, the same way
 * every run (fault-profiles/README.md describes the YAML). A profile is parsed and validated completely
 * when it is loaded, so a bad one never reaches a simulator; every problem is a {@link ProfileException}
 * naming the file, line and column. The rules themselves are not part of the API: write them in YAML.
 */
public interface Profile {

    String name();

    String description();

    /**
     * The profile's own seed, or empty. It is the seed its rules draw from only when {@link #seedFixed()};
     * otherwise the run's seed wins and this one is the standalone server's default when no {@code --seed} is given.
     */
    OptionalLong seed();

    /** Whether the profile pins its {@link #seed()} ({@code seed_fixed: true}): its draws then ignore the run's seed. */
    boolean seedFixed();

    /** The scenario states the profile declares, the initial one first; empty when it has none. */
    List<String> states();

    /** The rules' names, in profile order: what {@code FaultApplied} journal entries name. */
    List<String> ruleNames();

    /** The same rules drawing from {@code seed} whatever the run's seed is: the same scenario, another seeded pattern. */
    Profile withSeed(long seed);

    /** No faults: the simulator behaves like livekit-server. */
    static Profile none() {
        return RuleProfile.none();
    }

    /** A YAML (or JSON) file path if such a file exists, else a bundled profile by name ({@code late-delivery}). */
    static Profile load(String pathOrName) {
        return ProfileLoader.load(pathOrName);
    }

    static Profile fromPath(Path path) {
        return ProfileLoader.fromPath(path);
    }

    /** A profile written in code or sent in a request, in YAML or JSON; errors call it {@code <inline>}. */
    static Profile fromYaml(String text) {
        return ProfileLoader.fromYaml(text);
    }

    /** The same, with {@code sourceName} as what errors call it. */
    static Profile fromYaml(String text, String sourceName) {
        return ProfileLoader.fromYaml(text, sourceName);
    }

    /**
     * The rules of every part, in order, as one profile (two bundled scenarios at once, say); it pins no
     * seed of its own. Rule names must not repeat across the parts (they seed each rule's draws).
     */
    static Profile combine(String name, Profile... parts) {
        return RuleProfile.combine(name, parts);
    }

    /** A profile shipped in the simulator jar, by name, with or without {@code .yaml}. */
    static Profile bundled(String name) {
        return ProfileLoader.bundled(name);
    }

    /** The names of the bundled profiles (the files of fault-profiles/). */
    static List<String> bundledNames() {
        return ProfileLoader.bundledNames();
    }
}
