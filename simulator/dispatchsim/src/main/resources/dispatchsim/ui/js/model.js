/*
 * The journal, sorted into rooms. Every entry is put into the room it concerns (directly, or through the job,
 * dispatch or worker it names); entries that concern no room go to the simulator's own lane set (key '').
 * Fault decisions are kept as marks on the room, with the truth about the job they touched at that moment.
 */
'use strict';

DS.Model = class {
  constructor() {
    this.clear();
  }

  clear() {
    this.rooms = new Map();          // name -> room
    this.jobs = new Map();           // jobId -> truth record (truth.js)
    this.dispatchRooms = new Map();  // dispatchId -> room name
    this.workers = new Map();        // workerId -> {id, agentName, status, load, connectionId, disconnected}
    this.rules = new Map();          // rule name -> times fired
    this.t0 = NaN;                   // simulated time of the first entry, the axis' zero
    this.lastSeq = 0;
    this.firstSeq = 0;
    this.count = 0;
    this.version = 0;
    this.room('');
  }

  room(name) {
    let room = this.rooms.get(name);
    if (!room) {
      room = {name, global: name === '', entries: [], marks: [], lies: [], workers: [], version: 0, closed: false,
        firstMs: NaN, lastMs: NaN};
      this.rooms.set(name, room);
    }
    return room;
  }

  /** Real rooms in the order they first appeared; the simulator's own lane set first. */
  roomList() {
    return [...this.rooms.values()];
  }

  ingest(entries) {
    for (const entry of entries) {
      if (entry.seq <= this.lastSeq) continue;
      this.lastSeq = entry.seq;
      if (!this.count) this.firstSeq = entry.seq;
      this.count++;
      entry.ms = DS.timeMs(entry.virtualTime);
      if (!isFinite(this.t0)) this.t0 = entry.ms;
      this.place(entry);
    }
    this.version++;
  }

  place(entry) {
    const e = entry.event || {};
    const type = entry.type;
    this.track(type, e);
    const room = this.room(this.roomOf(type, e));
    room.entries.push(entry);
    room.version++;
    room.firstMs = isFinite(room.firstMs) ? room.firstMs : entry.ms;
    room.lastMs = entry.ms;
    if (type === 'RoomClosed') room.closed = true;
    if (type === 'RoomCreated') room.closed = false;
    const worker = e.workerId || (type === 'FaultApplied' && (e.targets || {}).worker);
    if (worker && !room.workers.includes(worker)) room.workers.push(worker);
    if (type === 'FaultApplied') this.fault(room, entry, e);
  }

  /** Which room an entry concerns: its own room field, else the room of the job or dispatch it names. */
  roomOf(type, e) {
    if (typeof e.room === 'string' && e.room) return e.room;
    const targets = e.targets || {};
    if (targets.room) return targets.room;
    const jobId = e.jobId || targets.job;
    if (jobId && this.jobs.has(jobId)) return this.jobs.get(jobId).room;
    const dispatchId = e.dispatchId || targets.dispatch;
    if (dispatchId && this.dispatchRooms.has(dispatchId)) return this.dispatchRooms.get(dispatchId);
    return '';
  }

  /** Jobs, dispatches and workers as the entries describe them. */
  track(type, e) {
    if (type === 'DispatchCreated') this.dispatchRooms.set(e.dispatchId, e.room);
    if (type === 'JobCreated') this.jobs.set(e.jobId, DS.Truth.newJob(e.room, e.dispatchId, e.jobId, e.agentName));
    if (e.jobId && this.jobs.has(e.jobId)) DS.Truth.apply(this.jobs.get(e.jobId), type, e);
    if (type === 'WorkerRegistered') {
      this.workers.set(e.workerId, {id: e.workerId, agentName: e.agentName, jobType: e.jobType, status: 'WS_AVAILABLE',
        load: 0, connectionId: e.connectionId, disconnected: false});
    }
    const worker = this.workers.get(e.workerId);
    if (worker && type === 'WorkerStatusUpdated') { worker.status = e.status; worker.load = e.load; }
    if (worker && type === 'WorkerDisconnected') worker.disconnected = true;
  }

  fault(room, entry, f) {
    this.rules.set(f.rule, (this.rules.get(f.rule) || 0) + 1);
    const targets = f.targets || {};
    const job = targets.job ? this.jobs.get(targets.job) : null;
    if (job) DS.Truth.applyFault(job, f);
    const hook = DS.hookOf(f.hookPoint);
    const effect = DS.effectOf(f.effect && f.effect.type);
    const mark = {seq: entry.seq, ms: entry.ms, rule: f.rule, hook: f.hookPoint, type: (f.effect || {}).type,
      effect: f.effect || {}, draw: effect.draw, symbol: effect.symbol, text: effect.text(f, hook), from: hook.from,
      to: hook.to, worker: targets.worker || '', job: targets.job || '', occurrence: targets.occurrence || ''};
    room.marks.push(mark);
    if (effect.draw === 'lie') {
      room.lies.push({seq: entry.seq, ms: entry.ms, rule: f.rule, reported: f.effect.status, job: targets.job || '',
        dispatch: targets.dispatch || '', truth: DS.Truth.describe(job), lie: DS.Truth.isLie(job, f.effect.status)});
    }
  }

  /** What ListDispatch last said about a job (from the report rules that fired), or ''. */
  lastReport(jobId) {
    const job = this.jobs.get(jobId);
    const room = job && this.rooms.get(job.room);
    const lies = room ? room.lies.filter(l => l.job === jobId) : [];
    return lies.length ? lies[lies.length - 1].reported : '';
  }
};
