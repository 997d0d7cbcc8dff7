// The standalone simulator jar as a child process in its own group, and its admin API.
import { existsSync, readFileSync } from 'node:fs';
import { JAR } from './paths.mjs';
import { spawnGroup, stopGroup } from './procs.mjs';
import { waitFor } from './wait.mjs';
import { Admin } from './admin.mjs';

export const API_KEY = 'devkey';
// The Node agent SDK wants a secret of at least 32 characters.
export const API_SECRET = 'dispatchsim-client-tests-secret-0001';

const LISTENING = /dispatchsim listening on (http:\/\/\S+) \(LIVEKIT_URL=(ws:\/\/\S+)\)/;

/** The simulator did not start because it lacks a feature the scenario needs (e.g. --profile). */
export class Unsupported extends Error {}

/**
 * Starts `java -jar dispatchsim-standalone.jar`. `port` 0 picks a free one (the real port is read
 * from the startup line). A jar that refuses `--profile` raises {@link Unsupported}.
 */
export async function startSimulator({ seed, profile, port = 0, logFile, marker }) {
  if (!existsSync(JAR)) {
    throw new Error(`simulator jar not found at ${JAR}: build it (mvn -B -pl simulator -am package -DskipTests) or set DISPATCHSIM_JAR`);
  }
  const args = ['-Xmx512m', `-Ddispatchsim.testMarker=${marker}-sim`, '-jar', JAR,
    '--port', String(port), '--seed', String(seed), '--keys', `${API_KEY}:${API_SECRET}`, '--bind', '127.0.0.1'];
  if (profile) args.push('--profile', profile);
  const group = spawnGroup('java', args, { env: process.env, logFile, marker: `${marker}-sim` });
  const log = () => readFileSync(logFile, 'utf8');
  let started;
  try {
    started = await waitFor('the simulator to listen', () => LISTENING.exec(log()) ?? !group.isRunning(), {
      timeoutMs: 30_000,
      lastSeen: () => log().slice(-2000),
    });
  } catch (error) {
    await stopGroup(group);
    throw error;
  }
  if (started === true) {
    await stopGroup(group);
    const output = log();
    if (profile && /profile/i.test(output) && /unknown option|unmatched argument/i.test(output)) {
      throw new Unsupported(`this simulator jar has no --profile flag yet (${JAR})`);
    }
    throw new Error(`simulator exited before listening:\n${output.slice(-2000)}`);
  }
  const [, httpUrl, wsUrl] = started;
  return {
    httpUrl,
    wsUrl,
    port: Number(new URL(httpUrl).port),
    seed,
    admin: new Admin(httpUrl),
    group,
    stop: () => stopGroup(group),
  };
}
