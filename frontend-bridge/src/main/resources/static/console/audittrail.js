/*
 * An incident's audit trail under the auditor's panel: a time slider that shows the incident as it stood at any
 * instant (GET /api/audit/incidents/{id}?at=), the history table of every event with who/when/why, a diff between
 * two instants, and the causality chain of the selected event. Everything comes from the audit endpoints
 * (docs/audit.md); what the server sends is only ever set as text.
 */
import { el, clear, fill } from './dom.js';
import { api, problemText } from './api.js';
import { t, label, onChange } from './i18n.js';
import { formatTime, settled, now } from './common.js';
import { localInputValue } from './format.js';
import { lineText } from './timeline.js';
import { historyQuery } from './filters.js';
const MAX_PAGES = 10;   // 10 × 1,000 events: far beyond any real incident; the table says when it stopped

const iso = (ms) => new Date(ms).toISOString();
const actorText = (actor) => (actor ? actor.userId + ' (' + label('role', actor.role)
  + (actor.department ? ', ' + label('dept', actor.department) : '') + ')' : t('audit.noActor'));
const eventLine = (e) => formatTime(e.time) + ' · ' + label('ev', e.type) + ' · ' + actorText(e.actor);

/** Fills top (the time slider, shown above the incident) and section (history, diff, causality, below it). */
export function createAuditTrail(incidentId, panel, top, section) {
  const base = '/api/audit/incidents/' + encodeURIComponent(incidentId);
  let all = [];            // every event of the incident, position order (the slider's stops)
  let atPosition = null;   // P(T) of the instant shown, null when live
  let selectedEvent = null;

  const heading = (key) => el('h3', { 'data-i18n': key, text: t(key) });
  const button = (id, key, onclick) => el('button', { id: id, type: 'button', 'data-i18n': key, text: t(key), onclick: onclick });
  const field = (key, control) => el('label', {}, el('span', { 'data-i18n': key, text: t(key) }), control);

  // Time travel
  const ticks = el('datalist', { id: 'audit-ticks' });
  const slider = el('input', { id: 'audit-slider', type: 'range', min: '0', max: '0', step: '1', list: 'audit-ticks',
    'aria-label': t('audit.slider'), disabled: true });
  const picker = el('input', { id: 'audit-at', type: 'datetime-local', step: '0.001' });
  const where = el('p', { id: 'audit-where', class: 'message', role: 'status' });
  const live = button('audit-live', 'audit.backToLive', () => goLive());
  const previous = el('button', { id: 'audit-previous', type: 'button', text: '◀', 'aria-label': t('audit.previous'),
    title: t('audit.previous'), onclick: () => step(-1) });
  const next = el('button', { id: 'audit-next', type: 'button', text: '▶', 'aria-label': t('audit.next'),
    title: t('audit.next'), onclick: () => step(1) });
  live.disabled = true;

  // History
  const typeFilter = el('select', { id: 'history-type' });
  const from = el('input', { id: 'history-from', type: 'datetime-local', step: '0.001' });
  const to = el('input', { id: 'history-to', type: 'datetime-local', step: '0.001' });
  const historyMessage = el('p', { id: 'history-message', class: 'message', role: 'status' });
  const rows = el('tbody');
  const table = el('table', { id: 'history', class: 'history' },
    el('thead', {}, el('tr', {}, ['audit.col.position', 'audit.col.time', 'audit.col.type', 'audit.col.actor']
      .map((key) => el('th', { 'data-i18n': key, text: t(key) })))), rows);

  // Diff
  const diffFrom = el('input', { id: 'diff-from', type: 'datetime-local', step: '0.001' });
  const diffTo = el('input', { id: 'diff-to', type: 'datetime-local', step: '0.001' });
  const diffResult = el('ul', { id: 'diff-result', class: 'diff' });

  // Export: files and the printable report straight from the audit endpoints (plain links: no script involved)
  const link = (id, key, href, download) => el('a', { id: id, class: 'button-link', href: href, 'data-i18n': key, text: t(key),
    download: download ? '' : undefined, target: download ? undefined : '_blank', rel: 'noopener' });
  const exports = el('div', { class: 'action-row exports' },
    link('export-jsonl', 'audit.export.jsonl', base + '/export?format=jsonl', true),
    link('export-csv', 'audit.export.csv', base + '/export?format=csv', true),
    link('export-report', 'audit.export.report', base + '/report?format=html', false),
    link('export-report-json', 'audit.export.reportJson', base + '/report?format=json', true));

  // Causality
  const chainBox = el('div', { id: 'chain', class: 'chain' },
    el('p', { class: 'empty', 'data-i18n': 'audit.chain.pick', text: t('audit.chain.pick') }));

  top.append(
    el('div', { class: 'slider-line' }, el('span', { class: 'slider-title', 'data-i18n': 'audit.timeTravel', text: t('audit.timeTravel') }),
      slider, ticks),
    el('div', { class: 'action-row' }, previous, next, picker, live), where);
  section.append(
    heading('audit.history'),
    el('div', { class: 'grid2' }, field('audit.eventType', typeFilter), el('span'),
      field('audit.since', from), field('audit.until', to)),
    el('div', { class: 'action-row' }, button('history-filter', 'audit.filter', () => loadFiltered()),
      button('history-reset', 'audit.reset', () => { typeFilter.value = ''; from.value = ''; to.value = ''; loadFiltered(); })),
    historyMessage, el('div', { class: 'history-box' }, table),
    heading('audit.diff'),
    el('div', { class: 'grid2' }, field('audit.diffFrom', diffFrom), field('audit.diffTo', diffTo)),
    el('div', { class: 'action-row' }, button('diff-run', 'audit.compare', () => diff())), diffResult,
    heading('audit.chain'), chainBox,
    heading('audit.export'), exports);

  // One request per settled drag; a late answer for an older position never overwrites a newer one.
  const travel = settled(
    (signal, ms) => api('GET', base + '?at=' + encodeURIComponent(iso(ms)), undefined, signal),
    (answer, ms) => {
      atPosition = answer.position;
      panel.showPast(answer.incident, ms);
      where.classList.remove('error');
      where.textContent = t('audit.shownAt', { at: formatTime(iso(ms)), position: answer.position });
      highlight();
    },
    (e, ms) => {
      where.classList.add('error');
      where.textContent = e.status === 404 ? t('audit.notYet', { at: formatTime(iso(ms)) }) : t('action.failed', { detail: problemText(e) });
    });

  function moveTo(ms, fromPicker) {
    slider.value = String(ms);
    if (!fromPicker) picker.value = localInputValue(ms);
    live.disabled = false;
    where.classList.remove('error');
    where.textContent = t('audit.loading', { at: formatTime(iso(ms)) });
    highlightByTime(ms);
    travel(ms);
  }

  function goLive() {
    atPosition = null;
    panel.backToLive();
    live.disabled = true;
    where.textContent = t('audit.isLive');
    if (all.length) slider.value = slider.max;
    picker.value = '';
    highlight();
  }

  slider.addEventListener('input', () => moveTo(Number(slider.value), false));
  // Arrow keys step from event to event (a millisecond per key press would be useless).
  slider.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') { e.preventDefault(); step(-1); }
    if (e.key === 'ArrowRight' || e.key === 'ArrowUp') { e.preventDefault(); step(1); }
  });

  /** To the time of the previous (-1) or next (+1) event from the instant shown. */
  function step(direction) {
    if (!all.length) return;
    const current = Number(slider.value);
    const times = all.map((e) => Date.parse(e.time));
    const target = direction > 0 ? times.find((ms) => ms > current) : times.slice().reverse().find((ms) => ms < current);
    if (target !== undefined) moveTo(target, false);
  }
  picker.addEventListener('change', () => {
    const ms = Date.parse(new Date(picker.value).toISOString());
    if (!isNaN(ms)) moveTo(ms, true);
  });

  /** While dragging, before the answer: rows up to the slider's time; after it, rows up to P(T). */
  function highlightByTime(ms) {
    rows.querySelectorAll('tr[data-position]').forEach((row) => {
      row.classList.toggle('upto', Date.parse(row.dataset.time) <= ms);
      row.classList.toggle('after', Date.parse(row.dataset.time) > ms);
    });
  }

  function highlight() {
    rows.querySelectorAll('tr[data-position]').forEach((row) => {
      const position = Number(row.dataset.position);
      row.classList.toggle('upto', atPosition !== null && position <= atPosition);
      row.classList.toggle('after', atPosition !== null && position > atPosition);
      row.classList.toggle('selected', row.dataset.event === selectedEvent);
    });
  }

  async function page(params) {
    const events = [];
    let after = null;
    for (let n = 0; n < MAX_PAGES; n++) {
      const query = new URLSearchParams(params);
      query.set('limit', '1000');
      if (after !== null) query.set('after', String(after));
      const answer = await api('GET', base + '/events?' + query.toString());
      events.push(...answer.events);
      if (answer.next === null || answer.next === undefined) return { events: events, complete: true };
      after = answer.next;
    }
    return { events: events, complete: false };
  }

  let shownRows = null;
  function renderRows(events, complete) {
    shownRows = { events: events, complete: complete };
    fill(rows, events.map((e) => el('tr', {
      dataset: { position: String(e.position), event: e.eventId, time: e.time }, tabindex: '0',
      onclick: () => select(e), onkeydown: (k) => { if (k.key === 'Enter') select(e); } },
    el('td', { class: 'num', text: String(e.position) }),
    el('td', {}, el('time', { datetime: e.time, title: e.time, text: formatTime(e.time) })),
    el('td', { class: 'ev-type', text: label('ev', e.type) }),
    el('td', { class: 'user-text', text: actorText(e.actor) }))));
    historyMessage.classList.remove('error');
    historyMessage.textContent = events.length ? t(complete ? 'audit.events' : 'audit.eventsCut', { n: events.length }) : t('audit.noEvents');
    highlight();
  }

  async function loadAll() {
    try {
      const { events, complete } = await page({});
      all = events;
      renderRows(all, complete);
      const types = Array.from(new Set(all.map((e) => e.type)));
      fill(typeFilter, el('option', { value: '', 'data-i18n': 'audit.any', text: t('audit.any') }),
        types.map((type) => el('option', { value: type, text: label('ev', type) })));
      if (!all.length) return;
      const first = Date.parse(all[0].time);
      const last = Date.parse(all[all.length - 1].time);
      slider.min = String(first);
      slider.max = String(last);
      slider.value = String(last);
      slider.disabled = false;
      fill(ticks, all.map((e) => el('option', { value: String(Date.parse(e.time)) })));
      diffFrom.value = localInputValue(first);
      diffTo.value = localInputValue(last);
      where.textContent = t('audit.isLive');
    } catch (e) {
      historyMessage.textContent = t('action.failed', { detail: problemText(e) });
      historyMessage.classList.add('error');
    }
  }

  async function loadFiltered() {
    const params = historyQuery({ type: typeFilter.value, from: from.value, to: to.value });
    try {
      const { events, complete } = await page(params);
      renderRows(events, complete);
    } catch (e) {
      historyMessage.textContent = t('action.failed', { detail: problemText(e) });
      historyMessage.classList.add('error');
    }
  }

  /** A row picked: the slider jumps to just after it and its causality chain is shown. */
  function select(event) {
    selectedEvent = event.eventId;
    moveTo(Date.parse(event.time), false);
    chain(event.eventId);
  }

  async function chain(eventId) {
    fill(chainBox, el('p', { class: 'message', text: t('audit.loadingChain') }));
    try {
      const c = await api('GET', '/api/audit/events/' + encodeURIComponent(eventId) + '/chain');
      const item = (e, cls, depth) => el('li', { class: cls + (depth ? ' depth-' + Math.min(depth, 5) : ''),
        dataset: { event: e.eventId }, tabindex: '0',
        onclick: () => { if (e.eventId !== eventId) select(e); },
        onkeydown: (k) => { if (k.key === 'Enter' && e.eventId !== eventId) select(e); } },
      el('span', { class: 'user-text', text: eventLine(e) }));
      const list = (key, items) => (items.length ? [el('h4', { 'data-i18n': key, text: t(key) }), el('ol', { class: 'chain-list' }, items)] : []);
      fill(chainBox,
        ...list('audit.chain.causes', c.causes.slice().reverse().map((e) => item(e, 'cause'))),
        el('h4', { 'data-i18n': 'audit.chain.event', text: t('audit.chain.event') }),
        el('ol', { class: 'chain-list' }, item(c.event, 'this')),
        ...list('audit.chain.sameCommand', c.sameCommand.map((e) => item(e, 'same'))),
        ...list('audit.chain.effects', c.effects.map((f) => item(f.event, 'effect', f.depth))),
        c.truncated ? el('p', { class: 'message', text: t('audit.chain.truncated') }) : null,
        !c.causes.length && !c.effects.length && !c.sameCommand.length
          ? el('p', { class: 'empty', text: t('audit.chain.alone') }) : null);
      highlight();
    } catch (e) {
      fill(chainBox, el('p', { class: 'message error', text: t('action.failed', { detail: problemText(e) }) }));
    }
  }

  /**
   * What changed between two instants: the incident's facts and tasks at each end compared field by field (in the
   * reader's language), then the incident's own timeline lines recorded in between (GET …/diff), translated the way
   * the panel translates them.
   */
  async function diff() {
    const a = Date.parse(new Date(diffFrom.value).toISOString());
    const b = Date.parse(new Date(diffTo.value).toISOString());
    if (isNaN(a) || isNaN(b) || a >= b) {
      fill(diffResult, el('li', { class: 'error', text: t('audit.diffBad') }));
      return;
    }
    const at = (ms) => api('GET', base + '?at=' + encodeURIComponent(iso(Math.min(ms, now()))))
      .catch((e) => { if (e.status === 404) return null; throw e; });
    try {
      const clampedTo = Math.min(b, now());
      const [before, after, between] = await Promise.all([at(a), at(b),
        api('GET', base + '/diff?from=' + encodeURIComponent(iso(a)) + '&to=' + encodeURIComponent(iso(clampedTo)))]);
      const lines = [];
      const was = before ? before.incident : null;
      const is = after ? after.incident : null;
      if (!was && is) lines.push(t('audit.diff.appeared'));
      if (was && is) {
        [['status', 'status'], ['severity', 'severity'], ['type', 'type'], ['urgency', 'urgency'], ['certainty', 'certainty']]
          .forEach(([field, kind]) => {
            if (was[field] !== is[field]) lines.push(t('audit.diff.field', { field: t('panel.' + field), from: label(kind, was[field]), to: label(kind, is[field]) }));
          });
        if (was.summary !== is.summary) lines.push(t('audit.diff.summary', { from: was.summary, to: is.summary }));
      }
      if (is) {
        const old = new Map(((was && was.tasks) || []).map((task) => [task.taskId, task]));
        is.tasks.forEach((task) => {
          const prior = old.get(task.taskId);
          if (!prior) lines.push(t('audit.diff.newTask', { dept: label('dept', task.department), action: task.action, status: label('taskStatus', task.status) }));
          else if (prior.status !== task.status) lines.push(t('audit.diff.task', { dept: label('dept', task.department), from: label('taskStatus', prior.status), to: label('taskStatus', task.status) }));
        });
      }
      const reference = is || was;
      fill(diffResult,
        lines.length ? lines.map((line) => el('li', { class: 'change user-text', text: line })) : el('li', { class: 'empty', text: t('audit.diff.none') }),
        (between.entries || []).map((entry) => el('li', { class: 'diff-event user-text', text: formatTime(entry.at) + ' · '
          + lineText(entry, reference) + (entry.actorId ? ' (' + entry.actorId
          + (entry.actorRole ? ', ' + label('role', entry.actorRole) : '') + ')' : '') })));
    } catch (e) {
      fill(diffResult, el('li', { class: 'error', text: t('action.failed', { detail: problemText(e) }) }));
    }
  }

  loadAll();
  // Listeners outlive a closed panel (i18n keeps them): one for a trail no longer on the page does nothing.
  onChange(() => {
    if (!section.isConnected) return;
    slider.setAttribute('aria-label', t('audit.slider'));
    [[previous, 'audit.previous'], [next, 'audit.next']].forEach(([b, key]) => { b.setAttribute('aria-label', t(key)); b.title = t(key); });
    if (shownRows) renderRows(shownRows.events, shownRows.complete);
    Array.from(typeFilter.options).forEach((option) => { if (option.value) option.textContent = label('ev', option.value); });
    if (selectedEvent) chain(selectedEvent);
    if (diffResult.firstChild) diff();
  });
  return { moveTo: moveTo, goLive: goLive };
}

