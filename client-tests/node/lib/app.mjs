// The app under test, reduced to its dispatch logic: the workaround from the createRoom-agents
// report (docs/failure-catalogue.md, A0). Create the room with the agent; verify end to end that the agent
// contacted the backend; if not within a few seconds, fall back to createDispatch (bounded).
import { AgentDispatchClient, RoomAgentDispatch, RoomServiceClient } from 'livekit-server-sdk';
import { API_KEY, API_SECRET } from './simulator.mjs';

export const AGENT_NAME = 'stt-agent';
/** How long the app trusts a normal delivery to take (usually ~0.1 s) before it falls back. */
export const VERIFY_MS = 3000;
/** The report: a fallback createDispatch delivered "within about 0.5 s"; the test allows 1 s. */
export const FALLBACK_DELIVERY_MS = 1000;
export const MAX_FALLBACKS = 3;

export function clients(sim) {
  return {
    rooms: new RoomServiceClient(sim.httpUrl, API_KEY, API_SECRET),
    dispatch: new AgentDispatchClient(sim.httpUrl, API_KEY, API_SECRET),
  };
}

/**
 * One session as the app runs it. Returns what happened: whether createRoom's own dispatch
 * arrived, what listDispatch claimed before the fallback, each fallback and its delivery time.
 */
export async function runSession({ sim, backend, room, mode = 'shutdown' }) {
  const { rooms, dispatch } = clients(sim);
  const metadata = JSON.stringify({ session: room, mode });
  await rooms.createRoom({ name: room, agents: [new RoomAgentDispatch({ agentName: AGENT_NAME, metadata })] });
  const session = { room, deliveredByCreateRoom: false, listedBeforeFallback: null, fallbacks: [] };
  if (await backend.poll('agent contacted backend', room, VERIFY_MS)) {
    session.deliveredByCreateRoom = true;
    return session;
  }
  session.listedBeforeFallback = await dispatch.listDispatch(room);
  for (let attempt = 1; attempt <= MAX_FALLBACKS; attempt++) {
    const started = performance.now();
    const created = await dispatch.createDispatch(room, AGENT_NAME, { metadata });
    const contact = await backend.poll('agent contacted backend', room, FALLBACK_DELIVERY_MS);
    session.fallbacks.push({ dispatchId: created.id, deliveredAfterMs: contact ? contact.receivedAt - started : null, contact });
    if (contact) return session;
  }
  return session;
}

/** The app ends a session by deleting its room. */
export async function endSession(sim, room) {
  await clients(sim).rooms.deleteRoom(room);
}
