/*
 * Tamper evidence for auditors: run POST /api/audit/verify and follow the run (GET /api/audit/verify/{runId}) with a
 * progress bar until it ends; show the latest seal so an auditor can note its number and hash elsewhere
 * (docs/audit.md: a kept seal hash is what catches a rewritten chain).
 */
import { el, fill } from './dom.js';
import { api, problemText } from './api.js';
import { t, onChange } from './i18n.js';
import { formatTime } from './common.js';
const FOLLOW_MS = 500;   // the run has no push channel; its progress is asked for while the auditor watches

export function createAuditVerify(section) {
  const run = el('button', { id: 'verify-run', type: 'button', class: 'primary', 'data-i18n': 'audit.verify', text: t('audit.verify') });
  const progress = el('progress', { id: 'verify-progress', max: '1', value: '0', hidden: true });
  const result = el('p', { id: 'verify-result', class: 'message', role: 'status' });
  const seal = el('p', { id: 'seal-latest', class: 'message seal' });
  section.append(el('h2', { 'data-i18n': 'audit.tamper', text: t('audit.tamper') }),
    el('p', { class: 'hint', 'data-i18n': 'audit.verifyHint', text: t('audit.verifyHint') }),
    el('div', { class: 'action-row' }, run), progress, result,
    el('h3', { 'data-i18n': 'audit.sealLatest', text: t('audit.sealLatest') }), seal);
  let last = null;

  function describe(p) {
    result.dataset.state = p.state;
    result.classList.toggle('error', p.state === 'BROKEN' || p.state === 'FAILED');
    if (p.state === 'RUNNING') return t('audit.verifyRunning', { done: p.sealsChecked, total: p.sealsTotal, events: p.eventsChecked });
    if (p.state === 'INTACT') return t('audit.verifyIntact', { position: p.intactThrough, events: p.eventsChecked });
    if (p.state === 'BROKEN') {
      const m = p.firstMismatch || {};
      return t('audit.verifyBroken', { position: m.position, reason: m.reason || '', seal: m.seal === undefined ? '' : m.seal });
    }
    return t('audit.verifyFailed', { reason: (p.firstMismatch && p.firstMismatch.reason) || '' });
  }

  function show(p) {
    last = p;
    progress.hidden = false;
    progress.max = Math.max(1, p.sealsTotal || 0);
    progress.value = p.state === 'RUNNING' ? p.sealsChecked : progress.max;
    result.textContent = describe(p);
  }

  async function follow(runId) {
    try {
      const p = await api('GET', '/api/audit/verify/' + encodeURIComponent(runId));
      show(p);
      if (p.state === 'RUNNING') setTimeout(() => follow(runId), FOLLOW_MS);
      else { run.disabled = false; latestSeal(); }
    } catch (e) {
      run.disabled = false;
      result.textContent = t('action.failed', { detail: problemText(e) });
      result.classList.add('error');
    }
  }

  run.addEventListener('click', async () => {
    run.disabled = true;
    result.classList.remove('error');
    result.textContent = t('audit.verifyStarting');
    try {
      const started = await api('POST', '/api/audit/verify');
      show(started);
      follow(started.runId);
    } catch (e) {
      run.disabled = false;
      result.textContent = t('action.failed', { detail: problemText(e) });
      result.classList.add('error');
    }
  });

  async function latestSeal() {
    try {
      const s = await api('GET', '/api/audit/seals/latest');
      seal.textContent = t('audit.seal', { number: s.number, from: s.from, to: s.to, at: formatTime(s.sealedAt), hash: s.hash });
    } catch (e) {
      seal.textContent = e.status === 404 ? t('audit.noSeal') : t('action.failed', { detail: problemText(e) });
    }
  }

  onChange(() => { if (last) result.textContent = describe(last); latestSeal(); });
  return { show: latestSeal };
}

