package dev.dispatchsim.internal.admin;



/**
 * The body of {@code POST /_sim/rooms/{room}/participants/{identity}/tracks}. Absent fields are the
 * defaults of a microphone track: name {@code mic}, type {@code AUDIO}, source {@code MICROPHONE}.
 */
record TrackRequest(String name, String type, String source) {

    TrackRequest {
        name = name == null ? "mic" : name;
        type = type == null ? "AUDIO" : type;
        source = source == null ? "MICROPHONE" : source;
    }
}
