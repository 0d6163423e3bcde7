/*
 * The board for auditors, live or as it stood at any instant (GET /api/audit/board?at=): a time slider over a
 * chosen window and a date-time picker. A past board is marked as past everywhere it shows (banner over the list
 * and over the map, tinted map); "Back to live" follows /topic/board again.
 */
import { el, fill } from './dom.js';
import { api, problemText } from './api.js';
import { t, label, onChange } from './i18n.js';
import { formatTime, severityBadge, settled, now } from './common.js';
import { localInputValue } from './format.js';
import { follow } from './live.js';
const WINDOWS = { '1h': 3600000, '24h': 86400000, '7d': 7 * 86400000 };

const iso = (ms) => new Date(ms).toISOString();

/** map: the shared BeaconMap; mapBox: its element (for the past banner); onOpen(id, atMs|null) opens an incident. */
export function createAuditBoard(section, map, mapBox, onOpen) {
  let rows = [];
  let pastAt = null;       // ms of the board shown, null when live
  let stopLive = null;
  let active = false;
  let windowEnd = now();

  const windowSelect = el('select', { id: 'board-window' }, Object.keys(WINDOWS).map((key) =>
    el('option', { value: key, 'data-i18n': 'audit.window.' + key, text: t('audit.window.' + key) })));
  windowSelect.value = '24h';
  const slider = el('input', { id: 'board-slider', type: 'range', step: '1000', 'aria-label': t('audit.boardSlider') });
  const picker = el('input', { id: 'board-at', type: 'datetime-local', step: '0.001' });
  const live = el('button', { id: 'board-live', type: 'button', 'data-i18n': 'audit.backToLive', text: t('audit.backToLive'),
    onclick: () => goLive() });
  const banner = el('div', { id: 'board-past', class: 'past-banner', role: 'status', hidden: true });
  const message = el('p', { id: 'board-message', class: 'message', role: 'status' });
  const list = el('ol', { id: 'board-list', class: 'incident-list' });
  const mapBanner = el('div', { id: 'map-past', class: 'past-banner map-banner', hidden: true });
  mapBox.appendChild(mapBanner);

  section.append(
    el('h2', { 'data-i18n': 'audit.board', text: t('audit.board') }),
    el('label', { class: 'inline' }, el('span', { 'data-i18n': 'audit.window', text: t('audit.window') }), windowSelect),
    el('div', { class: 'slider-line' }, slider),
    el('div', { class: 'action-row' }, picker, live),
    banner, message, list);

  function resetWindow(end) {
    windowEnd = Math.min(end, now());
    slider.min = String(windowEnd - WINDOWS[windowSelect.value]);
    slider.max = String(windowEnd);
  }
  windowSelect.addEventListener('change', () => {
    resetWindow(pastAt === null ? now() : Math.min(now(), pastAt + WINDOWS[windowSelect.value] / 2));
    slider.value = String(pastAt === null ? windowEnd : pastAt);
  });

  const travel = settled(
    (signal, ms) => api('GET', '/api/audit/board?at=' + encodeURIComponent(iso(ms)), undefined, signal),
    (answer, ms) => {
      if (pastAt !== ms) return;   // went back to live meanwhile
      rows = answer.rows;
      message.classList.remove('error');
      message.textContent = t('audit.boardAt', { n: rows.length, position: answer.position });
      render();
    },
    (e) => { message.textContent = t('action.failed', { detail: problemText(e) }); message.classList.add('error'); });

  function goPast(ms) {
    ms = Math.min(ms, now() - 1000);   // the server refuses instants in the future
    if (stopLive) { stopLive(); stopLive = null; }
    pastAt = ms;
    const text = t('audit.asOf', { at: formatTime(iso(ms)) });
    banner.textContent = text;
    mapBanner.textContent = text;
    banner.hidden = false;
    mapBanner.hidden = false;
    mapBox.classList.add('past');
    live.disabled = false;
    message.textContent = t('audit.loading', { at: formatTime(iso(ms)) });
    travel(ms);
  }

  function goLive() {
    pastAt = null;
    banner.hidden = true;
    mapBanner.hidden = true;
    mapBox.classList.remove('past');
    live.disabled = true;
    picker.value = '';
    resetWindow(now());
    slider.value = slider.max;
    message.classList.remove('error');
    message.textContent = t('audit.isLive');
    const byId = new Map();
    stopLive = follow('/topic/board', {
      snapshot: (payload) => { byId.clear(); payload.forEach((row) => byId.set(row.id, row)); rows = Array.from(byId.values()); render(); },
      delta: (change) => {
        if (change.removed) byId.delete(change.removed);
        else if (change.row) byId.set(change.row.id, change.row);
        rows = Array.from(byId.values());
        render();
      }
    });
  }

  slider.addEventListener('input', () => {
    const ms = Number(slider.value);
    picker.value = localInputValue(ms);
    goPast(ms);
  });
  picker.addEventListener('change', () => {
    const ms = Date.parse(new Date(picker.value).toISOString());
    if (isNaN(ms)) return;
    if (ms < Number(slider.min) || ms > Number(slider.max)) resetWindow(ms + WINDOWS[windowSelect.value] / 2);
    slider.value = String(ms);
    goPast(ms);
  });

  function open(id) { onOpen(id, pastAt); }

  function render() {
    if (!active) return;
    const sorted = rows.slice().sort((a, b) => Date.parse(b.reportedAt) - Date.parse(a.reportedAt));
    fill(list, sorted.length ? sorted.map((row) => el('li', {
      class: 'incident-item', dataset: { incident: row.id, severity: row.severity, status: row.status }, tabindex: '0',
      onclick: () => open(row.id), onkeydown: (e) => { if (e.key === 'Enter') open(row.id); } },
    el('div', { class: 'item-line' }, el('strong', { class: 'number', text: row.number }), severityBadge(row.severity),
      el('span', { class: 'badge status status-' + row.status, text: label('status', row.status) }),
      row.drill ? el('span', { class: 'badge drill', text: t('common.drill') }) : null),
    el('div', { class: 'item-line' }, el('span', { class: 'type', text: label('type', row.type) }),
      el('span', { class: 'summary user-text', text: row.summary })),
    el('div', { class: 'item-line meta' }, el('time', { text: formatTime(row.reportedAt) }),
      row.tasks && row.tasks.length ? el('span', { text: t('board.tasks', { n: row.tasks.length }) }) : null,
      row.escalatedTasks ? el('span', { class: 'badge escalated', text: t('board.escalated', { n: row.escalatedTasks }) }) : null)))
      : el('li', { class: 'empty', text: t(pastAt === null ? 'board.empty' : 'audit.boardEmptyThen') }));
    rows.forEach((row) => map.showIncident(row, open, false));
    map.keepOnly(new Set(rows.map((row) => row.id)));
  }

  onChange(() => {
    render();
    if (pastAt !== null) { banner.textContent = t('audit.asOf', { at: formatTime(iso(pastAt)) }); mapBanner.textContent = banner.textContent; }
  });

  return {
    /** Shown: live unless a past instant was chosen before; hidden: stops following and hides the past marks. */
    show() {
      active = true;
      if (pastAt === null) goLive(); else { goPast(pastAt); render(); }
      mapBanner.hidden = pastAt === null;
      mapBox.classList.toggle('past', pastAt !== null);
    },
    hide() {
      active = false;
      if (stopLive) { stopLive(); stopLive = null; }
      mapBanner.hidden = true;
      mapBox.classList.remove('past');
    },
    at: () => pastAt
  };
}

