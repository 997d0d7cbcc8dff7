/*
 * The live feed: the simulator pushes journal entries as server-sent events (GET /_sim/ui/events), so the page
 * never polls. The state panel's snapshot (GET /_sim/state) is fetched only after new entries came, at most
 * once a second. EventSource reconnects by itself and resumes after the last entry it saw (Last-Event-ID).
 */
'use strict';

DS.Feed = class {
  constructor(config, handlers) {
    this.handlers = handlers;
    this.stateUrl = config.state;
    this.source = new EventSource(config.events);
    this.source.addEventListener('open', () => handlers.status('live'));
    this.source.addEventListener('error', () => handlers.status(this.source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting'));
    this.source.addEventListener('meta', e => handlers.meta(JSON.parse(e.data)));
    this.source.addEventListener('reset', () => { handlers.reset(); this.fetchState(); });
    this.source.addEventListener('gap', e => handlers.gap(JSON.parse(e.data)));
    this.source.addEventListener('entries', e => { handlers.entries(JSON.parse(e.data)); this.stateSoon(); });
    this.stateSoon = DS.throttle(() => this.fetchState(), 1000);
    this.fetchState();
  }

  fetchState() {
    if (!this.source) return;
    fetch(this.stateUrl, {credentials: 'same-origin', headers: {Accept: 'application/json'}})
      .then(r => r.ok ? r.json() : Promise.reject(new Error('GET ' + this.stateUrl + ' answered ' + r.status)))
      .then(state => this.source && this.handlers.state(state))
      .catch(failure => this.handlers.notice('state not available: ' + failure.message));
  }

  close() {
    if (this.source) this.source.close();
    this.source = null;
  }
};
