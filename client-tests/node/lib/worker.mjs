// A real @livekit/agents worker (agent.mjs) in its own process group with its own health port.
import { createServer } from 'node:net';
import { readFileSync } from 'node:fs';
import { AGENT_FILE, NODE_DIR } from './paths.mjs';
import { spawnGroup, stopGroup } from './procs.mjs';
import { waitFor } from './wait.mjs';
import { API_KEY, API_SECRET } from './simulator.mjs';

/** A port nobody listens on right now, for the worker's health server. */
export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The health server answers 200 on GET / only while the worker is registered (503 otherwise). */
async function registered(healthUrl) {
  try {
    const response = await fetch(healthUrl);
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/**
 * Starts `node agent.mjs dev` against the simulator and waits until it has registered. Dev mode:
 * SIGTERM closes at once instead of draining for up to an hour, and the load threshold is off.
 */
export async function startNodeWorker({ sim, backendUrl, logFile, marker }) {
  const healthPort = await freePort();
  const env = { ...process.env, LIVEKIT_URL: sim.wsUrl, LIVEKIT_API_KEY: API_KEY, LIVEKIT_API_SECRET: API_SECRET,
    BACKEND_URL: backendUrl, AGENT_HEALTH_PORT: String(healthPort) };
  const group = spawnGroup(process.execPath, [AGENT_FILE, 'dev', '--log-level', 'debug'], { env, cwd: NODE_DIR, logFile, marker: `${marker}-worker` });
  const healthUrl = `http://127.0.0.1:${healthPort}/`;
  const worker = {
    group,
    healthUrl,
    stop: () => stopGroup(group),
    /** Waits until the worker is registered with the simulator (again). */
    waitRegistered: (timeoutMs = 60_000) =>
      waitFor('the Node worker to register', async () => {
        if (!group.isRunning()) throw new Error(`the worker exited:\n${readFileSync(logFile, 'utf8').slice(-3000)}`);
        return registered(healthUrl);
      }, { timeoutMs, intervalMs: 100, lastSeen: () => readFileSync(logFile, 'utf8').slice(-1500) }),
    /** Waits until the worker noticed that its socket is gone (health 503). */
    waitUnregistered: (timeoutMs = 30_000) =>
      waitFor('the Node worker to notice its socket closed', async () => !(await registered(healthUrl)), { timeoutMs, intervalMs: 50 }),
  };
  try {
    await worker.waitRegistered();
  } catch (error) {
    await worker.stop();
    throw error;
  }
  return worker;
}
