package dev.dispatchsim.internal.fault;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Twirp services and methods the simulator serves, by name, so that a profile's literal
 * {@code service:} or {@code method:} selector is checked against them when it is loaded
 * ({@code service: AgentDispatchService} without {@code livekit.} would otherwise never match).
 * The fault package knows no protocol types; a test keeps this list equal to the router's.
 */
public final class TwirpRpcs {

    public static final Map<String, List<String>> SERVED = servedInOrder();

    private TwirpRpcs() {
    }

    private static Map<String, List<String>> servedInOrder() {
        Map<String, List<String>> served = new LinkedHashMap<>();
        served.put("livekit.RoomService", List.of("CreateRoom", "ListRooms", "DeleteRoom", "ListParticipants",
                "GetParticipant", "RemoveParticipant", "UpdateParticipant", "MutePublishedTrack", "UpdateSubscriptions",
                "SendData", "UpdateRoomMetadata", "PerformRpc"));
        served.put("livekit.AgentDispatchService", List.of("CreateDispatch", "ListDispatch", "DeleteDispatch"));
        return java.util.Collections.unmodifiableMap(served);
    }

    public static List<String> services() {
        return List.copyOf(SERVED.keySet());
    }

    /** Every method name, each once, services in order. */
    public static List<String> methods() {
        return SERVED.values().stream().flatMap(List::stream).distinct().toList();
    }

    /** The methods of the services {@code service} matches (all of them when null). */
    public static List<String> methods(TextPattern service) {
        return SERVED.entrySet().stream().filter(e -> service == null || service.matches(e.getKey()))
                .flatMap(e -> e.getValue().stream()).distinct().toList();
    }
}
