package dev.dispatchsim.internal.clock;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * One master seed, one independent generator per consumer: each is derived from (seed, stable
 * name), so adding a consumer (or a fault rule) never changes the draws of another.
 */
public final class SeededRandoms {

    private SeededRandoms() {
    }

    public static Random derive(long seed, String name) {
        return new Random(mix(seed, name));
    }

    /** FNV-1a over the name, folded into the seed with a SplitMix64 finaliser. */
    public static long mix(long seed, String name) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b;
            hash *= 0x100000001b3L;
        }
        long z = seed ^ hash;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
