// Failure catalogue A3 / A0 mode 3 (docs/failure-catalogue.md) with the bundled profile late-delivery: every dispatch starts
// 6-16 s (seeded) after it was created. The real worker still takes the job when it comes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RoomAgentDispatch } from 'livekit-server-sdk';
import { simulatorFixture, skipUnlessReady } from '../lib/fixture.mjs';
import { AGENT_NAME, clients, endSession } from '../lib/app.mjs';
import { matching } from '../lib/journal.mjs';

const ctx = simulatorFixture('late-delivery', { profile: 'late-delivery' });
const TIMEOUT = { timeout: 120_000 };
const MIN_DELAY_MS = 6000;
const MAX_DELAY_MS = 16_000;
let lateBy;

test('should deliver the createRoom agent 6-16 s late, listing no job meanwhile', TIMEOUT, async (t) => {
  if (!(await skipUnlessReady(t, ctx))) return;
  const { rooms, dispatch } = clients(ctx.sim);
  const room = 'late-session-1';

  // WHEN the app creates a room with the agent
  const created = performance.now();
  await rooms.createRoom({ name: room, agents: [new RoomAgentDispatch({ agentName: AGENT_NAME, metadata: '{"mode":"shutdown"}' })] });

  // THEN until the delayed job starts, listDispatch shows the dispatch without a job (as livekit-server:
  // a job is listed only once assigned), and the agent arrives no sooner than the profile's minimum
  const [listed] = (await dispatch.listDispatch(room)).map((d) => d.toJson()).filter((d) => d.agentName === AGENT_NAME);
  assert.deepEqual(listed.state.jobs ?? [], []);
  const contact = await ctx.backend.waitFor('agent contacted backend', room, MAX_DELAY_MS + 10_000);
  const lateByMs = contact.receivedAt - created;
  assert.ok(lateByMs >= MIN_DELAY_MS, `the agent came after ${lateByMs} ms`);
  assert.equal(contact.dispatchId, listed.id);
  await endSession(ctx.sim, room);
  lateBy = { ms: lateByMs, jobId: contact.jobId };
});

test('should journal the seeded delay it applied, which the agent really waited', TIMEOUT, async (t) => {
  if (!(await skipUnlessReady(t, ctx, { admin: true }))) return;
  if (!lateBy) return t.skip('the late delivery above did not complete');
  const journal = await ctx.sim.admin.journal();

  const delays = matching(journal, 'FaultApplied', { rule: 'deliver-6-to-16s-late' });

  assert.deepEqual(delays.map((d) => [d.hookPoint, d.targets.room]), [['dispatch_created', 'late-session-1']]);
  // the applied effect is a value: {type: 'delay', by: 'PT12.185S'} (an ISO-8601 duration)
  const effect = delays[0].effect;
  assert.equal(effect.type, 'delay');
  const delayMs = Math.round(Number(/^PT(\d+(?:\.\d+)?)S$/.exec(effect.by)?.[1]) * 1000);
  assert.ok(delayMs >= MIN_DELAY_MS && delayMs <= MAX_DELAY_MS, `sampled delay ${JSON.stringify(effect)}`);
  assert.ok(lateBy.ms >= delayMs, `the agent came after ${lateBy.ms} ms, the delay was ${delayMs} ms`);
  assert.equal(matching(journal, 'JobAssigned', { jobId: lateBy.jobId, delivered: true }).length, 1);
});
