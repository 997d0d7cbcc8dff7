// Where things are: the jar under test, the agent, and the run's log directory.
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_DIR = resolve(NODE_DIR, '..', '..');
export const AGENT_FILE = join(NODE_DIR, 'agent.mjs');

/** The standalone jar: $DISPATCHSIM_JAR, else the one `mvn package` leaves in simulator/target. */
export const JAR = process.env.DISPATCHSIM_JAR
  ? resolve(process.env.DISPATCHSIM_JAR)
  : join(REPO_DIR, 'simulator', 'target', 'dispatchsim-standalone.jar');

/** One fresh directory per test file; its logs stay after the run, to be read when a test failed. */
export function logDir(name) {
  const dir = join(REPO_DIR, 'client-tests', 'target', 'logs', 'node', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}
