// One simulator (+ backend stub, + optionally one real worker) per test file, reused by its tests,
// torn down in `after` whatever the tests did, and checked to leave no process behind.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { logDir } from './paths.mjs';
import { newMarker, processesWithMarker } from './procs.mjs';
import { startSimulator, Unsupported } from './simulator.mjs';
import { startBackend } from './backend.mjs';
import { startNodeWorker } from './worker.mjs';

export const SEED = 42;

/**
 * Registers before/after hooks and returns the context they fill: `sim`, `backend`, `worker`,
 * `skipReason` (set when the jar lacks a feature, e.g. `--profile`), `dir` and `marker`.
 */
export function simulatorFixture(name, { profile, withWorker = true, seed = SEED } = {}) {
  const ctx = { name, dir: logDir(name), marker: newMarker(name), skipReason: null };
  before(async () => {
    try {
      ctx.sim = await startSimulator({ seed, profile, logFile: join(ctx.dir, 'simulator.log'), marker: ctx.marker });
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      ctx.skipReason = error.message;
      return;
    }
    ctx.backend = await startBackend();
    if (withWorker) {
      ctx.worker = await startNodeWorker({ sim: ctx.sim, backendUrl: ctx.backend.url,
        logFile: join(ctx.dir, 'worker.log'), marker: ctx.marker });
    }
  });
  after(async () => {
    try {
      await ctx.worker?.stop();
    } finally {
      await ctx.sim?.stop();
      await ctx.backend?.close();
    }
    assert.deepEqual(processesWithMarker(ctx.marker), [], 'processes left behind by this test file');
  });
  return ctx;
}

/** Skips the test (and says why) when the fixture could not provide what it needs. */
export async function skipUnlessReady(t, ctx, { admin = false } = {}) {
  if (ctx.skipReason) {
    t.skip(ctx.skipReason);
    return false;
  }
  if (admin) {
    const reason = await ctx.sim.admin.unavailableReason();
    if (reason) {
      t.skip(reason);
      return false;
    }
  }
  return true;
}
