package dev.dispatchsim.internal.standalone;



/**
 * A standalone setting that cannot be used. The message names the flag or env var it came from and,
 * where there is a closed set, the valid values; the server exits with code 2.
 */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
