/*
 * The incident panel: facts, tasks with a live countdown to each acknowledgment deadline, the live timeline, the
 * affected area on the map, and (for operators) the actions, merge and move included. It follows
 * /topic/incidents/{id}. The action forms are built once per incident so a live update never wipes what the operator
 * is typing.
 */
import { el, clear, fill } from './dom.js';
import { api, problemText } from './api.js';
import { t, label, onChange } from './i18n.js';
import { countdown, formatTime, severityBadge, enumSelect } from './common.js';
import { OPEN, isAllowed, fromAreaCode } from './domain.js';
import { lineText, lineActor } from './timeline.js';
import { coordinates } from './incident-actions.js';
import { mergeForm, moveForm } from './panel-actions.js';
import { follow } from './live.js';

/**
 * options: readOnly (no actions), onClose(), onShow(view), extra(id) → { top, bottom } (the auditor's trail) and
 * boardRows() → the board's rows (the incidents one may merge into).
 */
export function createPanel(container, map, options) {
  let incident = null;
  let stop = null;
  let actionButtons = {};
  let dom = null;
  let prefill = null;        // puts the incident's current facts into the reclassify and move forms, once
  let prefilledFor = null;
  let refreshActions = null; // refills what depends on the incident and the board (the incidents to merge into)
  // Live messages carry the latest page of the timeline only; earlier lines are kept here: pages loaded on demand
  // and pages the live timeline moved past while the panel was open.
  let earlier = [];
  let shownPage = [];
  let olderPage = -1;
  let liveView = null;       // the newest state the live feed gave (the whole timeline, for highlighting the past)
  let past = null;           // { at: ms } while an auditor looks at the incident as it stood at that instant
  let openId = null;

  function open(id) {
    if (stop) stop();
    if (map && map.pickOnce) map.pickOnce(null);
    refreshActions = null;
    incident = null;
    liveView = null;
    past = null;
    openId = id;
    clear(container);
    container.hidden = false;
    dom = {
      head: el('div', { class: 'panel-head' }),
      banner: el('div', { id: 'panel-past', class: 'past-banner', role: 'status', hidden: true }),
      message: el('p', { id: 'panel-message', class: 'message', role: 'status' }),
      facts: el('dl', { class: 'facts' }),
      tasks: el('div', { id: 'panel-tasks' }),
      actions: options.readOnly ? null : buildActions(id),
      timeline: el('ol', { id: 'panel-timeline', class: 'timeline' })
    };
    container.appendChild(el('button', { class: 'panel-close', type: 'button', 'aria-label': t('panel.close'),
      text: '×', onclick: close }));
    const extra = options.extra ? options.extra(id) : null;   // { top, bottom }: the auditor's trail
    container.append(dom.head, dom.banner);
    if (extra && extra.top) container.append(extra.top);
    container.append(dom.message, dom.facts,
      el('h3', { 'data-i18n': 'panel.tasks', text: t('panel.tasks') }), dom.tasks);
    if (dom.actions) container.append(el('h3', { 'data-i18n': 'panel.actions', text: t('panel.actions') }), dom.actions);
    if (options.readOnly) container.append(el('p', { class: 'read-only', 'data-i18n': 'audit.readOnly', text: t('audit.readOnly') }));
    earlier = [];
    shownPage = [];
    olderPage = -1;
    dom.earlier = el('button', { id: 'panel-earlier', type: 'button', hidden: true, 'data-i18n': 'panel.earlier',
      text: t('panel.earlier'), onclick: () => loadEarlier(id) });
    container.append(el('h3', { 'data-i18n': 'panel.timeline', text: t('panel.timeline') }), dom.earlier, dom.timeline);
    api('GET', '/api/incidents/' + encodeURIComponent(id) + '/timeline').then((latest) => {
      if (!dom || !latest) return;
      olderPage = latest.page - 1;
      dom.earlier.hidden = olderPage < 0;
    }).catch(() => { /* the live timeline still shows; earlier pages stay unavailable */ });
    if (extra && extra.bottom) container.append(extra.bottom);
    followLive(id);
  }

  function followLive(id) {
    stop = follow('/topic/incidents/' + id, {
      snapshot: (view) => show(view),
      delta: (view) => show(view)
    });
  }

  /** Shows the incident as it stood at atMs (read-only); the live feed keeps only the newest timeline. */
  function showPast(view, atMs) {
    if (!dom) return;
    past = { at: atMs };
    incident = view;
    render();
  }

  /** Back from the past to the live incident. */
  function backToLive() {
    if (!dom || !past) return;
    past = null;
    if (liveView) { incident = liveView; render(); }
  }

  function close() {
    if (stop) stop();
    stop = null;
    incident = null;
    liveView = null;
    past = null;
    openId = null;
    dom = null;
    refreshActions = null;
    if (map && map.pickOnce) map.pickOnce(null);
    clear(container);
    container.appendChild(el('p', { class: 'empty', 'data-i18n': 'panel.empty', text: t('panel.empty') }));
    if (map) map.showArea(null);
    if (options.onClose) options.onClose();
  }

  async function loadEarlier(id) {
    if (olderPage < 0) return;
    const page = await api('GET', '/api/incidents/' + encodeURIComponent(id) + '/timeline?page=' + olderPage);
    if (!dom || !incident || incident.id !== id) return;
    const known = new Set(earlier.map((line) => line.eventId));
    earlier = page.lines.filter((line) => !known.has(line.eventId)).concat(earlier);
    olderPage = page.page - 1;
    dom.earlier.hidden = olderPage < 0;
    render();
  }

  function show(view) {
    if (!view) return;
    const current = new Set(view.timeline.map((line) => line.eventId));
    const known = new Set(earlier.map((line) => line.eventId));
    earlier = earlier.concat(shownPage.filter((line) => !current.has(line.eventId) && !known.has(line.eventId)));
    shownPage = view.timeline;
    liveView = view;
    if (past) return;   // the auditor is looking at the past: keep it, the newest state waits for backToLive()
    incident = view;
    if (prefill && prefilledFor !== view.id) { prefilledFor = view.id; prefill(view); }
    render();
    if (options.onShow) options.onShow(view);
  }

  /** The number operators know an incident by, if the board has it; its id otherwise. */
  function numberOf(id) {
    const row = options.boardRows ? options.boardRows().find((r) => r.id === id) : null;
    return row ? row.number : id;
  }

  function render() {
    if (!incident || !dom) return;
    if (refreshActions && !past) refreshActions(incident);
    const v = incident;
    fill(dom.head,
      el('h2', { id: 'panel-number', text: v.number }),
      severityBadge(v.severity),
      el('span', { id: 'panel-status', class: 'badge status status-' + v.status, dataset: { status: v.status },
        text: label('status', v.status) }),
      v.drill ? el('span', { class: 'badge drill', text: t('common.drill') }) : null);
    const fact = (key, value) => [el('dt', { text: t(key) }), el('dd', {}, value)];
    fill(dom.facts,
      ...fact('panel.type', label('type', v.type)),
      ...fact('panel.urgency', label('urgency', v.urgency) + ' · ' + t('panel.certainty') + ' ' + label('certainty', v.certainty)),
      ...fact('report.summary', el('span', { id: 'panel-summary', class: 'user-text', text: v.summary })),
      ...fact('panel.address', el('span', { id: 'panel-address', class: 'user-text',
        text: v.location && v.location.address ? v.location.address
          : (v.location ? coordinates(v.location.point) : '') })),
      ...(v.location
        ? fact('panel.point', el('span', { id: 'panel-point', text: coordinates(v.location.point) })) : []),
      ...(fromAreaCode(v.location) ? fact('panel.areaCodes', el('span', { id: 'panel-location-basis',
        class: 'badge area-code', dataset: { basis: v.location.basis }, text: t('location.' + v.location.basis)
          + (v.location.areaCodes ? ' · ' + v.location.areaCodes.join(', ') : '') })) : []),
      ...fact('panel.reportedAt', formatTime(v.reportedAt)),
      ...fact('panel.source', label('source', v.source && v.source.kind)
        + (v.source && v.source.reference ? ' · ' + v.source.reference : '')),
      ...(v.source && v.source.externalEvent ? fact('panel.externalEvent', el('span', { id: 'panel-external-event',
        class: 'user-text', text: v.source.externalEvent })) : []),
      ...(v.reportedBy ? fact('panel.reportedBy', v.reportedBy) : []),
      ...(v.cancelReason ? fact('panel.cancelReason', el('span', { class: 'user-text', text: v.cancelReason })) : []),
      ...(v.resolution ? fact('panel.resolution', el('span', { class: 'user-text', text: v.resolution })) : []),
      ...(v.mergedInto ? fact('panel.mergedInto', el('span', { id: 'panel-merged-into',
        dataset: { incident: v.mergedInto }, text: numberOf(v.mergedInto) })) : []));
    if (v.readyToContain && OPEN.includes(v.status)) {
      dom.facts.append(el('dt', {}), el('dd', { class: 'ready', text: t('panel.readyToContain') }));
    }
    dom.banner.hidden = !past;
    dom.banner.textContent = past ? t('audit.asOf', { at: formatTime(new Date(past.at).toISOString()) }) : '';
    container.classList.toggle('past', !!past);
    renderTasks(v);
    // In the past the whole timeline stays visible: what had happened by then is highlighted, the rest greyed.
    const base = past && liveView && liveView.timeline.length >= v.timeline.length ? liveView.timeline : v.timeline;
    const inBase = new Set(base.map((line) => line.eventId));
    const lines = earlier.filter((line) => !inBase.has(line.eventId)).concat(base);
    const when = (line) => (!past ? undefined : (Date.parse(line.at) <= past.at ? 'upto' : 'after'));
    fill(dom.timeline,...lines.map((line) => el('li', { class: when(line), dataset: { kind: line.kind } },
      el('time', { text: formatTime(line.at) }),
      el('span', { class: 'who', text: lineActor(line) }),
      el('span', { class: 'what', text: lineText(line, v) }))));
    if (!past) dom.timeline.scrollTop = dom.timeline.scrollHeight;
    else {
      // Bring the last line that had happened by then into view, with what came next just below it.
      const reached = dom.timeline.querySelectorAll('li.upto');
      const last = reached.length ? reached[reached.length - 1] : null;
      dom.timeline.scrollTop = last ? Math.max(0, last.offsetTop - dom.timeline.offsetTop - dom.timeline.clientHeight / 2) : 0;
    }
    Object.entries(actionButtons).forEach(([action, button]) => { button.disabled = !isAllowed(action, v.status); });
    if (map) map.showArea(v.location, v.severity);
  }

  function renderTasks(v) {
    if (!v.tasks.length) {
      fill(dom.tasks,el('p', { class: 'empty', text: t('panel.noTasks') }));
      return;
    }
    const rows = v.tasks.map((task) => el('tr', { class: 'task-row task-' + task.status, dataset: { department: task.department, task: task.taskId } },
      el('td', { class: 'task-department', text: label('dept', task.department) }),
      el('td', { class: 'user-text', text: task.action }),
      el('td', {}, el('span', { class: 'badge task-status tstatus-' + task.status, dataset: { status: task.status },
        text: label('taskStatus', task.status) }),
        task.escalationLevel > 0 ? el('span', { class: 'badge escalated', text: t('task.level', { n: task.escalationLevel }) }) : null),
      el('td', {}, (task.status === 'REQUESTED' || task.status === 'ESCALATED') && task.acknowledgeBy
        ? (past ? el('time', { class: 'deadline', text: formatTime(task.acknowledgeBy) }) : countdown(task.acknowledgeBy))
        : el('span', { class: 'user-text', text: [task.acknowledgedBy ? t('task.acknowledgedBy', { who: task.acknowledgedBy }) : '',
          task.outcome ? task.outcome : (task.lastNote || '')].filter(Boolean).join(' · ') }))));
    fill(dom.tasks,el('table', { class: 'tasks' },
      el('thead', {}, el('tr', {}, el('th', { text: t('task.department') }), el('th', { text: t('task.action') }),
        el('th', { text: t('task.status') }), el('th', { text: t('task.deadline') }))),
      el('tbody', {}, rows)));
  }

  function buildActions(id) {
    const form = el('div', { class: 'actions' });
    actionButtons = {};
    const say = (text, error) => { dom.message.textContent = text; dom.message.classList.toggle('error', !!error); };
    const run = async (action, path, body, after) => {
      say('');
      try {
        await api('POST', '/api/incidents/' + id + '/' + path, body);
        if (after) after();
      } catch (e) {
        say(t('action.failed', { detail: problemText(e) }), true);
      }
    };
    const button = (action, path, bodyOf, after) => {
      const b = el('button', { type: 'button', id: 'action-' + action, 'data-i18n': 'action.' + action, text: t('action.' + action),
        onclick: () => run(action, path, bodyOf ? bodyOf() : undefined, after) });
      actionButtons[action] = b;
      return b;
    };
    const input = (id2, placeholderKey) => el('input', { id: id2, type: 'text', maxlength: '500',
      'data-i18n-placeholder': placeholderKey, placeholder: t(placeholderKey) });

    const note = input('input-note', 'action.text');
    const reason = input('input-cancel-reason', 'action.reason');
    const resolution = input('input-resolution', 'panel.resolution');
    const reclassReason = input('input-reclassify-reason', 'action.reason');
    const type = enumSelect('type', { id: 'input-reclassify-type' });
    const severity = enumSelect('severity', { id: 'input-reclassify-severity' });
    const merge = mergeForm(id, say, () => (options.boardRows ? options.boardRows() : []));
    const move = moveForm(id, say, map, () => (incident ? incident.location : null));
    actionButtons.merge = merge.button;
    actionButtons.location = move.button;
    prefill = (view) => { type.value = view.type; severity.value = view.severity; move.prefill(view); };
    prefilledFor = null;
    refreshActions = () => merge.refresh();

    form.append(
      el('div', { class: 'action-row' }, button('confirm', 'confirm'), button('contain', 'contain'), button('close', 'close')),
      el('div', { class: 'action-row' }, note, button('note', 'notes', () => ({ text: note.value }), () => { note.value = ''; })),
      el('div', { class: 'action-row' }, type, severity, reclassReason,
        button('reclassify', 'reclassify', () => ({ type: type.value, severity: severity.value, reason: reclassReason.value || null }),
          () => { reclassReason.value = ''; })),
      el('div', { class: 'action-row' }, resolution,
        button('resolve', 'resolve', () => ({ resolution: resolution.value || null }), () => { resolution.value = ''; })),
      el('div', { class: 'action-row' }, reason,
        button('cancel', 'cancel', () => ({ reason: reason.value }), () => { reason.value = ''; })),
      merge.node, move.node);
    return form;
  }

  onChange(render);
  close();

  /** The board changed: the incidents one may merge into may have too. */
  function boardChanged() {
    if (refreshActions && incident && !past) refreshActions(incident);
  }

  return { open: open, close: close, boardChanged: boardChanged, current: () => incident, showPast: showPast,
    backToLive: backToLive,
    live: () => liveView, isPast: () => !!past, id: () => openId };
}

