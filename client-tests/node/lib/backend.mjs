// The app's backend, as far as the tests need it: it records what agents tell it
// (POST /agent-events) and lets a test wait for a given event.
import { createServer } from 'node:http';
import { waitFor } from './wait.mjs';

export async function startBackend() {
  const events = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/agent-events') {
        response.writeHead(404).end();
        return;
      }
      events.push({ ...JSON.parse(body), receivedAt: performance.now() });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  const find = (event, room) => events.find((e) => e.event === event && e.room === room);
  return {
    url,
    events,
    /** Events for one room, in arrival order. */
    eventsFor: (room) => events.filter((e) => e.room === room),
    /** The first `event` for `room`; rejects after `timeoutMs`. */
    waitFor: (event, room, timeoutMs) =>
      waitFor(`"${event}" from the agent in room ${room}`, () => find(event, room), {
        timeoutMs,
        lastSeen: () => JSON.stringify(events.map((e) => [e.event, e.room])),
      }),
    /** The first `event` for `room`, or null if it did not come within `timeoutMs`. */
    poll: (event, room, timeoutMs) =>
      waitFor('', () => find(event, room), { timeoutMs }).catch(() => null),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
