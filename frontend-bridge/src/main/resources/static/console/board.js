/*
 * The operator board: active incidents on the map and in a sortable, filterable list, live from /topic/board; the
 * report form; alerts (colour and an optional beep) when a task misses its deadline or a new SEVERE/EXTREME incident
 * arrives. The state lives in one store (board-state.js says how messages change it); the list and the markers are
 * drawn from it.
 */
import { el, fill } from './dom.js';
import { api, problemText } from './api.js';
import { t, label, onChange } from './i18n.js';
import { now, onTick, severityBadge, enumSelect } from './common.js';
import { formatDuration } from './format.js';
import { fromAreaCode } from './domain.js';
import { createStore } from './store.js';
import { emptyBoard, applySnapshot, applyDelta, tick, overdueOf, sortRows, filterRows, SORTS } from './board-state.js';
import { follow } from './live.js';
import { createMap } from './map.js';
import { createPanel } from './panel.js';
import { showAlert } from './alerts.js';

export function createBoard(root) {
  const store = createStore({ board: emptyBoard(), selected: null, sortBy: 'severity',
    filter: { types: [], severities: [], drills: true } });

  const list = el('ol', { id: 'incident-list', class: 'incident-list' });
  const sort = el('select', { id: 'board-sort' }, SORTS.map((key) =>
    el('option', { value: key, 'data-i18n': 'board.sort.' + key, text: t('board.sort.' + key) })));
  sort.addEventListener('change', () => store.update((s) => Object.assign({}, s, { sortBy: sort.value })));
  const filterType = enumSelect('type', { id: 'board-filter-type' }, 'audit.any');
  const filterSeverity = enumSelect('severity', { id: 'board-filter-severity' }, 'audit.any');
  const filterDrills = el('input', { id: 'board-filter-drills', type: 'checkbox', checked: true });
  const refilter = () => store.update((s) => Object.assign({}, s, { filter: {
    types: filterType.value ? [filterType.value] : [], severities: filterSeverity.value ? [filterSeverity.value] : [],
    drills: filterDrills.checked } }));
  [filterType, filterSeverity, filterDrills].forEach((control) => control.addEventListener('change', refilter));

  const caption = (key) => el('span', { 'data-i18n': key, text: t(key) });
  const report = buildReportForm();
  const panelBox = el('aside', { id: 'panel', class: 'panel' });
  const mapBox = el('div', { id: 'map', class: 'map' });
  root.append(
    el('section', { class: 'sidebar' }, report.node,
      el('div', { class: 'list-head' }, el('h2', { 'data-i18n': 'board.active', text: t('board.active') }),
        el('label', { class: 'inline' }, caption('board.sort'), sort)),
      el('div', { class: 'list-filter' }, el('label', { class: 'inline' }, caption('report.type'), filterType),
        el('label', { class: 'inline' }, caption('report.severity'), filterSeverity),
        el('label', { class: 'inline' }, filterDrills, caption('board.showDrills'))),
      list),
    mapBox, panelBox);

  const map = createMap(mapBox);
  const panel = createPanel(panelBox, map, {
    readOnly: false,
    onClose: () => store.update((s) => Object.assign({}, s, { selected: null })),
    // The incidents an operator may merge the open one into: the board's, as they stand now.
    boardRows: () => Array.from(store.get().board.rows.values())
  });
  map.onPick((lat, lon) => report.picked(lat, lon));

  function select(id) {
    store.update((s) => Object.assign({}, s, { selected: id }));
    panel.open(id);
    const row = store.get().board.rows.get(id);
    if (row) map.focus(row.location);
  }

  function raise(alerts) {
    alerts.forEach((a) => showAlert(a.key, a.params, () => select(a.incidentId)));
  }

  function item(row, selected, at) {
    const overdue = overdueOf(row, at);
    const taskCount = row.tasks.length;
    return el('li', {
      class: 'incident-item' + (row.id === selected ? ' selected' : '')
        + (overdue || row.escalatedTasks ? ' attention' : ''),
      dataset: { incident: row.id, severity: row.severity, status: row.status }, tabindex: '0',
      onclick: () => select(row.id), onkeydown: (e) => { if (e.key === 'Enter') select(row.id); }
    },
    el('div', { class: 'item-line' }, el('strong', { class: 'number', text: row.number }), severityBadge(row.severity),
      el('span', { class: 'badge status status-' + row.status, text: label('status', row.status) }),
      row.drill ? el('span', { class: 'badge drill', text: t('common.drill') }) : null,
      fromAreaCode(row.location) ? el('span', { class: 'badge area-code', dataset: { basis: row.location.basis },
        text: t('location.' + row.location.basis) }) : null),
    el('div', { class: 'item-line' }, el('span', { class: 'type', text: label('type', row.type) }),
      el('span', { class: 'summary user-text', text: row.summary })),
    el('div', { class: 'item-line meta' },
      el('span', { class: 'age', dataset: { since: row.reportedAt } }),
      taskCount ? el('span', { text: t('board.tasks', { n: taskCount }) }) : null,
      overdue ? el('span', { class: 'badge overdue', text: t('board.overdue', { n: overdue }) }) : null,
      row.escalatedTasks
        ? el('span', { class: 'badge escalated', text: t('board.escalated', { n: row.escalatedTasks }) }) : null));
  }

  /** The list and the markers, drawn from the state. */
  function render(s) {
    const at = now();
    const shown = sortRows(filterRows(s.board.rows.values(), s.filter), s.sortBy, at);
    fill(list, shown.length ? shown.map((row) => item(row, s.selected, at))
      : el('li', { class: 'empty', 'data-i18n': 'board.empty', text: t('board.empty') }));
    refreshAges();
    shown.forEach((row) => map.showIncident(row, select, row.id === s.selected));
    map.keepOnly(new Set(shown.map((row) => row.id)));
  }

  function refreshAges() {
    list.querySelectorAll('.age[data-since]').forEach((node) => {
      node.textContent = formatDuration(now() - Date.parse(node.dataset.since));
    });
  }

  /** Runs a board reducer on the store and raises the alerts it found. */
  function reduce(step) {
    let alerts = [];
    store.update((s) => {
      const result = step(s.board);
      alerts = result.alerts;
      return result.state === s.board ? s : Object.assign({}, s, { board: result.state });
    });
    raise(alerts);
  }

  store.subscribe(render);
  store.subscribe(() => panel.boardChanged());
  follow('/topic/board', {
    snapshot: (payload) => reduce((board) => applySnapshot(board, payload, now())),
    delta: (change) => reduce((board) => applyDelta(board, change, now()))
  });
  onTick(() => {
    const before = store.get();
    reduce((board) => tick(board, now()));
    if (store.get() === before) refreshAges();
  });
  onChange(() => render(store.get()));
  render(store.get());

  function buildReportForm() {
    let pickedAt = null;
    const type = enumSelect('type', { id: 'report-type', required: true });
    const severity = enumSelect('severity', { id: 'report-severity', required: true });
    severity.value = 'MODERATE';
    const urgency = enumSelect('urgency', { id: 'report-urgency' }, true);
    const certainty = enumSelect('certainty', { id: 'report-certainty' }, true);
    const summary = el('textarea', { id: 'report-summary', rows: '2', maxlength: '500', required: true });
    const address = el('input', { id: 'report-address', type: 'text', maxlength: '300' });
    const drill = el('input', { id: 'report-drill', type: 'checkbox' });
    const location = el('span', { id: 'report-location', class: 'missing', text: t('report.pickOnMap') });
    onChange(() => { if (!pickedAt) location.textContent = t('report.pickOnMap'); });
    const message = el('p', { id: 'report-message', class: 'message', role: 'status' });
    const field = (key, control, optional) => el('label', {}, el('span', {}, caption(key),
      optional ? el('small', { 'data-i18n': 'report.optional', text: ' ' + t('report.optional') }) : null), control);
    const form = el('form', { id: 'report-form', class: 'report', novalidate: true },
      el('h2', { 'data-i18n': 'report.title', text: t('report.title') }),
      el('div', { class: 'grid2' }, field('report.type', type), field('report.severity', severity),
        field('report.urgency', urgency, true), field('report.certainty', certainty, true)),
      field('report.summary', summary),
      field('report.address', address, true),
      el('div', { class: 'location-line' }, caption('report.location'), location),
      el('div', { class: 'submit-line' },
        el('label', { class: 'inline' }, drill, caption('report.drill')),
        el('button', { id: 'report-submit', type: 'submit', 'data-i18n': 'report.submit', text: t('report.submit') })),
      message);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      message.classList.remove('error');
      if (!pickedAt) { message.textContent = t('report.needLocation'); message.classList.add('error'); return; }
      try {
        const created = await api('POST', '/api/incidents', {
          type: type.value, severity: severity.value,
          urgency: urgency.value || null, certainty: certainty.value || null,
          location: { lat: pickedAt.lat, lon: pickedAt.lon, address: address.value || null },
          summary: summary.value, drill: drill.checked
        });
        message.textContent = t('report.done', { number: created.number });
        summary.value = ''; address.value = ''; drill.checked = false;
        pickedAt = null; map.clearPick();
        location.textContent = t('report.pickOnMap'); location.classList.add('missing');
        select(created.id);
      } catch (err) {
        message.textContent = t('action.failed', { detail: problemText(err) });
        message.classList.add('error');
      }
    });
    return {
      node: form,
      picked(lat, lon) {
        pickedAt = { lat: lat, lon: lon };
        location.textContent = lat.toFixed(5) + ', ' + lon.toFixed(5);
        location.classList.remove('missing');
      }
    };
  }

  return { select: select, map: map };
}
