// Process-group hygiene. Agent workers fork job and inference processes that ignore SIGTERM and
// outlive a dead worker, so every spawned program gets its own process group (setsid via
// `detached`), is stopped by signalling the whole group, and the run checks that nothing carrying
// its marker is left.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { randomUUID } from 'node:crypto';
import { waitFor } from './wait.mjs';

/** The env var every spawned process (and its children, which inherit it) carries. */
export const MARKER_VAR = 'DISPATCHSIM_TEST_MARKER';

/** run-real-clients.sh puts its run id in every marker, to find leftovers of the whole run. */
export function newMarker(label) {
  return `dispatchsim-ct-${process.env.DISPATCHSIM_RUN_ID ?? 'adhoc'}-${label}-${randomUUID()}`;
}

/**
 * Spawns `command` as the leader of a new process group, stdout and stderr appended to `logFile`.
 * `marker` must be unique to this group: stopping the group waits until no process carries it.
 */
export function spawnGroup(command, args, { env, cwd, logFile, marker }) {
  const log = openSync(logFile, 'w');
  const child = spawn(command, args, {
    cwd,
    env: { ...env, [MARKER_VAR]: marker },
    detached: true,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return { child, pgid: child.pid, marker, logFile, exited, isRunning: () => child.exitCode === null && child.signalCode === null };
}

function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}

/**
 * Asks the leader to stop (SIGTERM), gives it `graceMs`, then SIGKILLs the whole group whatever
 * happened, and waits until no live process carries the marker.
 */
export async function stopGroup(group, { graceMs = 3000 } = {}) {
  if (group.isRunning()) {
    group.child.kill('SIGTERM'); // the leader only: it shuts its children down itself
    await Promise.race([group.exited, sleep(graceMs)]);
  }
  signalGroup(group.pgid, 'SIGKILL');
  await group.exited;
  // A killed process loses its environment before it turns zombie, so the group id is watched too.
  const left = () => [...processesWithMarker(group.marker), ...processesInGroup(group.pgid)];
  await waitFor(`no process left in group ${group.pgid} or with marker ${group.marker}`, () => left().length === 0, {
    timeoutMs: 10_000,
    lastSeen: () => JSON.stringify(left()),
  });
}

function readProc(pid, file) {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'latin1');
  } catch {
    return ''; // gone meanwhile, or not ours to read
  }
}

/** State and process group of a pid from /proc/PID/stat (the command name may contain spaces). */
function statOf(pid) {
  const stat = readProc(pid, 'stat');
  if (!stat) return null;
  const [state, , pgid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { state, pgid: Number(pgid), alive: state !== 'Z' && state !== 'X' };
}

/** Live (non-zombie) processes, other than this one, that `belongs` picks. */
function liveProcesses(belongs) {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const stat = statOf(entry);
    if (stat?.alive && belongs(entry, stat)) {
      found.push({ pid: Number(entry), cmdline: readProc(entry, 'cmdline').replaceAll('\0', ' ').trim() });
    }
  }
  return found;
}

/** Live processes whose environment or command line contains `marker`. */
export function processesWithMarker(marker) {
  return liveProcesses((pid) => readProc(pid, 'cmdline').includes(marker) || readProc(pid, 'environ').includes(marker));
}

/** Live processes in process group `pgid`. */
export function processesInGroup(pgid) {
  return liveProcesses((_, stat) => stat.pgid === pgid);
}

/** Whether a process is alive (not gone, not a zombie waiting to be reaped). */
export function isAlive(pid) {
  return statOf(pid)?.alive ?? false;
}
