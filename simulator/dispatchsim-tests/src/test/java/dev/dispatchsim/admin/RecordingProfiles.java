package dev.dispatchsim.admin;

import dev.dispatchsim.fault.profile.ProfileException;
import java.util.Optional;

/**
 * A stand-in profile control for tests: accepts any text with a {@code name:} line (and an optional
 * {@code seed:} line), and rejects an unclosed {@code [} at its line and column, the way the fault engine's
 * loader reports errors. It lets the admin layer be tested before and apart from the fault engine.
 */
final class RecordingProfiles implements ProfileControl {

    private volatile ProfileInfo current;
    volatile int counterResets;

    @Override
    public Optional<ProfileInfo> current() {
        return Optional.ofNullable(current);
    }

    @Override
    public ProfileInfo load(String text, String sourceName) throws ProfileException {
        String[] lines = text.split("\n", -1);
        String name = null;
        Long seed = null;
        for (int i = 0; i < lines.length; i++) {
            int open = lines[i].indexOf('[');
            if (open >= 0 && !lines[i].contains("]")) {
                throw new ProfileException(sourceName, i + 1, open + 1, "unclosed flow sequence", null, java.util.List.of());
            }
            if (lines[i].startsWith("name:")) {
                name = lines[i].substring(5).strip();
            }
            if (lines[i].startsWith("seed:")) {
                seed = Long.parseLong(lines[i].substring(5).strip());
            }
        }
        if (name == null) {
            throw new ProfileException(sourceName, 1, 1, "missing field 'name'", null, java.util.List.of());
        }
        current = new ProfileInfo(name, sourceName, seed, text);
        return current;
    }

    @Override
    public ProfileInfo loadPathOrName(String pathOrName) throws ProfileException {
        return load("name: " + pathOrName + "\n", pathOrName);
    }

    @Override
    public void clear() {
        current = null;
    }

    @Override
    public void resetCounters() {
        counterResets++;
    }
}
