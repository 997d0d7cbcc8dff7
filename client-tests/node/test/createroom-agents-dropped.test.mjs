// Failure catalogue A0 (docs/failure-catalogue.md), end to end with the real Node clients and the bundled profile
// createroom-agents-dropped: sessions run one after another; createRoom's agent is silently dropped
// for sessions 2-4 while listDispatch says JS_RUNNING; the app's fallback createDispatch delivers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { simulatorFixture, skipUnlessReady } from '../lib/fixture.mjs';
import { AGENT_NAME, FALLBACK_DELIVERY_MS, endSession, runSession } from '../lib/app.mjs';
import { awaitEntry, dispatchDecisions, matching } from '../lib/journal.mjs';
import { startSimulator } from '../lib/simulator.mjs';

const ctx = simulatorFixture('createroom-agents-dropped', { profile: 'createroom-agents-dropped' });
const TIMEOUT = { timeout: 180_000 };
const SESSIONS = ['a0-session-1', 'a0-session-2', 'a0-session-3', 'a0-session-4', 'a0-session-5'];

/** The app's day: each session starts after the previous one ended (its agent came, room deleted). */
async function runDay() {
  const sessions = [];
  for (const room of SESSIONS) {
    const session = await runSession({ sim: ctx.sim, backend: ctx.backend, room });
    sessions.push(session);
    await endSession(ctx.sim, room);
  }
  return sessions;
}

/** What the SDKs saw, ids included: ids come from the seed, so a rerun must see the same. */
function visible(sessions, backend) {
  return sessions.map((s) => ({
    room: s.room,
    deliveredByCreateRoom: s.deliveredByCreateRoom,
    listed: s.listedBeforeFallback?.map((d) => d.toJson()).filter((d) => d.agentName === AGENT_NAME)
      .map((d) => [d.id, d.state.jobs.map((j) => [j.id, j.state.status])]),
    fallbacks: s.fallbacks.map((f) => [f.dispatchId, f.contact?.jobId]),
    contacts: backend.eventsFor(s.room).filter((e) => e.event === 'agent contacted backend').map((e) => e.jobId),
  }));
}

let firstDay;

/** The job ids listDispatch claimed for the dropped sessions 2-4. */
function droppedJobs(sessions) {
  return sessions.slice(1, 4).map((s) => s.listedBeforeFallback
    .map((d) => d.toJson()).find((d) => d.agentName === AGENT_NAME).state.jobs[0].id);
}

/**
 * The journal once the day's last decision is made: the server gives up on each dropped offer
 * 3 s after it (AvailabilityTimedOut), after the app has moved on.
 */
async function settledDecisions(sessions) {
  for (const jobId of droppedJobs(sessions)) {
    await awaitEntry(ctx.sim.admin, 'AvailabilityTimedOut', { jobId }, { timeoutMs: 30_000 });
  }
  return dispatchDecisions(await ctx.sim.admin.journal());
}

function ranFirstDay(t) {
  if (!firstDay) t.skip('the first scenario did not complete its day');
  return Boolean(firstDay);
}

test('should need the fallback for sessions 2-4 while listDispatch says JS_RUNNING', TIMEOUT, async (t) => {
  if (!(await skipUnlessReady(t, ctx))) return;
  // WHEN the app runs five sessions in a row
  const sessions = await runDay();
  firstDay = { sessions, visible: visible(sessions, ctx.backend) };

  // THEN sessions 1 and 5 got their agent from createRoom; 2-4 did not
  assert.deepEqual(sessions.map((s) => s.deliveredByCreateRoom), [true, false, false, false, true]);
  for (const session of sessions.slice(1, 4)) {
    // listDispatch claimed a running job for the dropped dispatch...
    const [listed] = session.listedBeforeFallback.map((d) => d.toJson()).filter((d) => d.agentName === AGENT_NAME);
    assert.equal(listed.state.jobs.length, 1, `${session.room}: one job listed`);
    const [claimed] = listed.state.jobs;
    assert.equal(claimed.state.status, 'JS_RUNNING', `${session.room}: listDispatch says running`);
    // ...that no agent ever got: the only agent in the room came from the one fallback dispatch
    const contacts = ctx.backend.eventsFor(session.room).filter((e) => e.event === 'agent contacted backend');
    assert.equal(session.fallbacks.length, 1, `${session.room}: one fallback was enough`);
    const [fallback] = session.fallbacks;
    assert.deepEqual(contacts.map((c) => [c.jobId, c.dispatchId]), [[fallback.contact.jobId, fallback.dispatchId]]);
    assert.notEqual(fallback.contact.jobId, claimed.id);
    assert.ok(fallback.deliveredAfterMs <= FALLBACK_DELIVERY_MS, `${session.room}: fallback delivered in ${fallback.deliveredAfterMs} ms`);
  }
});

test('should journal the drops: the dropped jobs were never answered nor assigned', TIMEOUT, async (t) => {
  if (!(await skipUnlessReady(t, ctx, { admin: true })) || !ranFirstDay(t)) return;
  const journal = await ctx.sim.admin.journal();
  const dropped = droppedJobs(firstDay.sessions);

  const drops = matching(journal, 'FaultApplied', { rule: 'drop-createroom-sessions-2-to-4' });
  assert.deepEqual(drops.map((d) => [d.hookPoint, d.effect, d.targets.job]),
    dropped.map((jobId) => ['availability_request', { type: 'drop' }, jobId]));
  for (const jobId of dropped) {
    assert.equal(matching(journal, 'JobCreated', { jobId }).length, 1, `${jobId} was created`);
    assert.deepEqual(matching(journal, 'AvailabilityAnswered', { jobId }), [], `${jobId} was never answered`);
    assert.deepEqual(matching(journal, 'JobAssigned', { jobId }), [], `${jobId} was never assigned`);
  }
});

test('should make the same decisions when the same day runs again with the same seed', TIMEOUT, async (t) => {
  if (!(await skipUnlessReady(t, ctx)) || !ranFirstDay(t)) return;
  const withJournal = (await ctx.sim.admin.unavailableReason()) === null;
  const firstDecisions = withJournal ? await settledDecisions(firstDay.sessions) : null;

  // GIVEN a fresh simulator, same seed and port; the same worker reconnects to it on its own
  await ctx.sim.stop();
  await ctx.worker.waitUnregistered();
  ctx.sim = await startSimulator({ seed: ctx.sim.seed, profile: 'createroom-agents-dropped', port: ctx.sim.port,
    logFile: join(ctx.dir, 'simulator-rerun.log'), marker: ctx.marker });
  await ctx.worker.waitRegistered();
  ctx.backend.events.length = 0;

  // WHEN the app runs the same day again
  const sessions = await runDay();

  // THEN everything the SDKs saw (ids, statuses, who delivered) and the journal's decisions repeat
  assert.deepEqual(visible(sessions, ctx.backend), firstDay.visible);
  if (withJournal) {
    assert.deepEqual(await settledDecisions(sessions), firstDecisions);
  }
});
