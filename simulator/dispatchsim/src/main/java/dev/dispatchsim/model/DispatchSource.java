package dev.dispatchsim.model;

import java.util.Arrays;
import java.util.List;

/** Where a dispatch came from. The wire name is what profiles and the journal use. */
public enum DispatchSource {
    /** CreateRoom with {@code agents}. */
    CREATE_ROOM("create_room"),
    /** AgentDispatchService.CreateDispatch. */
    CREATE_DISPATCH("create_dispatch"),
    /** A join token's {@code roomConfig.agents}, when that join created the room. */
    TOKEN("token"),
    /** The implicit empty-name dispatch of a room created without agents. */
    AUTOMATIC("automatic");

    private final String wireName;

    DispatchSource(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(DispatchSource::wireName).toList();
    }
}
