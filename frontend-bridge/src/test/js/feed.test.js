import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './console.js';

const { nextStep } = await load('feed.js');
const { emptyBoard, applySnapshot, applyDelta } = await load('board-state.js');

const frame = (kind, version, payload) => ({ kind: kind, version: version, payload: payload });
const row = (id, extra) => Object.assign({ id: id, number: '20261128-000' + id, severity: 'MODERATE',
  status: 'REPORTED',
  type: 'GAS_LEAK', summary: 'smell', reportedAt: '2026-11-28T08:00:00Z', tasks: [], escalatedTasks: 0 }, extra);

/** Feeds STOMP message bodies through the feed's rule into the board, as the console does. */
function play(messages, nowMs) {
  let version = null;
  let board = emptyBoard();
  const steps = [];
  const alerts = [];
  for (const message of messages) {
    const next = nextStep(version, message);
    version = next.version;
    steps.push(next.step);
    const result = next.step === 'snapshot' ? applySnapshot(board, message.payload, nowMs)
      : next.step === 'delta' ? applyDelta(board, message.payload, nowMs) : null;
    if (result) { board = result.state; alerts.push(...result.alerts); }
  }
  return { board: board, steps: steps, alerts: alerts, version: version };
}

test('a snapshot then deltas numbered one by one build the board', () => {
  const r = play([frame('SNAPSHOT', 7, [row('1')]), frame('DELTA', 8, { row: row('2') }),
    frame('DELTA', 9, { row: row('1', { status: 'CONFIRMED' }) })], 0);
  assert.deepEqual(r.steps, ['snapshot', 'delta', 'delta']);
  assert.deepEqual(Array.from(r.board.rows.keys()).sort(), ['1', '2']);
  assert.equal(r.board.rows.get('1').status, 'CONFIRMED');
  assert.equal(r.version, 9);
});

test('a removal takes the incident off the board', () => {
  const r = play([frame('SNAPSHOT', 1, [row('1'), row('2')]), frame('DELTA', 2, { removed: '1' })], 0);
  assert.deepEqual(Array.from(r.board.rows.keys()), ['2']);
});

test('a delta the snapshot already has is dropped, and so is one before any snapshot', () => {
  const r = play([frame('DELTA', 4, { row: row('9') }), frame('SNAPSHOT', 5, [row('1')]),
    frame('DELTA', 5, { row: row('1', { status: 'CLOSED' }) })], 0);
  assert.deepEqual(r.steps, ['drop', 'snapshot', 'drop']);
  assert.equal(r.board.rows.get('1').status, 'REPORTED');
  assert.equal(r.board.rows.has('9'), false);
});

test('a gap means a message was missed: nothing more is applied until a fresh snapshot', () => {
  const r = play([frame('SNAPSHOT', 1, [row('1')]), frame('DELTA', 3, { row: row('3') }),
    frame('DELTA', 4, { row: row('4') }), frame('SNAPSHOT', 4, [row('1'), row('3'), row('4')])], 0);
  assert.deepEqual(r.steps, ['snapshot', 'resubscribe', 'drop', 'snapshot']);
  assert.deepEqual(Array.from(r.board.rows.keys()).sort(), ['1', '3', '4']);
});

test('a new SEVERE incident alerts, but not those already there when the console opened', () => {
  const r = play([frame('SNAPSHOT', 1, [row('1', { severity: 'EXTREME' })]),
    frame('DELTA', 2, { row: row('2', { severity: 'SEVERE' }) }),
    frame('DELTA', 3, { row: row('3', { severity: 'MINOR' }) })], 0);
  assert.deepEqual(r.alerts.map((a) => [a.key, a.incidentId]), [['alert.severe', '2']]);
  assert.deepEqual(r.alerts[0].params, { severity: ['severity', 'SEVERE'], number: '20261128-0002' });
});

test('after a reconnect, an incident new in the fresh snapshot still alerts', () => {
  const r = play([frame('SNAPSHOT', 1, [row('1')]),
    frame('SNAPSHOT', 1, [row('1'), row('2', { severity: 'SEVERE' })])], 0);
  assert.deepEqual(r.alerts.map((a) => a.incidentId), ['2']);
});

test('an escalation alerts once, when the count rises', () => {
  const r = play([frame('SNAPSHOT', 1, [row('1')]), frame('DELTA', 2, { row: row('1', { escalatedTasks: 1 }) }),
    frame('DELTA', 3, { row: row('1', { escalatedTasks: 1, summary: 'edited' }) })], 0);
  assert.deepEqual(r.alerts.map((a) => a.key), ['alert.escalated']);
});
