// Auth failures as the Node SDK surfaces them: a TwirpError (ServerError) carrying the HTTP status,
// and the Twirp code only when the server answered Twirp JSON. Like livekit-server, the simulator
// rejects a bad token in its auth middleware with a plain-text 401 (no Twirp code), and a token
// without the call's grant with Twirp `unauthenticated` "permissions denied".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AccessToken, AgentDispatchClient, RoomServiceClient, TwirpError } from 'livekit-server-sdk';
import { simulatorFixture, skipUnlessReady } from '../lib/fixture.mjs';
import { API_KEY, API_SECRET } from '../lib/simulator.mjs';

const ctx = simulatorFixture('auth-errors', { withWorker: false });
const TIMEOUT = { timeout: 60_000 };

async function tokenWith(grant) {
  const token = new AccessToken(API_KEY, API_SECRET, { ttl: '10m' });
  token.addGrant(grant);
  return token.toJwt();
}

async function rejection(promise) {
  const error = await promise.then(() => assert.fail('the call succeeded'), (e) => e);
  assert.ok(error instanceof TwirpError, `expected a TwirpError, got ${error?.constructor?.name}: ${error}`);
  return { name: error.name, status: error.status, code: error.code, message: error.message };
}

test('should reject a token signed with the wrong secret with a plain-text 401', TIMEOUT, async (t) => {
  if (!(await skipUnlessReady(t, ctx))) return;
  const rooms = new RoomServiceClient(ctx.sim.httpUrl, API_KEY, 'not-the-secret-not-the-secret-0001');

  const error = await rejection(rooms.listRooms());

  assert.deepEqual(error, { name: 'Unauthorized', status: 401, code: undefined,
    message: 'invalid authorization token: token signature is invalid: signature is invalid' });
});

test('should reject an unknown API key with a plain-text 401', TIMEOUT, async (t) => {
  if (!(await skipUnlessReady(t, ctx))) return;
  const rooms = new RoomServiceClient(ctx.sim.httpUrl, 'nokey', API_SECRET);

  const error = await rejection(rooms.createRoom({ name: 'auth-unknown-key' }));

  assert.equal(error.status, 401);
  assert.equal(error.code, undefined);
  assert.match(error.message, /invalid API key/);
});

test('should answer a call the token has no grant for with Twirp unauthenticated', TIMEOUT, async (t) => {
  if (!(await skipUnlessReady(t, ctx))) return;
  // GIVEN a valid pre-signed token that may only list rooms
  const rooms = new RoomServiceClient(ctx.sim.httpUrl, undefined, undefined, { token: await tokenWith({ roomList: true }) });
  assert.ok(Array.isArray(await rooms.listRooms()), 'the granted call works');

  // WHEN it is used to create a room  THEN the grant check refuses it
  const error = await rejection(rooms.createRoom({ name: 'auth-no-grant' }));

  assert.deepEqual(error, { name: 'Unauthorized', status: 401, code: 'unauthenticated', message: 'permissions denied' });
});

test('should refuse dispatch calls for a room the token is not for', TIMEOUT, async (t) => {
  if (!(await skipUnlessReady(t, ctx))) return;
  await new RoomServiceClient(ctx.sim.httpUrl, API_KEY, API_SECRET).createRoom({ name: 'auth-room-b' });
  const token = await tokenWith({ roomAdmin: true, room: 'auth-room-a' });
  const dispatch = new AgentDispatchClient(ctx.sim.httpUrl, undefined, undefined, { token });

  const error = await rejection(dispatch.createDispatch('auth-room-b', 'stt-agent'));

  assert.deepEqual(error, { name: 'Unauthorized', status: 401, code: 'unauthenticated', message: 'permissions denied' });
});
