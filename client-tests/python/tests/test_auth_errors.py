"""Auth failures as the Python SDK surfaces them: api.TwirpError (ServerError) carrying the HTTP
status, and the Twirp code only when the server answered Twirp JSON ("unknown" otherwise). Like
livekit-server, the simulator rejects a bad token in its auth middleware with a plain-text 401,
and a token without the call's grant with Twirp `unauthenticated` "permissions denied"."""

from __future__ import annotations

import asyncio

import pytest
from livekit import api

from harness.simulator import API_KEY, API_SECRET

WITH_WORKER = False


def _rejection(url: str, use, key: str | None = API_KEY, secret: str | None = API_SECRET, token: str | None = None) -> dict:
    async def run():
        async with api.LiveKitAPI(url, key, secret, token=token) as lk:
            await use(lk)

    with pytest.raises(api.TwirpError) as raised:
        asyncio.run(run())
    return {"code": raised.value.code, "status": raised.value.status, "message": raised.value.message}


def _token(**grant) -> str:
    return api.AccessToken(API_KEY, API_SECRET).with_grants(api.VideoGrants(**grant)).to_jwt()


def test_should_reject_a_token_signed_with_the_wrong_secret_with_a_plain_text_401(env):
    env.require()
    error = _rejection(env.sim.http_url, lambda lk: lk.room.list_rooms(api.ListRoomsRequest()),
                       secret="not-the-secret-not-the-secret-0001")
    # a plain-text body carries no Twirp code: the SDK says "unknown" and keeps no message
    assert error == {"code": "unknown", "status": 401, "message": ""}


def test_should_reject_an_unknown_api_key_with_a_plain_text_401(env):
    env.require()
    error = _rejection(env.sim.http_url, lambda lk: lk.room.create_room(api.CreateRoomRequest(name="auth-unknown-key")),
                       key="nokey")
    assert error == {"code": "unknown", "status": 401, "message": ""}


def test_should_answer_a_call_the_token_has_no_grant_for_with_twirp_unauthenticated(env):
    env.require()
    # GIVEN a valid pre-signed token that may only list rooms
    token = _token(room_list=True)

    async def list_rooms():
        async with api.LiveKitAPI(env.sim.http_url, token=token) as lk:
            return await lk.room.list_rooms(api.ListRoomsRequest())

    assert asyncio.run(list_rooms()) is not None, "the granted call works"

    # WHEN it is used to create a room  THEN the grant check refuses it
    error = _rejection(env.sim.http_url, lambda lk: lk.room.create_room(api.CreateRoomRequest(name="auth-no-grant")),
                       key=None, secret=None, token=token)
    assert error == {"code": "unauthenticated", "status": 401, "message": "permissions denied"}


def test_should_refuse_dispatch_calls_for_a_room_the_token_is_not_for(env):
    env.require()
    token = _token(room_admin=True, room="auth-room-a")
    error = _rejection(env.sim.http_url, lambda lk: lk.agent_dispatch.create_dispatch(
        api.CreateAgentDispatchRequest(agent_name="stt-agent", room="auth-room-b")), key=None, secret=None, token=token)
    assert error == {"code": "unauthenticated", "status": 401, "message": "permissions denied"}
