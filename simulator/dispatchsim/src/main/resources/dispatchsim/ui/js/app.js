/*
 * The page: reads its configuration (live, or a report with the journal embedded), wires the model to the
 * views, the filters, and "open a journal file" (input or drag and drop), which shows any admin journal
 * export (GET /_sim/journal, JSON Lines) the same way, offline.
 */
'use strict';

DS.App = class {
  constructor() {
    this.model = new DS.Model();
    this.view = {filter: '', from: null, to: null, scale: 'sequence'};
    this.meta = {};
    this.rooms = new DS.RoomsView(this.model, this.view, name => this.rooms.select(name));
    this.state = new DS.StateView(this.model, this.view);
    this.render = DS.perFrame(() => this.draw(false));
    this.wireControls();
  }

  start(config) {
    if (config.mode === 'live') {
      this.status('connecting');
      this.feed = new DS.Feed(config, {
        status: s => this.status(s),
        meta: meta => this.setMeta(meta),
        entries: entries => { this.model.ingest(entries); this.render(); },
        reset: () => { this.model.clear(); this.state.state = null; this.notice('the simulator was reset'); this.draw(true); },
        gap: gap => this.notice('entries #' + gap.from + '–#' + gap.to + ' left the journal before this page saw them'),
        state: state => { this.state.state = state; this.render(); },
        notice: text => this.notice(text)
      });
    } else {
      const data = JSON.parse(document.getElementById('ds-data').textContent);
      this.status('report');
      this.show(data.meta || {}, data.state || null, data.journal || '', data.note || '');
    }
  }

  /** Shows a whole journal at once: a report's embedded copy or a file. */
  show(meta, state, journalText, note) {
    const parsed = DS.parseJournal(journalText);
    this.model.clear();
    this.model.ingest(parsed.entries);
    this.state.state = state;
    this.setMeta(meta);
    const noteEl = document.getElementById('note');
    noteEl.hidden = !note;
    document.getElementById('note-text').textContent = note || '';
    this.notice(parsed.problems.length ? parsed.problems.length + ' line(s) skipped: ' + parsed.problems.slice(0, 3).join('; ') : '');
    this.draw(true);
  }

  setMeta(meta) {
    this.meta = meta || {};
    this.model.manual = this.meta.clock === 'manual';
    this.state.meta = this.meta;
    if (this.meta.title) document.title = this.meta.title;
    this.draw(true);
  }

  draw(viewChanged) {
    this.rooms.update(viewChanged);
    this.state.update();
    this.header();
    document.body.dataset.lastSeq = String(this.model.lastSeq);
    document.body.dataset.ready = 'true';
  }

  header() {
    const meta = this.meta;
    document.getElementById('title').textContent = meta.title || 'dispatchsim timeline';
    const clock = document.getElementById('clock-badge');
    clock.className = 'clock ' + (meta.clock || 'unknown');
    clock.textContent = meta.clock === 'manual' ? 'ManualClock: simulated time moves only when the test advances it'
      : meta.clock === 'system' ? 'system clock: simulated time is real time' : 'clock not recorded';
    const parts = [];
    if (meta.seed !== undefined && meta.seed !== null) parts.push('seed ' + meta.seed);
    parts.push('profile ' + (meta.profile ? meta.profile.name : meta.source === 'file' ? '(not recorded)' : 'none'));
    parts.push(this.model.count + ' entries' + (this.model.firstSeq > 1 ? ' (from #' + this.model.firstSeq + ': older ones left the journal)' : ''));
    if (isFinite(this.model.t0) && this.model.count) {
      const last = Math.max(...this.model.roomList().map(r => isFinite(r.lastMs) ? r.lastMs : -Infinity));
      parts.push('spanning ' + DS.offset(last - this.model.t0));
    }
    if (meta.now && isFinite(this.model.t0)) parts.push('now ' + DS.offset(DS.timeMs(meta.now) - this.model.t0));
    document.getElementById('run-info').textContent = parts.join(' · ');
  }

  status(text) {
    const el = document.getElementById('feed-status');
    el.dataset.state = text;
    el.textContent = text === 'live' ? '● live' : text;
  }

  notice(text) {
    const el = document.getElementById('notice');
    el.textContent = text || '';
    el.hidden = !text;
  }

  wireControls() {
    const redraw = () => this.draw(true);
    const seconds = id => {
      const v = document.getElementById(id).value.trim();
      return v === '' || !isFinite(+v) ? null : +v * 1000;
    };
    document.getElementById('room-filter').addEventListener('input', e => { this.view.filter = e.target.value; redraw(); });
    ['window-from', 'window-to'].forEach(id => document.getElementById(id).addEventListener('input', () => {
      this.view.from = seconds('window-from');
      this.view.to = seconds('window-to');
      redraw();
    }));
    document.getElementById('scale-time').addEventListener('change', e => { this.view.scale = e.target.checked ? 'time' : 'sequence'; redraw(); });
    document.getElementById('journal-file').addEventListener('change', e => e.target.files[0] && this.open(e.target.files[0]));
    document.addEventListener('dragover', e => { e.preventDefault(); document.body.classList.add('dragging'); });
    document.addEventListener('dragleave', e => { if (!e.relatedTarget) document.body.classList.remove('dragging'); });
    document.addEventListener('drop', e => {
      e.preventDefault();
      document.body.classList.remove('dragging');
      if (e.dataTransfer.files[0]) this.open(e.dataTransfer.files[0]);
    });
  }

  /** A journal file replaces what is shown; the live feed stops, so the file's picture stays as it is. */
  open(file) {
    file.text().then(text => {
      if (this.feed) this.feed.close();
      this.feed = null;
      this.status('file');
      this.show({title: file.name, source: 'file'}, null, text, '');
    });
  }
};

document.addEventListener('DOMContentLoaded', () => {
  const config = JSON.parse(document.getElementById('ds-config').textContent);
  new DS.App().start(config);
});
