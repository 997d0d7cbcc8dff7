// The app's webhook endpoint in the test process: it keeps every POST exactly as it came (body as
// text, Authorization header) and answers 200, so a test can hand each one to the SDK's receiver.
import { createServer } from 'node:http';
import { waitFor } from './wait.mjs';

export async function startWebhookReceiver() {
  const requests = [];
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ body, authorization: request.headers.authorization, contentType: request.headers['content-type'],
        userAgent: request.headers['user-agent'], json: JSON.parse(body) });
      response.writeHead(200).end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/livekit/webhook`,
    requests,
    /** The first request matching `predicate`; rejects after `timeoutMs`, showing the events seen. */
    waitFor: (what, predicate, timeoutMs) => waitFor(what, () => requests.find(predicate), {
      timeoutMs,
      lastSeen: () => JSON.stringify(requests.map((r) => [r.json.event, r.json.participant?.identity ?? ''])),
    }),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
