/*
 * The current state beside the timelines: the profile and how often each rule fired, the workers and their
 * load, and every dispatch's jobs with the truth next to what ListDispatch says. It uses the simulator's own
 * state (GET /_sim/state, or the copy a report embeds) when there is one, else what the journal tells.
 */
'use strict';

DS.StateView = class {
  constructor(model, view) {
    this.model = model;
    this.view = view;
    this.state = null;
    this.meta = {};
    this.rows = [];
    this.list = new DS.VirtualList(document.getElementById('dispatch-list'), {
      rowHeight: 56, key: i => 'j:' + this.rows[i].job + ':' + i,
      render: (i, el) => this.renderRow(this.rows[i], el)});
  }

  update() {
    this.renderProfile();
    this.renderWorkers();
    const text = this.view.filter.trim().toLowerCase();
    this.rows = (this.state ? DS.StateView.rowsFromState(this.state) : DS.StateView.rowsFromJournal(this.model))
      .filter(r => !text || r.room.toLowerCase().includes(text));
    document.getElementById('dispatch-source').textContent = this.state
      ? 'from the simulator\'s state' : 'from the journal (no state snapshot)';
    for (const row of this.list.rows.values()) row.element.dataset.stamp = '';
    this.list.setCount(this.rows.length);
    this.list.refresh();
  }

  renderProfile() {
    const profile = this.meta.profile || null;
    const rules = new Map((profile && profile.rules || []).map(r => [r, 0]));
    for (const [rule, times] of this.model.rules) rules.set(rule, times);
    document.getElementById('profile-name').textContent = profile ? profile.name
      + (profile.seed !== null && profile.seed !== undefined ? ' (its own seed ' + profile.seed + ')' : '')
      : rules.size ? '(not recorded: rules seen in the journal)' : 'none';
    document.getElementById('rule-list').replaceChildren(...[...rules].map(([rule, times]) =>
      DS.el('li', {class: 'rule-row' + (times ? ' fired' : ''), 'data-rule': rule}, [
        DS.el('span', {class: 'rule-name', text: rule}),
        DS.el('span', {class: 'fires', text: times + (times === 1 ? ' fire' : ' fires')})])));
  }

  renderWorkers() {
    const workers = this.state ? this.state.workers.map(w => ({id: w.id, agentName: w.registration.agentName,
      status: w.status, load: w.load, jobs: (w.runningJobIds || []).length}))
      : [...this.model.workers.values()].filter(w => !w.disconnected).map(w => Object.assign({jobs: null}, w));
    const shown = workers.slice(0, 200);
    const items = shown.map(w => DS.el('li', {class: 'worker-row', 'data-worker': w.id}, [
      DS.el('span', {class: 'worker-id', text: DS.short(w.id)}),
      DS.el('span', {class: 'agent', text: w.agentName || '(automatic)'}),
      DS.el('span', {class: 'status', text: String(w.status || '').replace('WS_', '').toLowerCase()}),
      DS.el('span', {class: 'load', title: 'load ' + w.load}, DS.el('span', {style: 'width:' + Math.round(100 * Math.min(1, w.load || 0)) + '%'})),
      w.jobs === null ? null : DS.el('span', {class: 'jobs', text: w.jobs + (w.jobs === 1 ? ' job' : ' jobs')})]));
    if (workers.length > shown.length) items.push(DS.el('li', {text: 'and ' + (workers.length - shown.length) + ' more'}));
    if (!items.length) items.push(DS.el('li', {class: 'empty', text: 'no worker registered'}));
    document.getElementById('worker-list').replaceChildren(...items);
  }

  renderRow(row, el) {
    if (el.dataset.stamp === 'x') return;
    el.dataset.stamp = 'x';
    el.replaceChildren(DS.el('div', {class: 'job-row' + (row.lie ? ' lie' : ''), 'data-room': row.room, 'data-job': row.job}, [
      DS.el('div', {class: 'job-head'}, [DS.el('b', {text: row.room}), ' · ' + row.agent + ' · ' + DS.short(row.job || row.dispatch)]),
      DS.el('div', {class: 'job-truth'}, [
        DS.el('span', {class: 'truth', text: 'truth: ' + row.truth}),
        DS.el('span', {class: 'reported', text: 'ListDispatch: ' + (row.reported || '—')})])]));
  }

  static rowsFromState(state) {
    const rows = [];
    for (const view of state.rooms) {
      for (const dispatch of view.dispatches) {
        const jobs = dispatch.jobs.length ? dispatch.jobs : [null];
        for (const job of jobs) {
          const truth = job ? job.phase.toLowerCase() + ', ' + job.trueStatus + (job.delivered ? ', delivered' : ', not delivered')
            : 'no job launched';
          const reported = job ? job.reportedStatus || '' : (dispatch.reported.jobs[0] || {state: {}}).state.status || '';
          rows.push({room: view.room.name, agent: dispatch.reported.agentName, dispatch: dispatch.reported.id,
            job: job ? job.jobId : '', truth, reported,
            lie: !!reported && (!job || reported !== job.trueStatus || (reported === 'JS_RUNNING' && !job.delivered))});
        }
      }
    }
    return rows;
  }

  static rowsFromJournal(model) {
    return [...model.jobs.values()].map(job => {
      const reported = model.lastReport(job.jobId);
      return {room: job.room, agent: job.agentName, dispatch: job.dispatchId, job: job.jobId,
        truth: DS.Truth.describe(job), reported, lie: !!reported && DS.Truth.isLie(job, reported)};
    });
  }
};
