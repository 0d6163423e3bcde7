/*
 * A liaison's queue: their department's open tasks, live from /topic/departments/{CODE}/tasks, most urgent first,
 * with a countdown to each acknowledgment deadline; one click to acknowledge; decline with a reason; progress;
 * complete with an outcome. Recently ended tasks come from GET /api/tasks. Forms are kept across live updates.
 */
(function () {
  'use strict';
  const { el, clear, fill, api, t, label, countdown, formatTime, problemText, severityBadge, PRIORITY_RANK } = window.Beacon;
  const AWAITING = ['REQUESTED', 'ESCALATED'];
  const ENDED = ['COMPLETED', 'DECLINED', 'CANCELLED'];

  function create(root, user) {
    const items = new Map();
    const cards = new Map();   // taskId -> { node, inputs } so typed text survives updates
    let unitsAvailable = false;
    const title = el('h2', { id: 'queue-title' });
    const list = el('ol', { id: 'task-queue', class: 'task-queue' });
    const endedList = el('ol', { id: 'ended-tasks', class: 'ended-tasks' });
    root.append(el('section', { class: 'queue' }, title, list,
      el('h3', { 'data-i18n': 'queue.ended', text: t('queue.ended') }), endedList));

    function relabelTitle() { title.textContent = t('queue.title', { department: label('dept', user.department) }); }
    relabelTitle();

    function order(a, b) {
      const waitingA = AWAITING.includes(a.status) ? 0 : 1, waitingB = AWAITING.includes(b.status) ? 0 : 1;
      if (waitingA !== waitingB) return waitingA - waitingB;
      if (waitingA === 0) {
        const deadline = Date.parse(a.acknowledgeBy) - Date.parse(b.acknowledgeBy);
        if (deadline) return deadline;
      }
      const priority = (PRIORITY_RANK[a.priority] || 9) - (PRIORITY_RANK[b.priority] || 9);
      if (priority) return priority;
      return Date.parse(b.requestedAt) - Date.parse(a.requestedAt);
    }

    function render() {
      const all = Array.from(items.values()).sort(order);
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
        const ended = tasks.filter((task) => ENDED.includes(task.status))
          .sort((a, b) => Date.parse(b.endedAt || b.lastChangedAt) - Date.parse(a.endedAt || a.lastChangedAt)).slice(0, 20);
        fill(endedList,...ended.map((task) => el('li', { dataset: { task: task.id } },
          el('span', { class: 'badge task-status tstatus-' + task.status, text: label('taskStatus', task.status) }),
          el('span', { class: 'user-text', text: task.action }),
          el('span', { class: 'user-text', text: task.outcome || task.declineReason || task.cancelReason || '' }),
          el('time', { text: formatTime(task.endedAt) }))));
      } catch (e) { /* the list of ended tasks is a convenience; the live queue matters */ }
    }

    BeaconLive.follow('/topic/departments/' + user.department + '/tasks', {
      snapshot: (payload) => {
        items.clear();
        payload.forEach((item) => items.set(item.taskId, item));
        render();
        loadEnded();
      },
      delta: (change) => {
        if (change.removed) { items.delete(change.removed); loadEnded(); }
        else if (change.item) {
          const isNew = !items.has(change.item.taskId);
          items.set(change.item.taskId, change.item);
          if (isNew) BeaconApp.alert('queue.newTask', { action: change.item.action });
        }
        render();
      }
    });
    api('GET', '/api/units?department=' + encodeURIComponent(user.department))
      .then(() => { unitsAvailable = true; render(); })
      .catch(() => { unitsAvailable = false; });   // 404 until the units API is merged: no unit control
    BeaconI18n.onChange(() => { relabelTitle(); render(); loadEnded(); });
  }

  window.BeaconQueue = { create: create };
})();
