/*
 * The alert line under the header (and a beep when sound is on). The key and its parameters are kept, so the line is
 * translated again when the language changes; parameters given as [kind, value] pairs are enum labels.
 */
import { t, label, onChange } from './i18n.js';
import { beep } from './common.js';

let lastAlert = null;
let sound = false;

export const soundOn = () => sound;
export function setSound(on) { sound = !!on; }

/** The parameters with every [kind, value] pair replaced by its label in the current language. */
export function translatedParams(params) {
  const out = {};
  Object.entries(params || {}).forEach(([name, value]) => {
    out[name] = Array.isArray(value) ? label(value[0], value[1]) : value;
  });
  return out;
}

export function showAlert(key, params, onOpen) {
  lastAlert = { key: key, params: params };
  const box = document.getElementById('alert');
  box.hidden = false;
  box.classList.remove('flash');
  void box.offsetWidth;   // restart the flash animation
  box.classList.add('flash');
  document.getElementById('alert-text').textContent = t(key, translatedParams(params));
  box.onclick = (e) => { if (e.target.id !== 'alert-dismiss' && onOpen) onOpen(); };
  if (sound) beep();
}

onChange(() => {
  if (!lastAlert) return;
  document.getElementById('alert-text').textContent = t(lastAlert.key, translatedParams(lastAlert.params));
});
