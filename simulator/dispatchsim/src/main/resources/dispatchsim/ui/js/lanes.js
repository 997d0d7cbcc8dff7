/*
 * What each journal event looks like on a room's timeline, as tables: a new event type, hook point or fault
 * effect is one row here. An event type not in EVENTS is still drawn, generically, on the lane its ids point
 * to, so a newer simulator's journal never breaks the page.
 *
 * Lanes: 'app' (Twirp calls), 'server', 'worker' (one lane per worker, from the event's workerId), 'room'.
 * shape 'point' is a dot on one lane; 'frame' an arrow from one lane to another (a message on the wire).
 */
'use strict';

DS.EVENTS = {
  TwirpCall: {shape: 'frame', from: 'app', to: 'server', tone: e => e.status === 200 ? 'ok' : 'bad',
    label: e => e.method + (e.status === 200 ? '' : ' → ' + e.status + ' ' + e.code)},
  RoomCreated: {shape: 'point', lane: 'room', tone: () => 'room', label: e => 'room created (' + e.cause + ')'},
  RoomClosed: {shape: 'point', lane: 'room', tone: () => 'room', label: e => 'room closed (' + e.reason + ')'},
  ParticipantJoined: {shape: 'point', lane: 'room', tone: e => e.kind === 'AGENT' ? 'agent' : 'room',
    label: e => (e.kind === 'AGENT' ? 'agent joined: ' : 'joined: ') + e.identity},
  ParticipantLeft: {shape: 'point', lane: 'room', tone: e => e.kind === 'AGENT' ? 'agent' : 'room',
    label: e => (e.kind === 'AGENT' ? 'agent left: ' : 'left: ') + e.identity + (e.reason ? ' (' + e.reason + ')' : '')},
  TrackPublished: {shape: 'point', lane: 'room', tone: () => 'room', label: e => 'track: ' + e.identity},
  DataSent: {shape: 'point', lane: 'room', tone: () => 'room', label: e => 'data ' + e.bytes + ' B'},
  DispatchCreated: {shape: 'point', lane: 'server', tone: () => 'server',
    label: e => 'dispatch ' + e.agentName + ' (' + String(e.source).toLowerCase() + ')'},
  DispatchDeleted: {shape: 'point', lane: 'server', tone: () => 'server', label: e => 'dispatch deleted'},
  JobCreated: {shape: 'point', lane: 'server', tone: () => 'server', label: e => 'job ' + DS.short(e.jobId)},
  DispatchUndeliverable: {shape: 'point', lane: 'server', tone: () => 'bad', label: e => 'undeliverable: ' + e.reason},
  AvailabilityRequested: {shape: 'frame', from: 'server', to: 'worker', tone: () => 'frame', label: () => 'AvailabilityRequest'},
  AvailabilityAnswered: {shape: 'frame', from: 'worker', to: 'server', tone: e => e.available ? 'frame' : 'warn',
    label: e => e.available ? 'available' : 'declined'},
  AvailabilityTimedOut: {shape: 'point', lane: 'server', tone: () => 'bad', label: () => 'availability timed out'},
  AvailabilityAnswerIgnored: {shape: 'frame', from: 'worker', to: 'server', tone: () => 'bad',
    label: e => (e.available ? 'available' : 'declined') + ', too late: ignored'},
  JobAssigned: {shape: e => e.delivered ? 'frame' : 'point', from: 'server', to: 'worker', lane: 'server',
    tone: e => e.delivered ? 'frame' : 'bad', label: e => e.delivered ? 'JobAssignment' : 'assigned, not delivered'},
  JobListed: {shape: 'point', lane: 'server', tone: () => 'server', label: () => 'listed by ListDispatch'},
  ActionDropped: {shape: 'point', lane: 'server', tone: () => 'warn',
    label: e => DS.hookOf(e.hookPoint).what + ' not carried out: ' + e.reason},
  NoResponse: {shape: 'point', lane: 'server', tone: () => 'bad',
    label: e => e.call + ' unanswered (' + e.reason + '): 503 after ' + DS.duration(e.answeredAfter)},
  JobStatusUpdated: {shape: 'frame', from: 'worker', to: 'server', tone: e => e.error ? 'warn' : 'frame',
    label: e => 'status ' + e.status},
  JobTerminated: {shape: e => e.sent ? 'frame' : 'point', from: 'server', to: 'worker', lane: 'server', tone: () => 'frame',
    label: e => 'JobTermination' + (e.sent ? '' : ' (not sent)')},
  WorkerConnected: {shape: 'point', lane: 'worker', tone: () => 'worker', label: e => 'connected ' + e.connectionId},
  WorkerRegistered: {shape: 'frame', from: 'worker', to: 'server', tone: () => 'worker', label: e => 'register ' + e.agentName},
  WorkerStatusUpdated: {shape: 'frame', from: 'worker', to: 'server', tone: () => 'worker',
    label: e => e.status + ' load ' + Number(e.load).toFixed(2)},
  WorkerDisconnected: {shape: 'point', lane: 'worker', tone: () => 'bad', label: e => 'disconnected ' + e.code},
  WorkerProtocolError: {shape: 'point', lane: 'worker', tone: () => 'bad', label: e => 'protocol error ' + e.closeCode},
  ProfileLoaded: {shape: 'point', lane: 'server', tone: () => 'server', label: e => 'profile ' + e.name},
  FaultApplied: {shape: 'fault'}
};

