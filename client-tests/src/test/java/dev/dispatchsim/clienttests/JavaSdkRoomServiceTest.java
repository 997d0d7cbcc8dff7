package dev.dispatchsim.clienttests;

import dev.dispatchsim.LiveKitSimulator;
import dev.dispatchsim.admin.SimParticipant;
import dev.dispatchsim.journal.JournalEvent.DataSent;
import dev.dispatchsim.junit.LiveKitSimulatorTest;
import dev.dispatchsim.model.Track;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.Room;
import livekit.LivekitModels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;

import static dev.dispatchsim.clienttests.JavaSdk.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** Every RoomServiceClient call of the Java SDK against the simulator, in binary protobuf. */
@Timeout(60)
@LiveKitSimulatorTest(seed = 5)
class JavaSdkRoomServiceTest {

    private LiveKitSimulator sim;
    private JavaSdk sdk;

    @BeforeEach
    void start(LiveKitSimulator sim) {
        this.sim = sim;
        sdk = new JavaSdk(sim);
    }


    @Test
    void should_create_list_update_and_delete_rooms_when_the_sdk_client_is_used() {
        // GIVEN two rooms created through the SDK, one with its own timeouts
        Room a = ok(sdk.rooms.createRoom("room-a"));
        Room b = ok(sdk.rooms.createRoom("room-b", 60, 3, null, "md", null, null, null, 5));

        // WHEN they are listed, filtered, updated and one deleted
        List<Room> all = ok(sdk.rooms.listRooms());
        List<Room> named = ok(sdk.rooms.listRooms(List.of("room-b")));
        Room updated = ok(sdk.rooms.updateRoomMetadata("room-a", "v2"));
        ok(sdk.rooms.deleteRoom("room-b"));

        // THEN the SDK decoded every answer
        assertThat(a.getEmptyTimeout()).isEqualTo(300);
        assertThat(a.getDepartureTimeout()).isEqualTo(20);
        assertThat(a.getSid()).startsWith("RM_");
        assertThat(b.getEmptyTimeout()).isEqualTo(60);
        assertThat(b.getMaxParticipants()).isEqualTo(3);
        assertThat(b.getDepartureTimeout()).isEqualTo(5);
        assertThat(b.getMetadata()).isEqualTo("md");
        assertThat(all).extracting(Room::getName).containsExactlyInAnyOrder("room-a", "room-b");
        assertThat(named).extracting(Room::getName).containsExactly("room-b");
        assertThat(updated.getSid()).isEqualTo(a.getSid());
        assertThat(updated.getMetadata()).isEqualTo("v2");
        assertThat(ok(sdk.rooms.listRooms())).extracting(Room::getName).containsExactly("room-a");
    }

    @Test
    void should_serve_every_participant_call_when_the_sdk_client_is_used() {
        // GIVEN alice in room-a with a microphone, and bob
        sim.admin().addParticipant("room-a", "alice", SimParticipant.human());
        Track mic = sim.admin().publishTrack("room-a", "alice", "mic", "AUDIO", "MICROPHONE");
        sim.admin().addParticipant("room-a", "bob", SimParticipant.human());

        // WHEN the SDK lists, gets, updates, mutes, subscribes, sends data and removes
        List<ParticipantInfo> listed = ok(sdk.rooms.listParticipants("room-a"));
        ParticipantInfo alice = ok(sdk.rooms.getParticipant("room-a", "alice"));
        ParticipantInfo renamed = ok(sdk.rooms.updateParticipant("room-a", "alice", "Alice", "md", null, Map.of("k", "v")));
        LivekitModels.TrackInfo muted = ok(sdk.rooms.mutePublishedTrack("room-a", "alice", mic.sid(), true));
        ok(sdk.rooms.updateSubscriptions("room-a", "bob", List.of(mic.sid()), true));
        ok(sdk.rooms.sendData("room-a", "hi".getBytes(), LivekitModels.DataPacket.Kind.RELIABLE));
        ok(sdk.rooms.removeParticipant("room-a", "bob"));

        // THEN each answer is right, and the state followed
        assertThat(listed).extracting(ParticipantInfo::getIdentity).containsExactlyInAnyOrder("alice", "bob");
        assertThat(alice.getTracksList()).extracting(LivekitModels.TrackInfo::getSid).containsExactly(mic.sid());
        assertThat(alice.getState()).isEqualTo(ParticipantInfo.State.ACTIVE);
        assertThat(renamed.getName()).isEqualTo("Alice");
        assertThat(renamed.getMetadata()).isEqualTo("md");
        assertThat(renamed.getAttributesMap()).containsEntry("k", "v");
        assertThat(muted.getSid()).isEqualTo(mic.sid());
        assertThat(muted.getMuted()).isTrue();
        assertThat(sim.journal().events(DataSent.class)).containsExactly(new DataSent("room-a", 2, ""));
        assertThat(ok(sdk.rooms.listParticipants("room-a"))).extracting(ParticipantInfo::getIdentity)
                .containsExactly("alice");
    }
}
