import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './console.js';

const { formatDuration, formatInstant, countdownState, isoDay } = await load('format.js');

test('durations read m:ss under an hour and h:mm:ss above, whatever their sign', () => {
  assert.equal(formatDuration(0), '0:00');
  assert.equal(formatDuration(59999), '0:59');
  assert.equal(formatDuration(65000), '1:05');
  assert.equal(formatDuration(-65000), '1:05');
  assert.equal(formatDuration(3600000 + 62000), '1:01:02');
});

test('an instant reads in English and in Chinese, on a 24-hour clock in the given time zone', () => {
  const iso = '2026-11-28T08:05:09Z';
  assert.equal(formatInstant(iso, 'en', 'UTC'), '11/28/2026, 08:05:09');
  assert.equal(formatInstant(iso, 'zh-CN', 'UTC'), '2026/11/28 08:05:09');
  assert.equal(formatInstant(iso, 'zh-CN', 'Asia/Shanghai'), '2026/11/28 16:05:09');
  assert.equal(formatInstant(iso, 'en', 'America/New_York'), '11/28/2026, 03:05:09');
});

test('midnight is 00, not 24', () => {
  assert.equal(formatInstant('2026-11-28T16:00:00Z', 'zh-CN', 'Asia/Shanghai'), '2026/11/29 00:00:00');
  assert.equal(formatInstant('2026-11-29T00:00:30Z', 'en', 'UTC'), '11/29/2026, 00:00:30');
});

test('no instant gives null (the caller shows its "none"); a bad one is shown as it came', () => {
  assert.equal(formatInstant(null, 'en'), null);
  assert.equal(formatInstant('', 'zh-CN'), null);
  assert.equal(formatInstant('yesterday', 'en'), 'yesterday');
});

test('a countdown says what is left, then how long overdue, and is "soon" in its last minute', () => {
  const deadline = '2026-11-28T08:10:00Z';
  const at = (iso) => Date.parse(iso);
  assert.deepEqual(countdownState(deadline, at('2026-11-28T08:05:00Z')),
    { key: 'task.left', time: '5:00', overdue: false, soon: false });
  assert.deepEqual(countdownState(deadline, at('2026-11-28T08:09:30Z')),
    { key: 'task.left', time: '0:30', overdue: false, soon: true });
  assert.deepEqual(countdownState(deadline, at('2026-11-28T08:12:05Z')),
    { key: 'task.overdue', time: '2:05', overdue: true, soon: false });
});

test('a date input value is the local day', () => {
  assert.equal(isoDay(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
});
