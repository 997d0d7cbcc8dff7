package dev.dispatchsim.internal.fault;

import java.nio.charset.StandardCharsets;

/**
 * Derives independent seeds from (master seed, stable name). Each consumer of randomness gets its
 * own stream this way, so adding a consumer (e.g. a fault rule) never shifts another one's draws.
 * The hash is spelled out here (FNV-1a + SplitMix64 finaliser) rather than taken from
 * {@code String.hashCode()} so that it is 64-bit and can never change under us.
 */
public final class Seeds {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Seeds() {
    }

    public static long derive(long masterSeed, String name) {
        long hash = FNV_OFFSET;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * FNV_PRIME;
        }
        return mix(mix(masterSeed) ^ hash);
    }

    /** SplitMix64's finaliser: spreads nearby inputs (seed 1, 2, 3 …) over the whole range. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
