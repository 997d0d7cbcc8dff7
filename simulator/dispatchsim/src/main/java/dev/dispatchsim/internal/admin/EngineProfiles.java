package dev.dispatchsim.internal.admin;

import dev.dispatchsim.admin.ProfileInfo;
import dev.dispatchsim.internal.engine.Engine;
import dev.dispatchsim.internal.fault.RuleProfile;
import dev.dispatchsim.internal.fault.profile.ProfileLoader;
import dev.dispatchsim.profile.ProfileException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Fault profiles for the admin API and the standalone server, over the simulator's own fault engine:
 * a profile is parsed and validated completely, then swapped in one step; a rejected one changes nothing.
 */
public final class EngineProfiles implements ProfileControl {

    private final Engine engine;
    private volatile ProfileInfo current;

    public EngineProfiles(Engine engine, RuleProfile initial) {
        this.engine = engine;
        this.current = initial.rules().isEmpty() && initial.name().equals(RuleProfile.none().name()) ? null
                : info(initial, initial.name(), bundledText(initial.name()));
    }

    @Override
    public Optional<ProfileInfo> current() {
        return Optional.ofNullable(current);
    }

    @Override
    public ProfileInfo load(String text, String sourceName) throws ProfileException {
        return swap(ProfileLoader.fromYaml(text, sourceName), sourceName, text);
    }

    @Override
    public ProfileInfo loadPathOrName(String pathOrName) throws ProfileException {
        RuleProfile profile = ProfileLoader.load(pathOrName);
        Path path = Path.of(pathOrName);
        String text = Files.isRegularFile(path) ? read(path) : bundledText(pathOrName);
        return swap(profile, pathOrName, text);
    }

    @Override
    public ProfileInfo loadBundled(String name) throws ProfileException {
        RuleProfile profile = ProfileLoader.bundled(name);
        String bare = name.replaceFirst("\\.yaml$", "");
        return swap(profile, bare, bundledText(bare));
    }

    /** A profile given in code ({@code LiveKitSimulator.loadProfile}): in force at once, shown by name. */
    public ProfileInfo use(RuleProfile profile) {
        return swap(profile, profile.name(), bundledText(profile.name()));
    }

    @Override
    public void clear() {
        engine.loadProfile(RuleProfile.none()).join();
        current = null;
    }

    @Override
    public void resetCounters() {
        engine.faults().reset();
    }

    private ProfileInfo swap(RuleProfile profile, String source, String text) {
        engine.loadProfile(profile).join();
        ProfileInfo info = info(profile, source, text);
        current = info;
        return info;
    }

    private static ProfileInfo info(RuleProfile profile, String source, String text) {
        return new ProfileInfo(profile.name(), source, profile.seed().isPresent() ? profile.seed().getAsLong() : null, text);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return "";
        }
    }

    /** The text of a bundled profile, as shipped on the classpath; "" when there is none by that name. */
    private static String bundledText(String name) {
        try (InputStream in = EngineProfiles.class.getClassLoader()
                .getResourceAsStream("dispatchsim/profiles/" + name + ".yaml")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return "";
        }
    }
}
