"""Webhooks through the real Python receiver: livekit-api's WebhookReceiver, unmodified, verifies and
decodes every webhook of a session the simulator sends (CreateRoom with the agent, the real worker's
job, the agent joins, a human joins, publishes and leaves, DeleteRoom), and rejects each body altered
by one byte. The endpoint's URL is added through the admin API."""

from __future__ import annotations

import json
import re

import pytest
from google.protobuf.json_format import MessageToDict
from livekit import api

from harness.app import AGENT_NAME, call, end_session
from harness.simulator import API_KEY, API_SECRET
from harness.webhooks import WebhookEndpoint

ROOM = "webhook-room"


def test_should_have_every_webhook_of_a_session_verified_and_decoded_by_the_sdk_and_altered_ones_rejected(env):
    env.require(admin=True)
    endpoint = WebhookEndpoint()
    try:
        assert env.sim.admin.add_webhook(endpoint.url) == [endpoint.url]

        # GIVEN a room created with the agent, whose job the real worker takes; the agent joins
        metadata = json.dumps({"session": ROOM, "mode": "stay"})
        call(env.sim, lambda lk: lk.room.create_room(api.CreateRoomRequest(
            name=ROOM, agents=[api.RoomAgentDispatch(agent_name=AGENT_NAME, metadata=metadata)])))
        contact = env.backend.wait_for("agent contacted backend", ROOM, timeout=15)
        agent = f"agent-{contact['jobId']}"
        endpoint.wait_for(f"the participant_joined of {agent}", lambda e: e["event"] == "participant_joined"
                          and e.get("participant", {}).get("identity") == agent, timeout=15)

        # WHEN a human joins, publishes and leaves, and the app deletes the room
        env.sim.admin.add_participant(ROOM, "alice")
        env.sim.admin.publish_track(ROOM, "alice")
        env.sim.admin.remove_participant(ROOM, "alice")
        end_session(env.sim, ROOM)
        endpoint.wait_for("room_finished", lambda e: e["event"] == "room_finished", timeout=15)

        # THEN the SDK's receiver verifies and decodes every request
        receiver = api.WebhookReceiver(api.TokenVerifier(API_KEY, API_SECRET))
        requests = endpoint.received()
        events = []
        for request in requests:
            assert (request.content_type, request.user_agent) == ("application/webhook+json", "LiveKit")
            events.append(MessageToDict(receiver.receive(request.body, request.authorization)))
        assert sorted(e["event"] for e in events) == ["participant_joined", "participant_joined", "participant_left",
                                                      "participant_left", "room_finished", "room_started",
                                                      "track_published", "track_unpublished"]
        assert (events[0]["event"], events[-1]["event"]) == ("room_started", "room_finished")
        for event in events:
            assert re.fullmatch(r"EV_\w{12}", event["id"])
            assert event["room"]["name"] == ROOM
            assert int(event["createdAt"]) > 0

        def joined(identity: str) -> dict:
            return next(e for e in events if e["event"] == "participant_joined"
                        and e["participant"]["identity"] == identity)["participant"]

        assert joined(agent)["kind"] == "AGENT"
        assert joined(agent)["attributes"]["lk.agent_name"] == AGENT_NAME
        assert joined("alice").get("kind", "STANDARD") == "STANDARD"
        published = next(e for e in events if e["event"] == "track_published")
        assert published["participant"]["identity"] == "alice"
        assert published["track"]["sid"].startswith("TR_")
        assert published["track"]["source"] == "MICROPHONE"

        # AND a body altered by one byte is rejected, every time
        for request in requests:
            at = request.body.index(ROOM)
            altered = request.body[:at] + "W" + request.body[at + 1:]
            with pytest.raises(Exception, match="hash mismatch"):
                receiver.receive(altered, request.authorization)
    finally:
        endpoint.close()
