// The worker's own life: the server closes its socket and it comes back; and why a harness must
// kill the whole process group (job processes outlive a dead worker).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulatorFixture, skipUnlessReady } from '../lib/fixture.mjs';
import { runSession } from '../lib/app.mjs';
import { awaitEntry, matching } from '../lib/journal.mjs';
import { isAlive, processesWithMarker, stopGroup } from '../lib/procs.mjs';

const ctx = simulatorFixture('worker-lifecycle');
const TIMEOUT = { timeout: 120_000 };

test('should reconnect after the server closes the worker socket, and take the next dispatch', TIMEOUT, async (t) => {
  if (!(await skipUnlessReady(t, ctx, { admin: true }))) return;
  // GIVEN the registered worker
  const [first] = matching(await ctx.sim.admin.journal({ type: 'WorkerRegistered' }), 'WorkerRegistered', { agentName: 'stt-agent' });
  const since = (await ctx.sim.admin.journal()).at(-1).seq;

  // WHEN the server closes its socket with 1011
  await ctx.sim.admin.killWorker(first.workerId, 1011);

  // THEN the worker registers again (new worker id), and the next session's agent arrives through it
  await awaitEntry(ctx.sim.admin, 'WorkerDisconnected', { workerId: first.workerId }, { since });
  const again = await awaitEntry(ctx.sim.admin, 'WorkerRegistered', { agentName: 'stt-agent' }, { since });
  assert.notEqual(again.workerId, first.workerId);
  await ctx.worker.waitRegistered();
  const session = await runSession({ sim: ctx.sim, backend: ctx.backend, room: 'after-reconnect' });
  assert.equal(session.deliveredByCreateRoom, true);
  const { jobId } = ctx.backend.eventsFor('after-reconnect')[0];
  assert.equal(matching(await ctx.sim.admin.journal(), 'JobAssigned', { jobId, workerId: again.workerId }).length, 1);
});

test('should leave job processes running when only the worker dies, and none after the group is killed', TIMEOUT, async (t) => {
  if (!(await skipUnlessReady(t, ctx, { admin: true }))) return;
  // GIVEN a running job (its process is a child of the worker), whose agent the simulator shows in the room
  await runSession({ sim: ctx.sim, backend: ctx.backend, room: 'orphan-check', mode: 'stay' });
  const job = ctx.backend.eventsFor('orphan-check')[0];
  const agent = `agent-${job.jobId}`;
  await awaitEntry(ctx.sim.admin, 'ParticipantJoined', { room: 'orphan-check', identity: agent });

  // WHEN only the worker process is killed
  process.kill(ctx.worker.group.pgid, 'SIGKILL');
  await ctx.worker.group.exited;

  // THEN the simulator drops the worker, and its agent leaves the room (a second later on the simulator's
  // clock): the Node worker never reports a job status, so the end of its socket is the end of its jobs
  await awaitEntry(ctx.sim.admin, 'WorkerDisconnected', { workerId: await assignedTo(job.jobId) });
  const left = await awaitEntry(ctx.sim.admin, 'ParticipantLeft', { room: 'orphan-check', identity: agent });
  assert.equal(left.reason, 'CLIENT_INITIATED');
  // AND the job process lives on as an orphan, and killing the process group ends everything
  assert.equal(isAlive(job.pid), true, 'the job process outlived its worker');
  await stopGroup(ctx.worker.group);
  assert.equal(isAlive(job.pid), false);
  assert.deepEqual(processesWithMarker(ctx.marker).filter((p) => !p.cmdline.startsWith('java')), []);
});

/** The worker the job was assigned to, from the journal. */
async function assignedTo(jobId) {
  return (await awaitEntry(ctx.sim.admin, 'JobAssigned', { jobId })).workerId;
}
