/* Pure formatting of times and durations (no DOM, no clock of its own: callers pass "now"). */

/** A duration as m:ss or h:mm:ss, sign dropped (the caller says "left" or "overdue"). */
export function formatDuration(ms) {
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600), m = Math.floor((total % 3600) / 60), s = total % 60;
  const pad = (n) => String(n).padStart(2, '0');
  return (h > 0 ? h + ':' + pad(m) : String(m)) + ':' + pad(s);
}

/**
 * An instant in the reader's language, to the second, on a 24-hour clock (h23: midnight is 00, not 24). timeZone is
 * the reader's own unless given (the tests give one). null for no instant: the caller shows its "none" text.
 */
export function formatInstant(iso, lang, timeZone) {
  if (!iso) return null;
  const date = new Date(iso);
  if (isNaN(date.getTime())) return String(iso);
  return date.toLocaleString(lang, { hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: timeZone });
}

/** What a countdown to a deadline shows at nowMs: the message key, the time, and its state (for colour). */
export function countdownState(deadlineIso, nowMs) {
  const left = Date.parse(deadlineIso) - nowMs;
  return { key: left >= 0 ? 'task.left' : 'task.overdue', time: formatDuration(left),
    overdue: left < 0, soon: left >= 0 && left < 60000 };
}

/**
 * An instant as the value of a datetime-local input with step 0.001 (the reader's local time, to the millisecond:
 * events of one command are milliseconds apart, and an instant between them must be expressible).
 */
export function localInputValue(ms) {
  const d = new Date(ms);
  const pad = (n, w) => String(n).padStart(w || 2, '0');
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T' + pad(d.getHours()) + ':'
    + pad(d.getMinutes()) + ':' + pad(d.getSeconds()) + '.' + pad(d.getMilliseconds(), 3);
}

/** A date as yyyy-mm-dd in local time (the value of a date input). */
export function isoDay(date) {
  return date.getFullYear() + '-' + String(date.getMonth() + 1).padStart(2, '0') + '-'
    + String(date.getDate()).padStart(2, '0');
}
