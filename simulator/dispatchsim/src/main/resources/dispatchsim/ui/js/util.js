/* dispatchsim timeline UI: small helpers shared by every part. One global namespace, DS, no build step. */
'use strict';
window.DS = window.DS || {};

/** An element with attributes (class, data-*, text, on*) and children. */
DS.el = function (tag, attrs, children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of [].concat(children || [])) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
};

/**
 * Milliseconds (with sub-millisecond fraction) of an ISO-8601 instant as the journal writes it, nanoseconds
 * included: Date.parse alone keeps only milliseconds, and simulated events a few microseconds apart must keep
 * their order and spacing.
 */
DS.timeMs = function (iso) {
  const m = /^(.*T\d\d:\d\d(?::\d\d)?)(\.\d+)?(Z|[+-]\d\d:\d\d)$/.exec(iso || '');
  if (!m) return NaN;
  return Date.parse(m[1] + m[3]) + (m[2] ? parseFloat('0' + m[2]) * 1000 : 0);
};

/** "+1.234s" from a millisecond offset: simulated time since the first entry shown. */
DS.offset = function (ms) {
  if (!isFinite(ms)) return '?';
  const s = ms / 1000;
  return (s < 0 ? '-' : '+') + Math.abs(s).toFixed(Math.abs(s) < 10 ? 3 : 1) + 's';
};

/**
 * Journal entries from the admin export's JSON Lines (GET /_sim/journal), a report's embedded copy, or a
 * dropped file. A line that is not an entry is reported, not fatal: the rest is still worth looking at.
 */
DS.parseJournal = function (text) {
  const entries = [];
  const problems = [];
  (text || '').split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const entry = JSON.parse(line);
      if (typeof entry.seq !== 'number' || typeof entry.type !== 'string' || typeof entry.event !== 'object') {
        problems.push('line ' + (i + 1) + ': not a journal entry (needs seq, type and event)');
      } else {
        entries.push(entry);
      }
    } catch (bad) {
      problems.push('line ' + (i + 1) + ': not JSON (' + bad.message + ')');
    }
  });
  entries.sort((a, b) => a.seq - b.seq);
  return {entries, problems};
};

/** Runs fn at most once per animation frame, however often it is asked for. */
DS.perFrame = function (fn) {
  let queued = false;
  return function () {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; fn(); });
  };
};

/** Runs fn at most once per {@code ms}, the last call always getting through (trailing). */
DS.throttle = function (fn, ms) {
  let timer = null;
  let last = 0;
  return function () {
    const wait = last + ms - performance.now();
    if (timer) return;
    timer = setTimeout(() => { timer = null; last = performance.now(); fn(); }, Math.max(0, wait));
  };
};

/** A short id for labels: AJ_pr9HVCyFFPw9 stays readable, very long ones are cut. */
DS.short = function (id) {
  return !id ? '' : id.length > 18 ? id.slice(0, 17) + '…' : id;
};
