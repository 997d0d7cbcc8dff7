package dev.dispatchsim.admin;

/**
 * One rule of the fault profile in force, with its counters since the profile was loaded (or the last reset):
 * {@code matched} counts the events the rule saw (enabled, in its state, selected), {@code fired} how often
 * it acted. {@code state} is the scenario state it needs and {@code then} the one it moves to (null when none).
 */
public record RuleStatus(String name, String at, boolean enabled, long matched, long fired, String state, String then) {
}
