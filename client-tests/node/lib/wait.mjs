// Waiting by observation: poll a probe until it yields a value, or fail with what was last seen.
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Resolves with the first truthy value of `probe()` (sync or async). After `timeoutMs` it rejects
 * with `what` and the last observation, so a failure says what was expected and what was there.
 */
export async function waitFor(what, probe, { timeoutMs, intervalMs = 25, lastSeen = () => '' } = {}) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) {
      return value;
    }
    if (performance.now() >= deadline) {
      const seen = await lastSeen();
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${seen ? `; last seen: ${seen}` : ''}`);
    }
    await sleep(intervalMs);
  }
}
