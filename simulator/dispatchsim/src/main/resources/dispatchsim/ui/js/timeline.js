/*
 * One room's timeline as an ECharts option: simulated time runs left to right, one horizontal lane per party
 * (the app's Twirp calls, the server, each worker, the room). A message is an arrow between two lanes; a fault
 * decision is drawn on the message it touched: a dropped frame stops half way with ✕ (it never arrives), a
 * delay is an arrow stretched to when the event really happened, a report lie is written beside the truth.
 */
'use strict';

DS.TONES = {ok: '#2e7d32', bad: '#c62828', warn: '#ef6c00', frame: '#1565c0', server: '#5e35b1', room: '#00838f',
  agent: '#2e7d32', worker: '#6d4c41', generic: '#757575', lie: '#c62828', truth: '#2e7d32'};

DS.Timeline = {
  /** Lanes of a room: app, server, one per worker that touched it, room. The simulator's own set has no app lane. */
  lanes(room, model) {
    const workers = room.global ? [...model.workers.keys()] : room.workers;
    const lanes = room.global ? ['server'] : ['app', 'server'];
    (workers.length ? workers : ['']).forEach(w => lanes.push('worker:' + w));
    if (!room.global || room.entries.some(e => DS.Timeline.spec(e).lane === 'room')) lanes.push('room');
    return lanes;
  },

  laneLabel(lane) {
    if (!lane.startsWith('worker:')) return lane;
    const id = lane.slice(7);
    return id ? 'worker\n' + DS.short(id) : 'worker';
  },

  /** The table row for an entry; an unknown type is drawn on the lane its ids point to. */
  spec(entry) {
    const known = DS.EVENTS[entry.type];
    if (known) return known;
    const e = entry.event || {};
    return {shape: 'point', lane: e.workerId ? 'worker' : e.room ? 'room' : 'server', tone: () => 'generic',
      label: () => entry.type, generic: true};
  },

  /** Entries inside the time window (offsets in ms from the run's first entry; null = open). */
  visible(room, model, view) {
    return room.entries.filter(en => {
      const at = en.ms - model.t0;
      return (view.from === null || at >= view.from) && (view.to === null || at <= view.to);
    });
  },

  option(room, model, view) {
    const lanes = DS.Timeline.lanes(room, model);
    const entries = DS.Timeline.visible(room, model, view);
    const byTime = view.scale === 'time';
    const xOf = new Map(entries.map((en, i) => [en.seq, byTime ? en.ms - model.t0 : i]));
    const laneOf = (name, en) => {
      if (name !== 'worker') return Math.max(0, lanes.indexOf(name));
      const e = en.event || {};
      const id = e.workerId || (e.targets || {}).worker || '';
      const at = lanes.indexOf('worker:' + id);
      return at >= 0 ? at : lanes.findIndex(l => l.startsWith('worker:'));
    };
    const frames = [];
    const points = [];
    const faults = [];
    entries.forEach((en, i) => {
      const x = xOf.get(en.seq);
      const tip = DS.Timeline.tip(en, model);
      if (en.type === 'FaultApplied') {
        DS.Timeline.fault(en, x, i, entries, xOf, laneOf, room, tip, frames, faults);
        return;
      }
      const spec = DS.Timeline.spec(en);
      const e = en.event || {};
      const shape = typeof spec.shape === 'function' ? spec.shape(e) : spec.shape;
      const color = DS.TONES[spec.tone(e)] || DS.TONES.generic;
      const label = spec.label(e);
      if (shape === 'frame') {
        const from = laneOf(spec.from, en);
        const to = laneOf(spec.to, en);
        frames.push({coords: [[x, from], [x, to]], lineStyle: {color, width: 1.6}, tip});
        points.push(DS.Timeline.point(x, from, color, label, tip, 4));
      } else {
        points.push(DS.Timeline.point(x, laneOf(spec.lane, en), color, label, tip, 8));
      }
    });
    const span = byTime ? Math.max(1, ...entries.map(en => en.ms - model.t0)) : Math.max(1, entries.length - 1);
    faults.forEach(f => { if (f.cls === 'lie' && f.value[0] > span / 2) f.label.position = 'left'; });
    return {
      animation: false,
      grid: {left: 118, right: 36, top: 26, bottom: 56},
      tooltip: {trigger: 'item', confine: true, formatter: p => (p.data && p.data.tip) || ''},
      xAxis: {type: 'value', min: byTime ? -span * 0.02 : -0.5, max: byTime ? span * 1.04 : span + 0.5,
        name: 'simulated time' + (model.manual ? ' (ManualClock)' : '') + (byTime ? '' : ', one step per entry'),
        nameLocation: 'middle', nameGap: 32,
        splitLine: {show: false}, minInterval: byTime ? 0 : 1, axisLine: {onZero: false},
        axisLabel: {fontSize: 10, formatter: v => DS.Timeline.axisLabel(v, byTime, entries, model)}},
      // lanes sit on the axis' ticks (0..n-1): each lane is a line, and events sit on their lane's line
      yAxis: {type: 'value', inverse: true, min: 0, max: lanes.length - 1, interval: 1,
        axisLabel: {fontSize: 11, lineHeight: 13, formatter: v => Number.isInteger(v) && lanes[v] ? DS.Timeline.laneLabel(lanes[v]) : ''},
        splitLine: {show: true, lineStyle: {color: '#eceff4'}}, axisTick: {show: false}, axisLine: {onZero: false}},
      dataZoom: [{type: 'inside', xAxisIndex: 0, filterMode: 'none'}],
      series: [
        {type: 'lines', name: 'frames', coordinateSystem: 'cartesian2d', symbol: ['none', 'arrow'], symbolSize: 7,
          z: 2, data: frames.filter(f => !f.lost && !f.stretched)},
        {type: 'lines', name: 'faults-lines', coordinateSystem: 'cartesian2d', symbol: ['none', 'none'], z: 3,
          data: frames.filter(f => f.lost)},
        {type: 'lines', name: 'delays', coordinateSystem: 'cartesian2d', symbol: ['none', 'arrow'], symbolSize: 9, z: 3,
          data: frames.filter(f => f.stretched)},
        {type: 'scatter', name: 'events', z: 4, data: points, labelLayout: {hideOverlap: true}},
        {type: 'scatter', name: 'faults', z: 5, data: faults, labelLayout: {hideOverlap: false}}
      ]
    };
  },

  fault(en, x, i, entries, xOf, laneOf, room, tip, frames, faults) {
    const mark = room.marks.find(m => m.seq === en.seq);
    if (!mark) return;
    const from = laneOf(mark.from, en);
    const to = laneOf(mark.to, en);
    const red = DS.TONES.bad;
    if (mark.draw === 'lost') {
      const mid = from === to ? from : (from + to) / 2;
      frames.push({coords: [[x, from], [x, mid]], lost: true, lineStyle: {color: red, width: 2, type: 'dashed'}, tip});
      faults.push(DS.Timeline.symbol(x, mid, mark.symbol, red, mark.text, tip, 'mark-' + mark.type));
    } else if (mark.draw === 'stretched') {
      const due = en.ms + DS.durationMs(mark.effect.by) - 0.0005;
      const later = entries.slice(i + 1).find(other => other.ms >= due);
      const end = later ? xOf.get(later.seq) : x + 0.9;
      frames.push({coords: [[x, from], [end, to]], stretched: true,
        lineStyle: {color: DS.TONES.warn, width: 2, type: 'dashed', curveness: 0.15}, tip});
      faults.push(DS.Timeline.symbol(x, from, mark.symbol, DS.TONES.warn, mark.text + (later ? '' : ' (still due)'), tip,
        'mark-' + mark.type));
    } else if (mark.draw === 'lie') {
      const lie = room.lies.find(l => l.seq === en.seq);
      const app = laneOf('app', en);
      faults.push({value: [x, app], symbol: 'roundRect', symbolSize: [14, 14], tip, cls: 'lie',
        itemStyle: {color: lie && lie.lie ? DS.TONES.lie : DS.TONES.ok},
        label: {show: true, position: 'right', distance: 6, fontSize: 11, lineHeight: 15, backgroundColor: 'rgba(255,255,255,.85)',
          formatter: '{lie|said ' + mark.effect.status + '}\n{truth|truth: ' + (lie ? lie.truth : '?') + '}',
          rich: {lie: {color: DS.TONES.lie, fontWeight: 'bold'}, truth: {color: DS.TONES.truth}}}});
    } else {
      faults.push(DS.Timeline.symbol(x, to, mark.symbol, red, mark.text, tip, 'mark-' + mark.type));
    }
  },

  point(x, lane, color, label, tip, size) {
    return {value: [x, lane], symbolSize: size, itemStyle: {color}, tip,
      label: {show: true, position: 'top', fontSize: 10, color: '#37474f', formatter: label, width: 150, overflow: 'truncate'}};
  },

  symbol(x, lane, symbol, color, text, tip, cls) {
    return {value: [x, lane], symbol: 'circle', symbolSize: 16, itemStyle: {color: '#fff', borderColor: color, borderWidth: 2},
      tip, cls, label: {show: true, position: 'inside', color, fontWeight: 'bold', fontSize: 11, formatter: symbol},
      emphasis: {label: {show: true}}, name: text};
  },

  axisLabel(v, byTime, entries, model) {
    if (byTime) return DS.offset(v);
    const en = Number.isInteger(v) ? entries[v] : null;
    return en ? DS.offset(en.ms - model.t0) + ' #' + en.seq : '';
  },

  /** The tooltip: sequence, simulated time, type and the event's fields, HTML-escaped. */
  tip(en, model) {
    const esc = s => String(s).replace(/[&<>"]/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));
    const fields = Object.entries(en.event || {}).map(([k, v]) => esc(k) + ': ' + esc(typeof v === 'object' ? JSON.stringify(v) : v));
    return '<b>#' + en.seq + ' ' + esc(en.type) + '</b> ' + esc(DS.offset(en.ms - model.t0)) + '<br>' + fields.join('<br>');
  }
};
