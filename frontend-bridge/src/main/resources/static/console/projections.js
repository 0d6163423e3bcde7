/*
 * The administrators' projections table (GET /api/admin/projections): per projection its position, lag and state,
 * a Rebuild button (POST /api/admin/projections/{name}/replay) and a progress bar while it is rebuilt. Asked for
 * again every 2 s while open: a UI refresh, the rebuild itself runs on the server whether anyone watches or not.
 */
import { el, fill } from './dom.js';
import { api, problemText } from './api.js';
import { t, label, onChange } from './i18n.js';
import { createStore } from './store.js';
import { projectionRow, withAnswer, sortedProjections } from './projections-state.js';

const REFRESH_MS = 2000;

export function createProjections(container) {
  // loadError: the table could not be refreshed (cleared by the next refresh); refusal: the server's answer to a
  // Rebuild (kept until the next one, so a refresh 2 s later does not wipe it before it is read).
  const store = createStore({ list: [], pending: null, loadError: null, refusal: null });
  const body = el('tbody');
  const status = el('p', { id: 'projections-message', class: 'message', role: 'status' });
  const columns = ['admin.proj.name', 'admin.proj.state', 'admin.proj.position', 'admin.proj.lag',
    'admin.proj.generation', 'admin.proj.progress', 'admin.proj.action'];
  const details = el('details', { id: 'projections-admin', class: 'admin-departments admin-projections' },
    el('summary', { 'data-i18n': 'admin.proj.title', text: t('admin.proj.title') }),
    el('p', { class: 'hint', 'data-i18n': 'admin.proj.hint', text: t('admin.proj.hint') }),
    el('table', { class: 'admin-table' },
      el('thead', {}, el('tr', {}, columns.map((key) => el('th', { 'data-i18n': key, text: t(key) })))), body),
    status);
  container.appendChild(details);
  let timer = null;

  function progressCell(row) {
    if (!row.progress) return el('td', { class: 'progress', text: t('common.none') });
    return el('td', { class: 'progress' },
      el('progress', { max: String(Math.max(1, row.progress.total)), value: String(row.progress.done) }),
      el('span', { class: 'progress-text', text: t('admin.proj.progressText', { done: row.progress.done,
        total: row.progress.total, percent: row.progress.percent,
        rate: row.rate === null ? t('common.none') : row.rate,
        eta: row.eta === null ? t('common.none') : row.eta }) }));
  }

  function tableRow(row, pending) {
    const button = el('button', { type: 'button', class: 'rebuild', text: t('admin.proj.rebuild'),
      disabled: row.rebuilding || pending === row.name, onclick: () => rebuild(row.name) });
    return el('tr', { dataset: { projection: row.name, state: row.state } },
      el('td', { class: 'name', text: row.name }),
      el('td', { class: 'state state-' + row.state, text: label('projState', row.state) }),
      el('td', { class: 'num', text: t('admin.proj.positionOf', { position: row.position, head: row.head }) }),
      el('td', { class: 'num lag', text: String(row.lag) }),
      el('td', { class: 'num', text: row.toGeneration ? row.generation + ' → ' + row.toGeneration
        : String(row.generation) }),
      progressCell(row), el('td', {}, button));
  }

  function render(s) {
    fill(body, sortedProjections(s.list).map((p) => tableRow(projectionRow(p), s.pending)));
    const error = s.refusal || s.loadError;
    status.textContent = error || '';
    status.classList.toggle('error', !!error);
  }
  store.subscribe(render);

  async function refresh() {
    try {
      const list = await api('GET', '/api/admin/projections');
      store.update((s) => Object.assign({}, s, { list: list || [], loadError: null }));
    } catch (e) {
      const error = t('action.failed', { detail: problemText(e) });
      store.update((s) => Object.assign({}, s, { loadError: error }));
    }
  }

  async function rebuild(name) {
    store.update((s) => Object.assign({}, s, { pending: name, refusal: null }));
    try {
      const answer = await api('POST', '/api/admin/projections/' + encodeURIComponent(name) + '/replay');
      store.update((s) => Object.assign({}, s, { list: withAnswer(s.list, answer), pending: null }));
    } catch (e) {
      const error = t('action.failed', { detail: problemText(e) });
      store.update((s) => Object.assign({}, s, { pending: null, refusal: error }));
    }
  }

  /** One request at a time: the next is asked for 2 s after the last answered, while the table is open. */
  let chain = 0;
  function poll() {
    const mine = ++chain;
    clearTimeout(timer);
    if (!details.open) return;
    refresh().finally(() => { if (details.open && mine === chain) timer = setTimeout(poll, REFRESH_MS); });
  }
  details.addEventListener('toggle', poll);
  onChange(() => render(store.get()));
}
