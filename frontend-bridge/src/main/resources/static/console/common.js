/* Helpers every view uses. User-typed text only ever reaches the page through textContent (see el()). */
(function () {
  'use strict';
  const i18n = window.BeaconI18n;
  const meta = (name) => { const node = document.querySelector('meta[name="' + name + '"]'); return node ? node.content : null; };

  /** Builds an element; children are nodes or strings (strings become text nodes, never HTML). */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value === undefined || value === null || value === false) return;
      if (name === 'class') node.className = value;
      else if (name === 'text') node.textContent = value;
      else if (name.startsWith('on')) node.addEventListener(name.substring(2), value);
      else if (name === 'dataset') Object.assign(node.dataset, value);
      else node.setAttribute(name, value === true ? '' : value);
    });
    children.flat().forEach((child) => {
      if (child === undefined || child === null || child === false) return;
      node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
    });
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

  /** Replaces a node's children; like el(), skips null children and turns strings into text nodes. */
  function fill(node, ...children) {
    clear(node);
    children.flat().forEach((child) => {
      if (child === undefined || child === null || child === false) return;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  class ApiError extends Error {
    constructor(status, problem) {
      super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
      this.status = status;
      this.problem = problem;
    }
  }

  /** fetch with the session cookie; changes carry the CSRF token from the page's meta tag. */
  async function api(method, path, body, signal) {
    const headers = { 'Accept': 'application/json' };
    if (method !== 'GET') headers[meta('_csrf_header') || 'X-CSRF-TOKEN'] = meta('_csrf');
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, {
      method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body), signal: signal
    });
    if (response.status === 401) { window.location.assign('/login'); throw new ApiError(401, null); }
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (!response.ok) throw new ApiError(response.status, data);
    return data;
  }

  function problemText(error) {
    const problem = error && error.problem;
    if (problem && Array.isArray(problem.errors) && problem.errors.length) {
      return problem.errors.map((e) => (e.field ? e.field + ': ' : '') + (e.message || e.reason || '')).join('; ');
    }
    return (error && error.message) || String(error);
  }

  /** Server time estimated from the live feed's message timestamps, so countdowns do not trust the PC's clock. */
  let clockOffset = 0;
  function observeServerTime(iso) {
    const at = Date.parse(iso);
    if (!isNaN(at)) clockOffset = at - Date.now();
  }
  const now = () => Date.now() + clockOffset;

  function formatDuration(ms) {
    const total = Math.floor(Math.abs(ms) / 1000);
    const h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
    const pad = (n) => String(n).padStart(2, '0');
    return (h > 0 ? h + ':' + pad(m) : String(m)) + ':' + pad(s);
  }

  function formatTime(iso) {
    if (!iso) return i18n.t('common.none');
    const date = new Date(iso);
    return date.toLocaleString(i18n.language(), { hour12: false, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }

  /** An element that counts down to a deadline; refreshed every second by the ticker below. */
  function countdown(deadlineIso) {
    const node = el('span', { class: 'countdown', dataset: { deadline: deadlineIso } });
    refreshCountdown(node);
    return node;
  }

  function refreshCountdown(node) {
    const left = Date.parse(node.dataset.deadline) - now();
    node.textContent = left >= 0 ? i18n.t('task.left', { t: formatDuration(left) }) : i18n.t('task.overdue', { t: formatDuration(left) });
    node.classList.toggle('overdue', left < 0);
    node.classList.toggle('soon', left >= 0 && left < 60000);
  }

  const tickers = [];
  setInterval(() => {
    document.querySelectorAll('.countdown[data-deadline]').forEach(refreshCountdown);
    tickers.forEach((tick) => tick());
  }, 1000);

  /** A short two-tone beep made with WebAudio; no sound file needed. */
  let audio = null;
  function unlockAudio() {
    if (!audio && (window.AudioContext || window.webkitAudioContext)) audio = new (window.AudioContext || window.webkitAudioContext)();
    if (audio && audio.state === 'suspended') audio.resume();
  }
  function beep() {
    if (!audio) return;
    [0, 0.25].forEach((offset, i) => {
      const osc = audio.createOscillator(), gain = audio.createGain();
      osc.type = 'square';
      osc.frequency.value = i === 0 ? 880 : 660;
      gain.gain.setValueAtTime(0.08, audio.currentTime + offset);
      gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + offset + 0.22);
      osc.connect(gain).connect(audio.destination);
      osc.start(audio.currentTime + offset);
      osc.stop(audio.currentTime + offset + 0.23);
    });
  }

  const SEVERITY_RANK = { EXTREME: 4, SEVERE: 3, MODERATE: 2, MINOR: 1, UNKNOWN: 0 };
  const PRIORITY_RANK = { CRITICAL: 0, HIGH: 1, NORMAL: 2, LOW: 3 };
  const ENUMS = {
    type: ['GAS_LEAK', 'FIRE', 'FLOOD', 'TRAFFIC_ACCIDENT', 'HAZMAT', 'POWER_OUTAGE', 'WATER_MAIN_BREAK',
      'BUILDING_COLLAPSE', 'PUBLIC_SECURITY', 'MEDICAL', 'OTHER'],
    severity: ['EXTREME', 'SEVERE', 'MODERATE', 'MINOR', 'UNKNOWN'],
    urgency: ['IMMEDIATE', 'EXPECTED', 'FUTURE', 'PAST', 'UNKNOWN'],
    certainty: ['OBSERVED', 'LIKELY', 'POSSIBLE', 'UNLIKELY', 'UNKNOWN']
  };

  /** A select of enum values with translated labels; relabelled when the language changes. */
  function enumSelect(kind, attributes, withEmpty) {
    const select = el('select', attributes);
    const fill = () => {
      const current = select.value;
      clear(select);
      if (withEmpty) select.appendChild(el('option', { value: '', text: withEmpty === true ? '' : i18n.t(withEmpty) }));
      ENUMS[kind].forEach((value) => select.appendChild(el('option', { value: value, text: i18n.label(kind, value) })));
      if (current) select.value = current;
    };
    fill();
    i18n.onChange(fill);
    return select;
  }

  /**
   * Wraps an async loader so a burst of calls (a dragged slider fires dozens per second) makes one request after
   * the burst settles, aborts the one still in flight, and only the newest answer reaches onResult.
   */
  function settled(load, onResult, onError, delayMs) {
    let timer = null;
    let controller = null;
    let generation = 0;
    return (...args) => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        if (controller) controller.abort();
        controller = new AbortController();
        const mine = ++generation;
        try {
          const result = await load(controller.signal, ...args);
          if (mine === generation) onResult(result, ...args);
        } catch (e) {
          if (mine === generation && e.name !== 'AbortError') onError(e, ...args);
        }
      }, delayMs === undefined ? 250 : delayMs);
    };
  }

  /**
   * An instant as the value of a datetime-local input with step 0.001 (the reader's local time, to the millisecond:
   * events of one command are milliseconds apart, and an instant between them must be expressible).
   */
  function localInputValue(ms) {
    const d = new Date(ms);
    const pad = (n, w) => String(n).padStart(w || 2, '0');
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T' + pad(d.getHours()) + ':'
      + pad(d.getMinutes()) + ':' + pad(d.getSeconds()) + '.' + pad(d.getMilliseconds(), 3);
  }

  function severityBadge(severity) {
    return el('span', { class: 'badge sev sev-' + (severity || 'UNKNOWN'), text: i18n.label('severity', severity) });
  }

  /** An external alert that named its area only by code: the point stands for the area, not the place. */
  function fromAreaCode(location) {
    return !!location && (location.basis === 'AREA_CODE' || location.basis === 'AREA_CODE_UNRESOLVED');
  }

  window.Beacon = {
    fromAreaCode: fromAreaCode, el: el, clear: clear, fill: fill, api: api, ApiError: ApiError, problemText: problemText, countdown: countdown,
    formatDuration: formatDuration, formatTime: formatTime, now: now, observeServerTime: observeServerTime,
    onTick: (tick) => tickers.push(tick), unlockAudio: unlockAudio, beep: beep, SEVERITY_RANK: SEVERITY_RANK,
    PRIORITY_RANK: PRIORITY_RANK, ENUMS: ENUMS, enumSelect: enumSelect, severityBadge: severityBadge,
    settled: settled, localInputValue: localInputValue,
    t: i18n.t, label: i18n.label
  };
})();
