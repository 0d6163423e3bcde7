/* Starts the console: who is signed in decides the view (operator/admin: board; liaison: queue; auditor: history). */
import { api, problemText } from './api.js';
import { t, label, language, setLanguage, onChange, apply } from './i18n.js';
import { unlockAudio, beep } from './common.js';
import { showAlert, soundOn, setSound } from './alerts.js';
import { onState, connectionState, start as startLive } from './live.js';
import { watchStore } from './store-status.js';
import { createBoard } from './board.js';
import { createQueue } from './queue.js';
import { createAuditor } from './auditor.js';
import { createDepartments } from './departments.js';
import { createProjections } from './projections.js';

function setupHeader(user) {
  const lang = document.getElementById('lang');
  lang.value = language();
  lang.addEventListener('change', () => setLanguage(lang.value));
  onChange((next) => { lang.value = next; });
  const who = document.getElementById('who');
  const relabel = () => {
    who.textContent = user.username + ' · ' + label('role', user.role)
      + (user.department ? ' · ' + label('dept', user.department) : '');
  };
  relabel();
  onChange(relabel);
  document.getElementById('alert-dismiss').addEventListener('click', () => {
    document.getElementById('alert').hidden = true;
  });

  const soundButton = document.getElementById('sound');
  const relabelSound = () => {
    soundButton.textContent = t(soundOn() ? 'nav.soundOn' : 'nav.soundOff');
    soundButton.setAttribute('aria-pressed', String(soundOn()));
  };
  soundButton.addEventListener('click', () => {
    setSound(!soundOn());
    if (soundOn()) { unlockAudio(); beep(); }
    relabelSound();
  });
  relabelSound();
  onChange(relabelSound);

  const conn = document.getElementById('connection');
  const relabelConn = () => {
    conn.textContent = t('conn.' + connectionState());
    conn.dataset.state = connectionState();
  };
  onState(relabelConn);
  onChange(relabelConn);
}

async function setupDrillButton(board) {
  const button = document.getElementById('play-drill');
  try {
    await api('GET', '/api/demo/drills');
  } catch (e) {
    return;   // not the demo profile: no drill button
  }
  button.hidden = false;
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const started = await api('POST', '/api/demo/drills/gas-leak');
      showAlert('nav.drillStarted', { number: started.number }, () => board.select(started.incidentId));
      board.select(started.incidentId);
    } catch (e) {
      showAlert('action.failed', { detail: problemText(e) });
    } finally {
      setTimeout(() => { button.disabled = false; }, 3000);
    }
  });
}

async function start() {
  apply(document);
  const user = await api('GET', '/api/me');
  setupHeader(user);
  watchStore();
  const main = document.getElementById('main');
  let view;
  if (user.role === 'OPERATOR' || user.role === 'ADMIN') {
    view = 'board';
    if (user.role === 'ADMIN') {
      const admin = document.getElementById('admin');
      createDepartments(admin);
      createProjections(admin);
    }
    const board = createBoard(main);
    document.getElementById('sound').hidden = false;
    setupDrillButton(board);
  } else if (user.role === 'LIAISON') {
    view = 'queue';
    createQueue(main, user);
    document.getElementById('sound').hidden = false;
  } else {
    view = 'auditor';
    createAuditor(main);
  }
  document.body.dataset.view = view;
  const viewTitle = document.getElementById('view-title');
  viewTitle.dataset.i18n = 'view.' + view;
  viewTitle.textContent = t('view.' + view);
  startLive();
}

start().catch((e) => { console.error(e); });
