/* Widgets and timing every view uses: server-corrected clock, countdowns, the one-second ticker, beep, selects. */
import { el, clear } from './dom.js';
import { t, label, language, onChange } from './i18n.js';
import { ENUMS } from './domain.js';
import { countdownState, formatInstant } from './format.js';

/** Server time estimated from the live feed's message timestamps, so countdowns do not trust the PC's clock. */
let clockOffset = 0;
export function observeServerTime(iso) {
  const at = Date.parse(iso);
  if (!isNaN(at)) clockOffset = at - Date.now();
}
export const now = () => Date.now() + clockOffset;

/** An instant in the reader's language and time zone; "—" for none. */
export const formatTime = (iso) => formatInstant(iso, language()) || t('common.none');

/** An element that counts down to a deadline; refreshed every second by the ticker below. */
export function countdown(deadlineIso) {
  const node = el('span', { class: 'countdown', dataset: { deadline: deadlineIso } });
  refreshCountdown(node);
  return node;
}

function refreshCountdown(node) {
  const state = countdownState(node.dataset.deadline, now());
  node.textContent = t(state.key, { t: state.time });
  node.classList.toggle('overdue', state.overdue);
  node.classList.toggle('soon', state.soon);
}

const tickers = [];
export const onTick = (tick) => { tickers.push(tick); };
setInterval(() => {
  document.querySelectorAll('.countdown[data-deadline]').forEach(refreshCountdown);
  tickers.forEach((tick) => tick());
}, 1000);

/** A short two-tone beep made with WebAudio; no sound file needed. */
let audio = null;
export function unlockAudio() {
  const Context = window.AudioContext || window.webkitAudioContext;
  if (!audio && Context) audio = new Context();
  if (audio && audio.state === 'suspended') audio.resume();
}
export function beep() {
  if (!audio) return;
  [0, 0.25].forEach((offset, i) => {
    const osc = audio.createOscillator(), gain = audio.createGain();
    osc.type = 'square';
    osc.frequency.value = i === 0 ? 880 : 660;
    gain.gain.setValueAtTime(0.08, audio.currentTime + offset);
    gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + offset + 0.22);
    osc.connect(gain).connect(audio.destination);
    osc.start(audio.currentTime + offset);
    osc.stop(audio.currentTime + offset + 0.23);
  });
}

/** A select of enum values with translated labels; relabelled when the language changes. */
export function enumSelect(kind, attributes, withEmpty) {
  const select = el('select', attributes);
  const refill = () => {
    const current = select.value;
    clear(select);
    if (withEmpty) select.appendChild(el('option', { value: '', text: withEmpty === true ? '' : t(withEmpty) }));
    ENUMS[kind].forEach((value) => select.appendChild(el('option', { value: value, text: label(kind, value) })));
    if (current) select.value = current;
  };
  refill();
  onChange(refill);
  return select;
}

export function severityBadge(severity) {
  return el('span', { class: 'badge sev sev-' + (severity || 'UNKNOWN'), text: label('severity', severity) });
}

/**
 * Wraps an async loader so a burst of calls (a dragged slider fires dozens per second) makes one request after
 * the burst settles, aborts the one still in flight, and only the newest answer reaches onResult.
 */
export function settled(load, onResult, onError, delayMs) {
  let timer = null;
  let controller = null;
  let generation = 0;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      if (controller) controller.abort();
      controller = new AbortController();
      const mine = ++generation;
      try {
        const result = await load(controller.signal, ...args);
        if (mine === generation) onResult(result, ...args);
      } catch (e) {
        if (mine === generation && e.name !== 'AbortError') onError(e, ...args);
      }
    }, delayMs === undefined ? 250 : delayMs);
  };
}
