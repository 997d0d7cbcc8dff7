// The Docker image, started with the testcontainers npm package, with the real Node clients pointed at
// it: livekit-server-sdk over Twirp, a real @livekit/agents worker, and the createRoom-agents drop
// (docs/failure-catalogue.md, A0) with the app's workaround passing, as against the jar.
// Needs the image: DISPATCHSIM_IMAGE names it (mvn install builds it and sets it; see docs/docker.md).
// Without it, every test here skips and says so.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { RoomServiceClient, TwirpError } from 'livekit-server-sdk';
import { Wait } from 'testcontainers';
import { Admin } from '../lib/admin.mjs';
import { AGENT_NAME, clients, endSession, runSession } from '../lib/app.mjs';
import { startBackend } from '../lib/backend.mjs';
import { LoopbackContainer } from '../lib/container.mjs';
import { matching } from '../lib/journal.mjs';
import { logDir } from '../lib/paths.mjs';
import { newMarker, processesWithMarker } from '../lib/procs.mjs';
import { API_KEY, API_SECRET } from '../lib/simulator.mjs';
import { startNodeWorker } from '../lib/worker.mjs';

const IMAGE = process.env.DISPATCHSIM_IMAGE;
const skip = IMAGE ? false : 'DISPATCHSIM_IMAGE is not set: no image to test (mvn install builds one and sets it)';
const TIMEOUT = { timeout: 180_000, skip };
const ADMIN_TOKEN = 'node-container-test-token';
const ctx = { dir: logDir('container'), marker: newMarker('container') };

before(async () => {
  if (!IMAGE) return;
  // tag::node-container[]
  const container = await new LoopbackContainer(IMAGE)
    .withLoopbackPorts(7880)
    .withEnvironment({
      DISPATCHSIM_KEYS: `${API_KEY}:${API_SECRET}`, // @livekit/agents wants a secret of 32 characters or more
      DISPATCHSIM_SEED: '42',
      DISPATCHSIM_PROFILE: 'createroom-agents-dropped',
      DISPATCHSIM_ADMIN_TOKEN: ADMIN_TOKEN,
    })
    .withWaitStrategy(Wait.forHttp('/_sim/health', 7880).withHeaders({ 'X-Admin-Token': ADMIN_TOKEN }).forStatusCode(200))
    .withStartupTimeout(120_000)
    .start();
  const httpUrl = `http://${container.getHost()}:${container.getMappedPort(7880)}`; // for livekit-server-sdk
  const wsUrl = `ws://${container.getHost()}:${container.getMappedPort(7880)}`; // LIVEKIT_URL of the agent worker
  // end::node-container[]
  ctx.container = container;
  ctx.sim = { httpUrl, wsUrl, admin: new Admin(httpUrl, { token: ADMIN_TOKEN }) };
  ctx.backend = await startBackend();
  ctx.worker = await startNodeWorker({ sim: ctx.sim, backendUrl: ctx.backend.url,
    logFile: join(ctx.dir, 'worker.log'), marker: ctx.marker });
}, { timeout: 240_000 });

after(async () => {
  try {
    await ctx.worker?.stop();
  } finally {
    await ctx.container?.stop();
    await ctx.backend?.close();
  }
  assert.deepEqual(processesWithMarker(ctx.marker), [], 'processes left behind by this test file');
});

/** How long an agent may take to come on a busy machine; the app's own windows (3 s, then 1 s) may be too short there. */
const AGENT_COMES_MS = 60_000;

// First: the profile counts createRoom dispatches from the container's start.
test('should need the fallback for sessions 2-4 in the container and deliver with it', TIMEOUT, async () => {
  // WHEN the app runs five sessions in a row, each verifying its agent and falling back to createDispatch,
  // and each lasting until its agent has come
  const sessions = [];
  for (const room of ['tc-session-1', 'tc-session-2', 'tc-session-3', 'tc-session-4', 'tc-session-5']) {
    const session = await runSession({ sim: ctx.sim, backend: ctx.backend, room });
    session.contact = await ctx.backend.waitFor('agent contacted backend', room, AGENT_COMES_MS);
    sessions.push(session);
    await endSession(ctx.sim, room);
  }

  // THEN for sessions 2-4 createRoom's agent never came while listDispatch said JS_RUNNING; a fallback's did
  const claimed = [];
  for (const session of sessions.slice(1, 4)) {
    assert.equal(session.deliveredByCreateRoom, false, `${session.room}: createRoom's agent came`);
    const [listed] = session.listedBeforeFallback.map((d) => d.toJson()).filter((d) => d.agentName === AGENT_NAME);
    assert.deepEqual(listed.state.jobs.map((j) => j.state.status), ['JS_RUNNING'], `${session.room}: listDispatch`);
    assert.ok(session.fallbacks.map((f) => f.dispatchId).includes(session.contact.dispatchId),
      `${session.room}: the agent came from dispatch ${session.contact.dispatchId}, not from a fallback`);
    claimed.push(listed.state.jobs[0].id);
  }
  // AND the journal, read with the admin token, says the server dropped exactly those jobs, in sessions 2-4 only
  // (sessions 1 and 5 may still have fallen back on a busy machine: that is the worker's speed, not the server)
  const drops = matching(await ctx.sim.admin.journal({ type: 'FaultApplied' }), 'FaultApplied',
    { rule: 'drop-createroom-sessions-2-to-4' });
  assert.deepEqual(drops.map((d) => [d.targets.room, d.targets.job]),
    sessions.slice(1, 4).map((s, i) => [s.room, claimed[i]]));
});

test('should answer the Node SDK over Twirp from the container as the jar does', TIMEOUT, async () => {
  const { rooms } = clients(ctx.sim);

  await rooms.createRoom({ name: 'tc-twirp' });
  assert.ok((await rooms.listRooms()).some((r) => r.name === 'tc-twirp'), 'listRooms shows the new room');
  assert.deepEqual(await rooms.listParticipants('tc-twirp'), []);
  await rooms.deleteRoom('tc-twirp');
  assert.ok(!(await rooms.listRooms()).some((r) => r.name === 'tc-twirp'), 'the room is gone');

  const wrongSecret = new RoomServiceClient(ctx.sim.httpUrl, API_KEY, 'not-the-secret-not-the-secret-0001');
  const error = await wrongSecret.listRooms().then(() => assert.fail('the call succeeded'), (e) => e);
  assert.ok(error instanceof TwirpError);
  assert.equal(error.status, 401);
});

test('should give the real worker its job when the app dispatches to the container', TIMEOUT, async () => {
  const { rooms, dispatch } = clients(ctx.sim);
  await rooms.createRoom({ name: 'tc-dispatch' });

  const created = await dispatch.createDispatch('tc-dispatch', AGENT_NAME, { metadata: '{"mode":"shutdown"}' });

  const contact = await ctx.backend.waitFor('agent contacted backend', 'tc-dispatch', AGENT_COMES_MS);
  assert.equal(contact.dispatchId, created.id);
  await endSession(ctx.sim, 'tc-dispatch');
});
