/*
 * The operator board: active incidents on the map and in a sortable list, live from /topic/board; the report form;
 * alerts (colour and an optional beep) when a task misses its deadline or a new SEVERE/EXTREME incident arrives.
 * Overdue counts are recomputed here every second from each task's deadline, because time passing is not an event.
 */
(function () {
  'use strict';
  const { el, clear, api, t, label, problemText, severityBadge, enumSelect, now, SEVERITY_RANK } = window.Beacon;

  function create(root, user) {
    const rows = new Map();
    const seen = { overdue: new Map(), escalated: new Map() };
    let snapshotApplied = false;
    let selected = null;
    let sortBy = 'severity';
    let sound = false;
    let pickedAt = null;

    const list = el('ol', { id: 'incident-list', class: 'incident-list' });
    const sort = el('select', { id: 'board-sort' },
      ['severity', 'age', 'overdue'].map((key) => el('option', { value: key, 'data-i18n': 'board.sort.' + key, text: t('board.sort.' + key) })));
    sort.addEventListener('change', () => { sortBy = sort.value; renderList(); });

    const report = buildReportForm();
    const panelBox = el('aside', { id: 'panel', class: 'panel' });
    const mapBox = el('div', { id: 'map', class: 'map' });
    root.append(
      el('section', { class: 'sidebar' }, report.node,
        el('div', { class: 'list-head' }, el('h2', { 'data-i18n': 'board.active', text: t('board.active') }),
          el('label', { class: 'inline' }, el('span', { 'data-i18n': 'board.sort', text: t('board.sort') }), sort)),
        list),
      mapBox, panelBox);

    const map = BeaconMap.create(mapBox);
    const panel = BeaconPanel.create(panelBox, map, {
      readOnly: false,
      onClose: () => { selected = null; refreshMarkers(); }
    });
    map.onPick((lat, lon) => {
      pickedAt = { lat: lat, lon: lon };
      report.location.textContent = lat.toFixed(5) + ', ' + lon.toFixed(5);
      report.location.classList.remove('missing');
    });

    function select(id) {
      selected = id;
      panel.open(id);
      const row = rows.get(id);
      if (row) map.focus(row.location);
      renderList();
      refreshMarkers();
    }

    function overdueOf(row) {
      const at = now();
      return row.tasks.filter((task) => (task.status === 'REQUESTED' || task.status === 'ESCALATED')
        && task.acknowledgeBy && Date.parse(task.acknowledgeBy) < at).length;
    }

    function sorted() {
      const all = Array.from(rows.values());
      const age = (a, b) => Date.parse(b.reportedAt) - Date.parse(a.reportedAt);
      const bySeverity = (a, b) => (SEVERITY_RANK[b.severity] || 0) - (SEVERITY_RANK[a.severity] || 0);
      const byOverdue = (a, b) => (overdueOf(b) + b.escalatedTasks) - (overdueOf(a) + a.escalatedTasks);
      const order = { severity: [bySeverity, byOverdue, age], age: [age], overdue: [byOverdue, bySeverity, age] }[sortBy];
      return all.sort((a, b) => { for (const c of order) { const r = c(a, b); if (r) return r; } return 0; });
    }

    function renderList() {
      clear(list);
      const all = sorted();
      if (!all.length) list.appendChild(el('li', { class: 'empty', 'data-i18n': 'board.empty', text: t('board.empty') }));
      all.forEach((row) => {
        const overdue = overdueOf(row);
        const taskCount = row.tasks.length;
        list.appendChild(el('li', {
          class: 'incident-item' + (row.id === selected ? ' selected' : '') + (overdue || row.escalatedTasks ? ' attention' : ''),
          dataset: { incident: row.id, severity: row.severity, status: row.status }, tabindex: '0',
          onclick: () => select(row.id), onkeydown: (e) => { if (e.key === 'Enter') select(row.id); }
        },
        el('div', { class: 'item-line' }, el('strong', { class: 'number', text: row.number }), severityBadge(row.severity),
          el('span', { class: 'badge status status-' + row.status, text: label('status', row.status) }),
          row.drill ? el('span', { class: 'badge drill', text: t('common.drill') }) : null,
          Beacon.fromAreaCode(row.location) ? el('span', { class: 'badge area-code', dataset: { basis: row.location.basis },
            text: t('location.' + row.location.basis) }) : null),
        el('div', { class: 'item-line' }, el('span', { class: 'type', text: label('type', row.type) }),
          el('span', { class: 'summary user-text', text: row.summary })),
        el('div', { class: 'item-line meta' },
          el('span', { class: 'age', dataset: { since: row.reportedAt } }),
          taskCount ? el('span', { text: t('board.tasks', { n: taskCount }) }) : null,
          overdue ? el('span', { class: 'badge overdue', text: t('board.overdue', { n: overdue }) }) : null,
          row.escalatedTasks ? el('span', { class: 'badge escalated', text: t('board.escalated', { n: row.escalatedTasks }) }) : null)));
      });
      refreshAges();
    }

    function refreshAges() {
      list.querySelectorAll('.age[data-since]').forEach((node) => {
        node.textContent = Beacon.formatDuration(now() - Date.parse(node.dataset.since));
      });
    }

    function refreshMarkers() {
      rows.forEach((row) => map.showIncident(row, select, row.id === selected));
      map.keepOnly(new Set(rows.keys()));
    }

    /** Alerts on growth only: a number that rises means something new went wrong. */
    function checkAlerts(row, isNew) {
      const overdue = overdueOf(row);
      const before = seen.overdue.get(row.id) || 0;
      const escalatedBefore = seen.escalated.get(row.id) || 0;
      seen.overdue.set(row.id, overdue);
      seen.escalated.set(row.id, row.escalatedTasks);
      if (!snapshotApplied) return;
      if (isNew && (row.severity === 'SEVERE' || row.severity === 'EXTREME')) {
        BeaconApp.alert('alert.severe', { severity: ['severity', row.severity], number: row.number }, () => select(row.id));
      } else if (overdue > before) {
        BeaconApp.alert('alert.overdue', { number: row.number, n: overdue }, () => select(row.id));
      } else if (row.escalatedTasks > escalatedBefore) {
        BeaconApp.alert('alert.escalated', { number: row.number }, () => select(row.id));
      }
    }

    BeaconLive.follow('/topic/board', {
      snapshot: (payload) => {
        const fresh = new Map(payload.map((row) => [row.id, row]));
        // After a reconnect, anything new since the last snapshot still deserves an alert.
        payload.forEach((row) => checkAlerts(row, snapshotApplied && !rows.has(row.id)));
        rows.clear();
        fresh.forEach((row, id) => rows.set(id, row));
        snapshotApplied = true;
        renderList();
        refreshMarkers();
      },
      delta: (change) => {
        if (change.removed) {
          rows.delete(change.removed);
          map.removeIncident(change.removed);
        } else if (change.row) {
          const isNew = !rows.has(change.row.id);
          rows.set(change.row.id, change.row);
          checkAlerts(change.row, isNew);
        }
        renderList();
        refreshMarkers();
      }
    });

    Beacon.onTick(() => {
      let changed = false;
      rows.forEach((row) => {
        if (overdueOf(row) !== (seen.overdue.get(row.id) || 0)) { checkAlerts(row, false); changed = true; }
      });
      if (changed) renderList(); else refreshAges();
    });
    BeaconI18n.onChange(() => { renderList(); refreshMarkers(); });

    function buildReportForm() {
      const type = enumSelect('type', { id: 'report-type', required: true });
      const severity = enumSelect('severity', { id: 'report-severity', required: true });
      severity.value = 'MODERATE';
      const urgency = enumSelect('urgency', { id: 'report-urgency' }, true);
      const certainty = enumSelect('certainty', { id: 'report-certainty' }, true);
      const summary = el('textarea', { id: 'report-summary', rows: '2', maxlength: '500', required: true });
      const address = el('input', { id: 'report-address', type: 'text', maxlength: '300' });
      const drill = el('input', { id: 'report-drill', type: 'checkbox' });
      const location = el('span', { id: 'report-location', class: 'missing', text: t('report.pickOnMap') });
      BeaconI18n.onChange(() => { if (!pickedAt) location.textContent = t('report.pickOnMap'); });
      const message = el('p', { id: 'report-message', class: 'message', role: 'status' });
      const field = (key, control, optional) => el('label', {}, el('span', {},
        el('span', { 'data-i18n': key, text: t(key) }),
        optional ? el('small', { 'data-i18n': 'report.optional', text: ' ' + t('report.optional') }) : null), control);
      const form = el('form', { id: 'report-form', class: 'report', novalidate: true },
        el('h2', { 'data-i18n': 'report.title', text: t('report.title') }),
        el('div', { class: 'grid2' }, field('report.type', type), field('report.severity', severity),
          field('report.urgency', urgency, true), field('report.certainty', certainty, true)),
        field('report.summary', summary),
        field('report.address', address, true),
        el('div', { class: 'location-line' }, el('span', { 'data-i18n': 'report.location', text: t('report.location') }), location),
        el('div', { class: 'submit-line' },
          el('label', { class: 'inline' }, drill, el('span', { 'data-i18n': 'report.drill', text: t('report.drill') })),
          el('button', { id: 'report-submit', type: 'submit', 'data-i18n': 'report.submit', text: t('report.submit') })),
        message);
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        message.classList.remove('error');
        if (!pickedAt) { message.textContent = t('report.needLocation'); message.classList.add('error'); return; }
        try {
          const created = await api('POST', '/api/incidents', {
            type: type.value, severity: severity.value, urgency: urgency.value || null, certainty: certainty.value || null,
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
      return { node: form, location: location };
    }

    return { select: select, map: map };
  }

  window.BeaconBoard = { create: create };
})();
