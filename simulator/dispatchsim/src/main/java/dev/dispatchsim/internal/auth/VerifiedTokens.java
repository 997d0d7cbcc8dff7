package dev.dispatchsim.internal.auth;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens whose signature and claims one {@link TokenVerifier} has already checked, with their claims.
 * SDKs send the same token on many calls (the Node SDK signs with second-resolution iat, a test's load
 * loop reuses one), and the HMAC and two JSON parses were a sixth of a Twirp call's CPU. Only what does
 * not change is remembered: the key set of a verifier is fixed, and the lifetime is checked again at
 * every use against the simulator's clock, so a cached token answers exactly as a fresh check would.
 * Bounded in entries and in token length; when full it starts over (tokens are cheap to check again).
 */
final class VerifiedTokens {

    static final int MAX_ENTRIES = 1024;
    static final int MAX_TOKEN_CHARS = 4096;

    private final ConcurrentHashMap<String, Claims> verified = new ConcurrentHashMap<>();

    /** The claims of a token verified before, or null. */
    Claims get(String token) {
        return verified.get(token);
    }

    void put(String token, Claims claims) {
        if (token.length() > MAX_TOKEN_CHARS) {
            return;
        }
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.put(token, claims);
    }

    int size() {
        return verified.size();
    }
}
