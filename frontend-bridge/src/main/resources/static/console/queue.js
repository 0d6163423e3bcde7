/*
 * A liaison's queue: their department's open tasks, live from /topic/departments/{CODE}/tasks, most urgent first,
 * with a countdown to each acknowledgment deadline; one click to acknowledge; decline with a reason; progress;
 * complete with an outcome. Recently ended tasks come from GET /api/tasks. Forms are kept across live updates; the
 * open tasks are kept in one store and drawn from it (queue-state.js says how messages change them).
 */
import { el, clear, fill } from './dom.js';
import { api, problemText } from './api.js';
import { t, label, onChange } from './i18n.js';
import { countdown, formatTime, severityBadge } from './common.js';
import { createStore } from './store.js';
import { AWAITING, queueOrder, applyQueueMessage, endedTasks } from './queue-state.js';
import { follow } from './live.js';
import { showAlert } from './alerts.js';

export function createQueue(root, user) {
  const store = createStore(new Map());
  const cards = new Map();   // taskId -> { node, inputs } so typed text survives updates
  let unitsAvailable = false;
  const title = el('h2', { id: 'queue-title' });
  const list = el('ol', { id: 'task-queue', class: 'task-queue' });
  const endedList = el('ol', { id: 'ended-tasks', class: 'ended-tasks' });
  root.append(el('section', { class: 'queue' }, title, list,
    el('h3', { 'data-i18n': 'queue.ended', text: t('queue.ended') }), endedList));

  function relabelTitle() { title.textContent = t('queue.title', { department: label('dept', user.department) }); }
  relabelTitle();

  function render() {
    const items = store.get();
    const all = Array.from(items.values()).sort(queueOrder);
    Array.from(cards.keys()).filter((id) => !items.has(id)).forEach((id) => cards.delete(id));
    clear(list);
    if (!all.length) list.appendChild(el('li', { class: 'empty', text: t('queue.empty') }));
    all.forEach((item) => list.appendChild(card(item)));
  }

  function card(item) {
    let entry = cards.get(item.taskId);
    if (!entry) {
      entry = { inputs: {
        reason: el('input', { type: 'text', class: 'decline-reason', maxlength: '500' }),
        note: el('input', { type: 'text', class: 'progress-note', maxlength: '500' }),
        outcome: el('input', { type: 'text', class: 'complete-outcome', maxlength: '2000' })
      } };
      cards.set(item.taskId, entry);
    }
    const inputs = entry.inputs;
    inputs.reason.placeholder = t('queue.declineReason');
    inputs.note.placeholder = t('queue.progressNote');
    inputs.outcome.placeholder = t('queue.outcome');
    const message = el('p', { class: 'message', role: 'status' });
    const act = async (path, body, after) => {
      message.textContent = '';
      try {
        await api('POST', '/api/tasks/' + item.taskId + '/' + path, body);
        if (after) after();
      } catch (e) {
        message.textContent = t('action.failed', { detail: problemText(e) });
        message.classList.add('error');
      }
    };
    const button = (cls, key, onclick) => el('button', { type: 'button', class: cls, text: t(key), onclick: onclick });
    const waiting = AWAITING.includes(item.status);
    const controls = el('div', { class: 'task-actions' });
    if (waiting) {
      controls.append(button('acknowledge primary', 'action.acknowledge', () => act('acknowledge')),
        el('span', { class: 'decline-group' }, inputs.reason,
          button('decline', 'action.decline', () => act('decline', { reason: inputs.reason.value }, () => { inputs.reason.value = ''; }))));
    } else {
      const progress = (status) => act('progress', { status: status, note: inputs.note.value || null }, () => { inputs.note.value = ''; });
      controls.append(el('span', { class: 'progress-group' }, inputs.note,
        item.status === 'ACKNOWLEDGED' ? button('en-route', 'action.enRoute', () => progress('EN_ROUTE')) : null,
        item.status !== 'ON_SCENE' ? button('on-scene', 'action.onScene', () => progress('ON_SCENE')) : null),
        el('span', { class: 'complete-group' }, inputs.outcome,
          button('complete', 'action.complete', () => act('complete', { outcome: inputs.outcome.value }, () => { inputs.outcome.value = ''; }))));
      if (unitsAvailable) controls.append(unitPicker(item, message));
    }
    return el('li', { class: 'task-card task-' + item.status + (item.drill ? ' is-drill' : ''),
      dataset: { task: item.taskId, incident: item.incidentId, status: item.status } },
      el('div', { class: 'item-line' },
        el('strong', { class: 'number', text: item.incidentNumber }), severityBadge(item.incidentSeverity),
        el('span', { class: 'type', text: label('type', item.incidentType) }),
        item.drill ? el('span', { class: 'badge drill', text: t('common.drill') }) : null,
        el('span', { class: 'badge priority priority-' + item.priority, text: label('priority', item.priority) })),
      el('div', { class: 'item-line' }, el('span', { class: 'task-action user-text', text: item.action })),
      el('div', { class: 'item-line meta' },
        el('span', { class: 'badge task-status tstatus-' + item.status, text: label('taskStatus', item.status) }),
        item.escalationLevel > 0 ? el('span', { class: 'badge escalated', text: t('task.level', { n: item.escalationLevel }) }) : null,
        waiting && item.acknowledgeBy ? countdown(item.acknowledgeBy) : null,
        el('span', { class: 'user-text', text: item.location && item.location.address ? item.location.address : '' }),
        el('span', { text: formatTime(item.requestedAt) })),
      controls, message);
  }

  /**
   * Units come from the units API when it exists (GET /api/units?department=, POST /api/units/{id}/assign
   * {taskId}); hidden while it answers 404. Only AVAILABLE units can be assigned.
   */
  function unitPicker(item, message) {
    const select = el('select', { class: 'unit-select' }, el('option', { value: '', text: t('action.assignUnit') }));
    api('GET', '/api/units?department=' + encodeURIComponent(user.department)).then((units) => {
      (units || []).filter((unit) => unit.status === 'AVAILABLE').forEach((unit) => select.appendChild(el('option',
        { value: unit.id, text: unit.id + (unit.name ? ' · ' + unit.name : '') })));
    }).catch(() => { });
    select.addEventListener('change', async () => {
      if (!select.value) return;
      try { await api('POST', '/api/units/' + encodeURIComponent(select.value) + '/assign', { taskId: item.taskId }); }
      catch (e) { message.textContent = t('action.failed', { detail: problemText(e) }); }
    });
    return select;
  }

  async function loadEnded() {
    try {
      const tasks = await api('GET', '/api/tasks');
      const ended = endedTasks(tasks, 20);
      fill(endedList,...ended.map((task) => el('li', { dataset: { task: task.id } },
        el('span', { class: 'badge task-status tstatus-' + task.status, text: label('taskStatus', task.status) }),
        el('span', { class: 'user-text', text: task.action }),
        el('span', { class: 'user-text', text: task.outcome || task.declineReason || task.cancelReason || '' }),
        el('time', { text: formatTime(task.endedAt) }))));
    } catch (e) { /* the list of ended tasks is a convenience; the live queue matters */ }
  }

  store.subscribe(render);
  const receive = (message, isSnapshot) => {
    let arrived = null;
    store.update((items) => {
      const result = applyQueueMessage(items, message, isSnapshot);
      arrived = result.arrived;
      return result.items;
    });
    if (arrived) showAlert('queue.newTask', { action: arrived.action });
    if (isSnapshot || message.removed) loadEnded();
  };
  follow('/topic/departments/' + user.department + '/tasks', {
    snapshot: (payload) => receive(payload, true),
    delta: (change) => receive(change, false)
  });
  api('GET', '/api/units?department=' + encodeURIComponent(user.department))
    .then(() => { unitsAvailable = true; render(); })
    .catch(() => { unitsAvailable = false; });   // 404 until the units API is merged: no unit control
  onChange(() => { relabelTitle(); render(); loadEnded(); });
}

