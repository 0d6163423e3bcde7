/*
 * The operator's merge and move forms in the incident panel. Merge: choose the incident this one duplicates from the
 * board (POST /api/incidents/{id}/merge {into}). Move: new coordinates typed or picked on the map, and the address
 * (POST …/location). Refusals are shown as the server words them (problem details), in the panel's message line.
 */
import { el, fill } from './dom.js';
import { api, problemText } from './api.js';
import { t, label, language } from './i18n.js';
import { mergeCandidates, locationRequest } from './incident-actions.js';

/** Merge the open incident, a duplicate, into another one on the board (POST …/merge {into}). */
export function mergeForm(id, say, boardRows) {
  const target = el('select', { id: 'input-merge-into', 'aria-label': t('merge.title') });
  const submit = el('button', { type: 'button', id: 'action-merge', 'data-i18n': 'action.merge',
    text: t('action.merge') });
  let shownKey = null;
  function refresh() {
    const chosen = target.value;
    const rows = mergeCandidates(boardRows(), id);
    // Refilled only when what it lists changed: a refill while the operator is choosing would close the list.
    const key = language() + rows.map((row) => [row.id, row.number, row.type, row.summary].join(' ')).join('|');
    if (key === shownKey) return;
    shownKey = key;
    fill(target, el('option', { value: '', text: t('merge.choose') }), rows.map((row) => el('option', { value: row.id,
      text: row.number + ' · ' + label('type', row.type) + ' · ' + row.summary })));
    if (rows.some((row) => row.id === chosen)) target.value = chosen;
  }
  submit.addEventListener('click', async () => {
    if (!target.value) { say(t('merge.needTarget'), true); return; }
    say('');
    try {
      await api('POST', '/api/incidents/' + id + '/merge', { into: target.value });
    } catch (e) {
      say(t('action.failed', { detail: problemText(e) }), true);
    }
  });
  return { refresh: refresh, button: submit, node: el('div', { class: 'action-row merge' },
    el('span', { class: 'row-title', 'data-i18n': 'merge.title', text: t('merge.title') }), target, submit) };
}

/** Move the incident: new coordinates typed or picked on the map, and the address (POST …/location). */
export function moveForm(id, say, map, currentLocation) {
  const coordinate = (name) => el('input', { id: 'input-move-' + name, type: 'text', inputmode: 'decimal', size: '9',
    'data-i18n-placeholder': 'move.' + name, placeholder: t('move.' + name) });
  const lat = coordinate('lat');
  const lon = coordinate('lon');
  const address = el('input', { id: 'input-move-address', type: 'text', maxlength: '300',
    'data-i18n-placeholder': 'report.address', placeholder: t('report.address') });
  const pick = el('button', { type: 'button', id: 'action-move-pick', 'data-i18n': 'move.pick', text: t('move.pick') });
  const submit = el('button', { type: 'button', id: 'action-location', 'data-i18n': 'action.location',
    text: t('action.location') });
  pick.addEventListener('click', () => {
    if (!map) return;
    say(t('move.clickMap'));
    map.pickOnce((la, lo) => { lat.value = la.toFixed(6); lon.value = lo.toFixed(6); say(''); });
  });
  submit.addEventListener('click', async () => {
    const request = locationRequest(lat.value, lon.value, address.value, currentLocation());
    if (request.errors) {
      say(t('action.failed', { detail: request.errors.map((e) => e.field + ': ' + t(e.key)).join('; ') }), true);
      return;
    }
    say('');
    try {
      await api('POST', '/api/incidents/' + id + '/location', request.body);
    } catch (e) {
      say(t('action.failed', { detail: problemText(e) }), true);
    }
  });
  return {
    button: submit,
    prefill(view) {
      if (!view.location) return;
      lat.value = String(view.location.point.lat);
      lon.value = String(view.location.point.lon);
      address.value = view.location.address || '';
    },
    node: el('div', { class: 'action-row move' },
      el('span', { class: 'row-title', 'data-i18n': 'move.title', text: t('move.title') }),
      lat, lon, address, pick, submit)
  };
}
