// Reading the journal (ground truth) the way the scenarios need it.
import { waitFor } from './wait.mjs';

/** The events that record dispatch decisions; worker status chatter and wall times are left out. */
const DECISIONS = new Set(['DispatchCreated', 'JobCreated', 'AvailabilityRequested', 'AvailabilityAnswered',
  'AvailabilityTimedOut', 'JobAssigned', 'DispatchUndeliverable', 'FaultApplied']);
const NOT_DETERMINISTIC = new Set(['seq', 'virtualTime', 'wallTime', 'time', 'timestamp']);

/**
 * The journal reduced to what the determinism contract covers: each room's dispatch decisions, in
 * order. Grouped by room because real clients run on real time: a 3 s availability timeout of one
 * session may land before or after a later session's calls, but never moves within its own room.
 */
export function dispatchDecisions(entries) {
  const roomOfJob = new Map(entries.filter((e) => e.type === 'JobCreated').map((e) => [e.jobId, e.room]));
  const byRoom = {};
  for (const entry of entries.filter((e) => DECISIONS.has(e.type))) {
    const room = entry.room ?? entry.targets?.room ?? roomOfJob.get(entry.jobId) ?? '(none)';
    const fields = Object.entries(entry).filter(([key]) => !NOT_DETERMINISTIC.has(key) && key !== 'event');
    (byRoom[room] ??= []).push(Object.fromEntries(fields));
  }
  return byRoom;
}

/** Entries of `type` whose fields include `fields`. */
export function matching(entries, type, fields = {}) {
  return entries.filter((e) => e.type === type && Object.entries(fields).every(([k, v]) => e[k] === v));
}

/** Waits until the journal holds an entry of `type` with `fields`; returns it. */
export function awaitEntry(admin, type, fields, { timeoutMs = 30_000, since } = {}) {
  let last = [];
  return waitFor(`journal ${type} ${JSON.stringify(fields)}`, async () => {
    last = await admin.journal({ type, since });
    return matching(last, type, fields)[0];
  }, { timeoutMs, intervalMs: 100, lastSeen: () => JSON.stringify(last.slice(-5)) });
}
