package dev.dispatchsim.admin;



/**
 * A profile in force: its name, where it came from (a file name, a bundled name or
 * {@code <inline>}), the seed it pins (null when it does not) and its text as loaded.
 */
public record ProfileInfo(String name, String source, Long seed, String text) {
}
