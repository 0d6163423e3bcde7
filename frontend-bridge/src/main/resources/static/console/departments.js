/*
 * The administrators' view of department systems (GET /api/admin/departments): per department, whether it has a
 * system, its circuit, the notices waiting for it, and its last success and failure. The notifier's state lives in
 * memory on each node and has no push channel, so the table is asked for again while it is open.
 */
import { el, fill } from './dom.js';
import { api, problemText } from './api.js';
import { t, label, onChange } from './i18n.js';
import { formatTime } from './common.js';
const REFRESH_MS = 5000;

export function createDepartments(container) {
  const body = el('tbody');
  const status = el('p', { class: 'message', role: 'status' });
  const columns = ['admin.dept.department', 'admin.dept.system', 'admin.dept.circuit', 'admin.dept.pending',
    'admin.dept.lastSuccess', 'admin.dept.lastFailure'];
  const head = el('tr', {}, columns.map((key) => el('th', { 'data-i18n': key, text: t(key) })));
  const details = el('details', { id: 'departments-admin', class: 'admin-departments' },
    el('summary', { 'data-i18n': 'admin.dept.title', text: t('admin.dept.title') }),
    el('p', { class: 'hint', 'data-i18n': 'admin.dept.hint', text: t('admin.dept.hint') }),
    el('table', { class: 'admin-table' }, el('thead', {}, head), body), status);
  container.appendChild(details);
  let rows = [];
  let timer = null;

  function row(d) {
    const circuit = d.hasSystem ? label('circuit', d.circuit) : t('common.none');
    const failure = d.lastFailureAt ? formatTime(d.lastFailureAt) + ' · ' + d.lastFailure : t('common.none');
    return el('tr', { dataset: { department: d.department, circuit: d.circuit || 'NONE' } },
      el('td', { text: label('dept', d.department) }),
      el('td', { text: t(d.hasSystem ? 'admin.dept.hasSystem' : 'admin.dept.consoleOnly') }),
      el('td', { class: 'circuit circuit-' + (d.circuit || 'NONE'), text: circuit }),
      el('td', { class: 'pending', text: d.pending > 0
        ? t('admin.dept.pendingSince', { n: d.pending, since: formatTime(d.oldestPendingSince) }) : '0' }),
      el('td', { text: formatTime(d.lastSuccessAt) }),
      el('td', { class: d.lastFailureAt ? 'error' : '', text: failure }));
  }

  function render() { fill(body, rows.map(row)); }

  async function refresh() {
    try {
      rows = await api('GET', '/api/admin/departments');
      status.textContent = '';
      render();
    } catch (e) {
      status.textContent = t('action.failed', { detail: problemText(e) });
    }
  }

  details.addEventListener('toggle', () => {
    clearInterval(timer);
    if (details.open) { refresh(); timer = setInterval(refresh, REFRESH_MS); }
  });
  onChange(render);
}

