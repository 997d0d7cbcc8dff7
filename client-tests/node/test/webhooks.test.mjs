// Webhooks through the real Node receiver: livekit-server-sdk's WebhookReceiver, unmodified,
// verifies and decodes every webhook of a session the simulator sends (CreateRoom with the agent,
// the real worker's job, the agent joins, a human joins, publishes and leaves, DeleteRoom), and
// rejects each body altered by one byte. The receiver's URL is added through the admin API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RoomAgentDispatch, WebhookReceiver } from 'livekit-server-sdk';
import { simulatorFixture, skipUnlessReady } from '../lib/fixture.mjs';
import { AGENT_NAME, clients } from '../lib/app.mjs';
import { API_KEY, API_SECRET } from '../lib/simulator.mjs';
import { startWebhookReceiver } from '../lib/webhooks.mjs';

const ctx = simulatorFixture('webhooks');
const TIMEOUT = { timeout: 120_000 };
const ROOM = 'webhook-room';

test('should have every webhook of a session verified and decoded by the SDK, and altered ones rejected', TIMEOUT, async (t) => {
  if (!(await skipUnlessReady(t, ctx, { admin: true }))) return;
  const receiver = await startWebhookReceiver();
  t.after(() => receiver.close());
  assert.deepEqual(await ctx.sim.admin.addWebhook(receiver.url), [receiver.url]);
  const { rooms } = clients(ctx.sim);

  // GIVEN a room created with the agent, whose job the real worker takes; the agent joins
  const metadata = JSON.stringify({ session: ROOM, mode: 'stay' });
  await rooms.createRoom({ name: ROOM, agents: [new RoomAgentDispatch({ agentName: AGENT_NAME, metadata })] });
  const contact = await ctx.backend.waitFor('agent contacted backend', ROOM, 15_000);
  const agent = `agent-${contact.jobId}`;
  await receiver.waitFor(`the participant_joined of ${agent}`,
    (r) => r.json.event === 'participant_joined' && r.json.participant?.identity === agent, 15_000);

  // WHEN a human joins, publishes and leaves, and the app deletes the room
  await ctx.sim.admin.addParticipant(ROOM, 'alice');
  await ctx.sim.admin.publishTrack(ROOM, 'alice');
  await ctx.sim.admin.removeParticipant(ROOM, 'alice');
  await rooms.deleteRoom(ROOM);
  await receiver.waitFor('room_finished', (r) => r.json.event === 'room_finished', 15_000);

  // THEN the SDK's receiver verifies and decodes every request
  const sdk = new WebhookReceiver(API_KEY, API_SECRET);
  const events = [];
  for (const request of receiver.requests) {
    assert.equal(request.contentType, 'application/webhook+json');
    assert.equal(request.userAgent, 'LiveKit');
    events.push((await sdk.receive(request.body, request.authorization)).toJson());
  }
  assert.deepEqual(events.map((e) => e.event).sort(), ['participant_joined', 'participant_joined', 'participant_left',
    'participant_left', 'room_finished', 'room_started', 'track_published', 'track_unpublished']);
  assert.equal(events[0].event, 'room_started');
  assert.equal(events.at(-1).event, 'room_finished');
  for (const event of events) {
    assert.match(event.id, /^EV_\w{12}$/);
    assert.equal(event.room.name, ROOM);
    assert.ok(Number(event.createdAt) > 0, `createdAt ${event.createdAt}`);
  }
  const joined = (identity) => events.find((e) => e.event === 'participant_joined' && e.participant.identity === identity);
  assert.equal(joined(agent).participant.kind, 'AGENT');
  assert.equal(joined(agent).participant.attributes['lk.agent_name'], AGENT_NAME);
  assert.equal(joined('alice').participant.kind ?? 'STANDARD', 'STANDARD');
  const published = events.find((e) => e.event === 'track_published');
  assert.equal(published.participant.identity, 'alice');
  assert.match(published.track.sid, /^TR_/);
  assert.equal(published.track.source, 'MICROPHONE');

  // AND a body altered by one byte is rejected, every time
  for (const request of receiver.requests) {
    const at = request.body.indexOf(ROOM);
    const altered = `${request.body.slice(0, at)}W${request.body.slice(at + 1)}`;
    await assert.rejects(sdk.receive(altered, request.authorization), /sha256/);
  }
});
