// The app's agent, as a user would write it with @livekit/agents, minus the media: there is no SFU
// in the simulator, so the entry never calls ctx.connect(). It tells the app's backend that it
// arrived ("agent contacted backend"), which is how the app verifies delivery end to end, and then
// ends the job with ctx.shutdown() — a Node job whose entry just returns stays alive forever.
//
// Job metadata (JSON, set by the app): {"session": "...", "mode": "shutdown" | "stay"}. "stay"
// keeps the job running until the server terminates it (DeleteDispatch -> JobTermination; DeleteRoom sends none).
//
// Env: LIVEKIT_URL / LIVEKIT_API_KEY / LIVEKIT_API_SECRET (read by the SDK's CLI), BACKEND_URL
// (the backend stub), AGENT_HEALTH_PORT (the worker's own health port; never the 8081 default,
// or two workers collide).
import { cli, defineAgent, ServerOptions } from '@livekit/agents';
import { fileURLToPath } from 'node:url';

async function tellBackend(event, ctx, extra = {}) {
  const body = {
    event,
    sdk: 'node',
    jobId: ctx.job.id,
    dispatchId: ctx.job.dispatchId,
    room: ctx.job.room?.name ?? '',
    agentName: ctx.job.agentName,
    metadata: ctx.job.metadata,
    pid: process.pid,
    ...extra,
  };
  const response = await fetch(new URL('/agent-events', process.env.BACKEND_URL), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`backend answered ${response.status} to ${event}`);
  }
}

function modeOf(metadata) {
  try {
    return JSON.parse(metadata || '{}').mode ?? 'shutdown';
  } catch {
    return 'shutdown';
  }
}

export default defineAgent({
  entry: async (ctx) => {
    // Registered first so that a JobTermination arriving at any point is reported.
    ctx.addShutdownCallback(async () => tellBackend('job shutting down', ctx));
    await tellBackend('agent contacted backend', ctx);
    if (modeOf(ctx.job.metadata) !== 'stay') {
      ctx.shutdown('agent contacted backend');
    }
  },
});

// The same file is imported again in every job process; only the CLI process runs the worker.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  cli.runApp(
    new ServerOptions({
      agent: fileURLToPath(import.meta.url),
      agentName: 'stt-agent',
      // As in the A0 report. A job takes a warm process and its replacement needs ~1-3 s to warm up
      // on a busy 2-core box; a second one keeps back-to-back sessions from waiting for it.
      numIdleProcesses: 2,
      // The worker reports its machine's CPU load, and the server (livekit-server and the simulator
      // alike) offers no job to a worker at load >= 0.7 even while it says WS_AVAILABLE. On a busy
      // 2-core CI box the real load is often ~1, so the test agent reports none; the threshold
      // keeps the worker itself from ever declaring WS_FULL.
      loadFunc: async () => 0,
      loadThreshold: Infinity,
      host: '127.0.0.1',
      port: Number(process.env.AGENT_HEALTH_PORT),
    }),
  );
}
