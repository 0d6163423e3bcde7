/*
 * The auditor's view, read-only, in three tabs: incidents (search every incident, active or ended, and open one with
 * its audit trail: time slider, history, diff, causality), the board at any instant, and tamper evidence. No action
 * buttons anywhere.
 */
import { el, clear } from './dom.js';
import { api, problemText } from './api.js';
import { t, label, onChange } from './i18n.js';
import { formatTime, severityBadge, enumSelect } from './common.js';
import { isoDay } from './format.js';
import { searchQuery } from './filters.js';
import { createMap } from './map.js';
import { createPanel } from './panel.js';
import { createAuditTrail } from './audittrail.js';
import { createAuditBoard } from './auditboard.js';
import { createAuditVerify } from './auditverify.js';

export function createAuditor(root) {
  const number = el('input', { id: 'search-number', type: 'text', maxlength: '20', placeholder: '20261128-0042' });
  const type = enumSelect('type', { id: 'search-type' }, 'audit.any');
  const today = new Date();
  const weekAgo = new Date(today.getTime() - 6 * 86400000);
  const from = el('input', { id: 'search-from', type: 'date', value: isoDay(weekAgo) });
  const to = el('input', { id: 'search-to', type: 'date', value: isoDay(today) });
  const message = el('p', { id: 'search-message', class: 'message', role: 'status' });
  const results = el('ol', { id: 'search-results', class: 'incident-list' });
  const field = (key, control) => el('label', {}, el('span', { 'data-i18n': key, text: t(key) }), control);
  const form = el('form', { id: 'search-form', class: 'report' },
    el('h2', { 'data-i18n': 'audit.search', text: t('audit.search') }),
    field('audit.number', number),
    el('div', { class: 'grid2' }, field('audit.type', type), el('span'), field('audit.from', from), field('audit.to', to)),
    el('div', { class: 'submit-line' }, el('button', { id: 'search-submit', type: 'submit', 'data-i18n': 'audit.find', text: t('audit.find') })),
    message);
  const panelBox = el('aside', { id: 'panel', class: 'panel' });
  const mapBox = el('div', { id: 'map', class: 'map' });
  const incidentsTab = el('section', { id: 'audit-incidents' }, form, results);
  const boardTab = el('section', { id: 'audit-board', hidden: true });
  const verifyTab = el('section', { id: 'audit-verify', hidden: true });
  const tabs = { incidents: incidentsTab, board: boardTab, verify: verifyTab };
  const tabButtons = Object.keys(tabs).map((name) => el('button', { id: 'tab-' + name, type: 'button', role: 'tab',
    'data-i18n': 'audit.tab.' + name, text: t('audit.tab.' + name), onclick: () => switchTo(name) }));
  root.append(el('section', { class: 'sidebar' }, el('div', { class: 'tabs', role: 'tablist' }, tabButtons),
    incidentsTab, boardTab, verifyTab), mapBox, panelBox);
  const map = createMap(mapBox);
  let shown = [];
  let selected = null;
  let trail = null;
  let current = 'incidents';
  const panel = createPanel(panelBox, map, { readOnly: true,
    onShow: (view) => { if (current === 'incidents') { map.showIncident(view, open, true); map.focus(view.location); } },
    extra: (id) => {
      const top = el('section', { id: 'audit-travel', class: 'audit-travel' });
      const bottom = el('section', { id: 'audit-trail', class: 'audit-trail' });
      trail = createAuditTrail(id, panel, top, bottom);
      return { top: top, bottom: bottom };
    } });
  const board = createAuditBoard(boardTab, map, mapBox, (id, atMs) => {
    open(id);
    if (atMs !== null) trail.moveTo(atMs);
  });
  const verify = createAuditVerify(verifyTab);

  function switchTo(name) {
    if (name === current) return;
    current = name;
    Object.entries(tabs).forEach(([key, node]) => { node.hidden = key !== name; });
    tabButtons.forEach((button) => button.setAttribute('aria-selected', String(button.id === 'tab-' + name)));
    panel.close();   // an incident opened under one tab is not mistaken for part of another's (maybe past) view
    if (name === 'board') board.show(); else board.hide();
    if (name === 'verify') verify.show();
    if (name === 'incidents') {
      map.keepOnly(new Set());
      shown.forEach((row) => map.showIncident(row, open, row.id === selected));
    }
  }
  tabButtons[0].setAttribute('aria-selected', 'true');

  function open(id) {
    selected = id;
    if (current === 'incidents') shown.forEach((row) => map.showIncident(row, open, row.id === id));
    panel.open(id);
    renderResults();
  }

  function renderResults() {
    clear(results);
    shown.forEach((row) => results.appendChild(el('li', {
      class: 'incident-item' + (row.id === selected ? ' selected' : ''), dataset: { incident: row.id, status: row.status },
      tabindex: '0', onclick: () => open(row.id), onkeydown: (e) => { if (e.key === 'Enter') open(row.id); } },
    el('div', { class: 'item-line' }, el('strong', { class: 'number', text: row.number }), severityBadge(row.severity),
      el('span', { class: 'badge status status-' + row.status, text: label('status', row.status) }),
      row.drill ? el('span', { class: 'badge drill', text: t('common.drill') }) : null),
    el('div', { class: 'item-line' }, el('span', { class: 'type', text: label('type', row.type) }),
      el('span', { class: 'summary user-text', text: row.summary })),
    el('div', { class: 'item-line meta' }, el('time', { text: formatTime(row.reportedAt) })))));
  }

  async function search() {
    message.classList.remove('error');
    const params = searchQuery({ number: number.value, type: type.value, from: from.value, to: to.value });
    try {
      shown = await api('GET', '/api/incidents/search?' + params.toString());
      message.textContent = shown.length ? t('audit.results', { n: shown.length }) : t('audit.none');
      map.keepOnly(new Set());
      shown.forEach((row) => map.showIncident(row, open, row.id === selected));
      renderResults();
    } catch (e) {
      message.textContent = t('action.failed', { detail: problemText(e) });
      message.classList.add('error');
    }
  }
  form.addEventListener('submit', (e) => { e.preventDefault(); search(); });
  onChange(renderResults);
  search();
}

