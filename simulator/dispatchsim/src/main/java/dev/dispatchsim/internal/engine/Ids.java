package dev.dispatchsim.internal.engine;

import dev.dispatchsim.internal.clock.SeededRandoms;

import java.util.Random;

/** LiveKit-style ids (prefix + 12 characters of the 57-character alphabet), drawn from the seed. */
public final class Ids {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final int LENGTH = 12;

    private final Random random;

    public Ids(long seed) {
        this.random = SeededRandoms.derive(seed, "ids");
    }

    public String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix);
        for (int i = 0; i < LENGTH; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
