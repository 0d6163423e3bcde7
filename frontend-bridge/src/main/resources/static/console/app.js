/* Starts the console: who is signed in decides the view (operator/admin: board; liaison: queue; auditor: history). */
(function () {
  'use strict';
  const { el, api, t, label } = window.Beacon;
  let sound = false;

  let lastAlert = null;
  const alerts = {
    /** key and params are translated now and again whenever the language changes. */
    show(key, params, onOpen) {
      lastAlert = { key: key, params: params };
      const box = document.getElementById('alert');
      box.hidden = false;
      box.classList.remove('flash');
      void box.offsetWidth;   // restart the flash animation
      box.classList.add('flash');
      document.getElementById('alert-text').textContent = t(key, translatedParams(params));
      box.onclick = (e) => { if (e.target.id !== 'alert-dismiss' && onOpen) onOpen(); };
      if (sound) Beacon.beep();
    }
  };
  /** Parameters given as [kind, value] pairs are enum labels, translated like the rest of the line. */
  function translatedParams(params) {
    const out = {};
    Object.entries(params || {}).forEach(([name, value]) => { out[name] = Array.isArray(value) ? label(value[0], value[1]) : value; });
    return out;
  }
  BeaconI18n.onChange(() => {
    if (lastAlert) document.getElementById('alert-text').textContent = t(lastAlert.key, translatedParams(lastAlert.params));
  });
  window.BeaconApp = { alert: alerts.show };

  function setupHeader(user) {
    const lang = document.getElementById('lang');
    lang.value = BeaconI18n.language();
    lang.addEventListener('change', () => BeaconI18n.setLanguage(lang.value));
    BeaconI18n.onChange((next) => { lang.value = next; });
    const who = document.getElementById('who');
    const relabel = () => {
      who.textContent = user.username + ' · ' + label('role', user.role) + (user.department ? ' · ' + label('dept', user.department) : '');
    };
    relabel();
    BeaconI18n.onChange(relabel);
    document.getElementById('alert-dismiss').addEventListener('click', () => { document.getElementById('alert').hidden = true; });

    const soundButton = document.getElementById('sound');
    const relabelSound = () => {
      soundButton.textContent = t(sound ? 'nav.soundOn' : 'nav.soundOff');
      soundButton.setAttribute('aria-pressed', String(sound));
    };
    soundButton.addEventListener('click', () => { sound = !sound; if (sound) { Beacon.unlockAudio(); Beacon.beep(); } relabelSound(); });
    relabelSound();
    BeaconI18n.onChange(relabelSound);

    const conn = document.getElementById('connection');
    const relabelConn = () => { conn.textContent = t('conn.' + BeaconLive.state()); conn.dataset.state = BeaconLive.state(); };
    BeaconLive.onState(relabelConn);
    BeaconI18n.onChange(relabelConn);
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
        alerts.show('nav.drillStarted', { number: started.number }, () => board.select(started.incidentId));
        board.select(started.incidentId);
      } catch (e) {
        alerts.show('action.failed', { detail: Beacon.problemText(e) });
      } finally {
        setTimeout(() => { button.disabled = false; }, 3000);
      }
    });
  }

  async function start() {
    BeaconI18n.apply(document);
    const user = await api('GET', '/api/me');
    setupHeader(user);
    const main = document.getElementById('main');
    let view;
    if (user.role === 'OPERATOR' || user.role === 'ADMIN') {
      view = 'board';
      if (user.role === 'ADMIN') BeaconDepartments.create(document.getElementById('admin'));
      const board = BeaconBoard.create(main, user);
      document.getElementById('sound').hidden = false;
      setupDrillButton(board);
    } else if (user.role === 'LIAISON') {
      view = 'queue';
      BeaconQueue.create(main, user);
      document.getElementById('sound').hidden = false;
    } else {
      view = 'auditor';
      BeaconAuditor.create(main);
    }
    document.body.dataset.view = view;
    const viewTitle = document.getElementById('view-title');
    viewTitle.dataset.i18n = 'view.' + view;
    viewTitle.textContent = t('view.' + view);
    BeaconLive.start();
  }

  document.addEventListener('DOMContentLoaded', () => { start().catch((e) => { console.error(e); }); });
})();
