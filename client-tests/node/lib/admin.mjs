// The simulator's admin API under /_sim (journal = ground truth, state, worker kill, reset, simulated
// participants, webhook URLs).
// Scenarios that need it skip themselves, saying why, when the jar does not serve it yet.

/** Flattens one journal line, whether the event's fields sit at the top or under `event`. */
export function journalEntry(line) {
  const raw = JSON.parse(line);
  const event = raw.event && typeof raw.event === 'object' ? raw.event : {};
  return { ...raw, ...event, type: raw.type ?? event.type, seq: raw.seq };
}

export class Admin {
  /** `token`: the simulator's admin token (--admin-token / DISPATCHSIM_ADMIN_TOKEN), when it has one. */
  constructor(httpUrl, { token } = {}) {
    this.base = `${httpUrl}/_sim`;
    this.headers = token ? { 'X-Admin-Token': token } : {};
  }

  /** Why the admin API cannot be used, or null when `GET /_sim/health` answers 2xx. */
  async unavailableReason() {
    const response = await fetch(`${this.base}/health`, { headers: this.headers });
    await response.arrayBuffer();
    return response.ok ? null : `GET /_sim/health answered ${response.status}: this simulator jar has no admin API yet`;
  }

  /** Journal entries (JSON Lines), optionally after `since` and of one `type`. */
  async journal({ since, type } = {}) {
    const query = new URLSearchParams();
    if (since !== undefined) query.set('since', String(since));
    if (type) query.set('type', type);
    const text = await this.#text('GET', `/journal?${query}`);
    return text.split('\n').filter((line) => line.trim()).map(journalEntry);
  }

  async state() {
    return JSON.parse(await this.#text('GET', '/state'));
  }

  /** Closes a worker's socket from the server side with a WebSocket close code. */
  async killWorker(workerId, code = 1011) {
    await this.#text('DELETE', `/workers/${encodeURIComponent(workerId)}?code=${code}`);
  }

  async reset() {
    await this.#text('POST', '/reset');
  }

  /** Sends webhooks to `url` too (POST /_sim/webhooks); returns the URLs in force. */
  async addWebhook(url) {
    return JSON.parse(await this.#text('POST', '/webhooks', { url })).urls;
  }

  /** A simulated human joins `room` (created if needed). */
  async addParticipant(room, identity) {
    await this.#text('POST', `/rooms/${encodeURIComponent(room)}/participants/${encodeURIComponent(identity)}`);
  }

  async publishTrack(room, identity, track = { name: 'mic', type: 'AUDIO', source: 'MICROPHONE' }) {
    await this.#text('POST', `/rooms/${encodeURIComponent(room)}/participants/${encodeURIComponent(identity)}/tracks`, track);
  }

  async removeParticipant(room, identity) {
    await this.#text('DELETE', `/rooms/${encodeURIComponent(room)}/participants/${encodeURIComponent(identity)}`);
  }

  async #text(method, path, json) {
    const init = json === undefined ? { method, headers: this.headers }
      : { method, headers: { ...this.headers, 'content-type': 'application/json' }, body: JSON.stringify(json) };
    const response = await fetch(`${this.base}${path}`, init);
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`${method} /_sim${path} answered ${response.status}: ${text}`);
    }
    return text;
  }
}
