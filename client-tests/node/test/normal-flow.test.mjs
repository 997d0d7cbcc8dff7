// The normal dispatch flow with the real Node clients: livekit-server-sdk drives the simulator, a
// real @livekit/agents worker takes the jobs and its agent contacts the backend.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulatorFixture, skipUnlessReady } from '../lib/fixture.mjs';
import { AGENT_NAME, clients, endSession, runSession } from '../lib/app.mjs';
import { awaitEntry, matching } from '../lib/journal.mjs';
import { isAlive } from '../lib/procs.mjs';
import { waitFor } from '../lib/wait.mjs';

const ctx = simulatorFixture('normal-flow');
const TIMEOUT = { timeout: 120_000 };

/** listDispatch as proto3 JSON (enum names, not numbers), only the app's agent. */
async function agentDispatches(room) {
  const listed = await clients(ctx.sim).dispatch.listDispatch(room);
  return listed.map((d) => d.toJson()).filter((d) => d.agentName === AGENT_NAME);
}

test('should deliver the createRoom agent to the worker, whose agent contacts the backend', TIMEOUT, async (t) => {
  if (!(await skipUnlessReady(t, ctx))) return;
  // GIVEN a registered worker  WHEN the app creates a room with the agent
  const session = await runSession({ sim: ctx.sim, backend: ctx.backend, room: 'normal-create-room' });

  // THEN the job arrived without any fallback, and listDispatch shows it running on that job id: this is
  // the first launch after the worker registered, so (as on livekit-server) it is listed only 5 s after
  // its assignment, with jobs: [] until then
  assert.equal(session.deliveredByCreateRoom, true);
  const contact = ctx.backend.eventsFor('normal-create-room')[0];
  let lastListed = null;
  const [dispatch] = await waitFor('listDispatch to list the job', async () => {
    lastListed = await agentDispatches('normal-create-room');
    return lastListed.length === 1 && lastListed[0].state?.jobs?.length ? lastListed : null;
  }, { timeoutMs: 15_000, intervalMs: 200, lastSeen: () => JSON.stringify(lastListed) });
  assert.equal(dispatch.id, contact.dispatchId);
  assert.deepEqual(dispatch.state.jobs.map((j) => [j.id, j.state.status, j.state.participantIdentity]),
    [[contact.jobId, 'JS_RUNNING', `agent-${contact.jobId}`]]);
  await endSession(ctx.sim, 'normal-create-room');
});

test('should deliver a createDispatch for a room created without agents', TIMEOUT, async (t) => {
  if (!(await skipUnlessReady(t, ctx))) return;
  const { rooms, dispatch } = clients(ctx.sim);
  // GIVEN a room without agents (it gets the implicit empty-name dispatch, which this worker never takes)
  await rooms.createRoom({ name: 'normal-create-dispatch' });

  // WHEN the app dispatches the agent explicitly
  const created = await dispatch.createDispatch('normal-create-dispatch', AGENT_NAME, { metadata: '{"mode":"shutdown"}' });

  // THEN that dispatch's job reaches the agent
  const contact = await ctx.backend.waitFor('agent contacted backend', 'normal-create-dispatch', 10_000);
  assert.equal(contact.dispatchId, created.id);
  assert.equal(contact.agentName, AGENT_NAME);
  const listed = (await dispatch.listDispatch('normal-create-dispatch')).map((d) => d.agentName).sort();
  assert.deepEqual(listed, ['', AGENT_NAME]);
  await endSession(ctx.sim, 'normal-create-dispatch');
});

test('should send no JobTermination when the room is deleted, and end the job on DeleteDispatch', TIMEOUT, async (t) => {
  if (!(await skipUnlessReady(t, ctx, { admin: true }))) return;
  const { dispatch } = clients(ctx.sim);
  // GIVEN two jobs that stay until the server ends them
  await runSession({ sim: ctx.sim, backend: ctx.backend, room: 'normal-delete-room', mode: 'stay' });
  await runSession({ sim: ctx.sim, backend: ctx.backend, room: 'normal-delete-dispatch', mode: 'stay' });
  const kept = ctx.backend.eventsFor('normal-delete-room')[0];
  const ended = ctx.backend.eventsFor('normal-delete-dispatch')[0];
  assert.equal(isAlive(kept.pid), true, 'the job process runs while the job does');

  // WHEN the app deletes the first room
  await endSession(ctx.sim, 'normal-delete-room');

  // THEN, as on livekit-server, the worker is sent no JobTermination: the journal, where a termination
  // would stand before the DeleteRoom call's own entry, has none, and the job process runs on
  const journal = await ctx.sim.admin.journal();
  assert.equal(matching(journal, 'TwirpCall', { method: 'DeleteRoom', room: 'normal-delete-room' }).length, 1);
  assert.deepEqual(matching(journal, 'JobTerminated', { jobId: kept.jobId }), []);
  assert.equal(isAlive(kept.pid), true, 'the job process outlives its room');

  // WHEN the app deletes the second room's dispatch instead
  await dispatch.deleteDispatch(ended.dispatchId, 'normal-delete-dispatch');

  // THEN that job is terminated (after the listing lag if its launch was a cold one) and its process exits
  const shutdown = await ctx.backend.waitFor('job shutting down', 'normal-delete-dispatch', 15_000);
  assert.equal(shutdown.jobId, ended.jobId);
  await waitFor(`job process ${ended.pid} to exit`, () => !isAlive(ended.pid), { timeoutMs: 15_000 });
  await endSession(ctx.sim, 'normal-delete-dispatch');
});

test('should record no UpdateJobStatus from the Node worker, and the termination it was sent', TIMEOUT, async (t) => {
  if (!(await skipUnlessReady(t, ctx, { admin: true }))) return;
  // GIVEN the jobs the tests above ran  WHEN the journal is read
  const jobs = ctx.backend.events.filter((e) => e.event === 'agent contacted backend').map((e) => e.jobId);
  const journal = await ctx.sim.admin.journal();

  // THEN every job was answered and assigned, the Node worker never reported a job status,
  // and the deleted dispatch's job got a JobTermination on the socket
  for (const jobId of jobs) {
    assert.equal(matching(journal, 'AvailabilityAnswered', { jobId, available: true, participantIdentity: `agent-${jobId}` }).length, 1);
    assert.equal(matching(journal, 'JobAssigned', { jobId, delivered: true }).length, 1);
  }
  assert.deepEqual(matching(journal, 'JobStatusUpdated'), []);
  const deleted = ctx.backend.eventsFor('normal-delete-dispatch')[0].jobId;
  await awaitEntry(ctx.sim.admin, 'JobTerminated', { jobId: deleted, sent: true });
});