/** The hook point a fault rule acted at: which message it touched, from which lane to which. */
DS.HOOKS = {
  twirp_request: {what: 'Twirp request', from: 'app', to: 'server'},
  dispatch_created: {what: 'dispatch', from: 'server', to: 'server'},
  availability_request: {what: 'AvailabilityRequest', from: 'server', to: 'worker'},
  availability_response: {what: 'AvailabilityResponse', from: 'worker', to: 'server'},
  job_assignment: {what: 'JobAssignment', from: 'server', to: 'worker'},
  agent_join: {what: 'agent join', from: 'worker', to: 'room'},
  job_status_report: {what: 'ListDispatch report', from: 'server', to: 'app'},
  job_termination: {what: 'JobTermination', from: 'server', to: 'worker'},
  worker_connect: {what: 'worker connection', from: 'worker', to: 'server'},
  worker_register: {what: 'register', from: 'worker', to: 'server'},
  worker_frame: {what: 'worker frame', from: 'worker', to: 'server'}
};

/**
 * How each fault effect is drawn. draw: 'lost' a frame that never arrives (it stops half way, ✕);
 * 'stretched' an arrow from the decision to when the event really happened; 'lie' the report beside the
 * truth; 'mark' a symbol on the lane it hit.
 */
DS.EFFECTS = {
  drop: {draw: 'lost', symbol: '✕', text: (f, hook) => hook.what + ' dropped'},
  delay: {draw: 'stretched', symbol: '↦', text: (f, hook) => hook.what + ' delayed ' + DS.duration(f.effect.by)},
  duplicate: {draw: 'mark', symbol: '×2', text: (f, hook) => hook.what + ' duplicated'},
  fail: {draw: 'mark', symbol: '!', text: (f, hook) => hook.what + ' failed: ' + f.effect.status + ' ' + (f.effect.code || '')},
  report: {draw: 'lie', symbol: '≠', text: f => 'ListDispatch said ' + f.effect.status},
  stall: {draw: 'lost', symbol: '‖', text: (f, hook) => hook.what + ' stalled: no answer'},
  disconnect: {draw: 'mark', symbol: '↯', text: (f, hook) => 'worker disconnected (' + f.effect.code + ') at ' + hook.what}
};

/** A hook or effect this page does not know yet still gets a row. */
DS.hookOf = name => DS.HOOKS[name] || {what: name || 'event', from: 'server', to: 'server'};
DS.effectOf = type => DS.EFFECTS[type] || {draw: 'mark', symbol: '?', text: (f, hook) => (type || 'fault') + ' at ' + hook.what};

/** An ISO-8601 duration (PT12.185S) as "12.185s". */
DS.duration = function (iso) {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(iso || '');
  if (!m) return String(iso);
  const s = (+m[1] || 0) * 3600 + (+m[2] || 0) * 60 + (+m[3] || 0);
  return (Math.round(s * 1000) / 1000) + 's';
};

/** Milliseconds of an ISO-8601 duration. */
DS.durationMs = function (iso) {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(iso || '');
  return m ? ((+m[1] || 0) * 3600 + (+m[2] || 0) * 60 + (+m[3] || 0)) * 1000 : 0;
};
