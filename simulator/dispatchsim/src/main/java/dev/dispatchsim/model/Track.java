package dev.dispatchsim.model;



/** A published track of a simulated participant. {@code type} is AUDIO, VIDEO or DATA; {@code source} a TrackSource name. */
public record Track(String sid, String name, String type, String source, boolean muted) {

    public Track withMuted(boolean value) {
        return new Track(sid, name, type, source, value);
    }
}
