import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './console.js';

const { emptyBoard, applySnapshot, tick, overdueOf, sortRows, filterRows } = await load('board-state.js');

const T0 = Date.parse('2026-11-28T08:00:00Z');
const at = (seconds) => new Date(T0 + seconds * 1000).toISOString();
const task = (status, deadlineSeconds) => ({ status: status, acknowledgeBy: at(deadlineSeconds) });
const row = (id, extra) => Object.assign({ id: id, number: 'N' + id, severity: 'MODERATE', status: 'REPORTED',
  type: 'FIRE',
  reportedAt: at(0), tasks: [], escalatedTasks: 0, drill: false }, extra);

test('only tasks still awaiting acknowledgment past their deadline are overdue', () => {
  const r = row('1', { tasks: [task('REQUESTED', 60), task('ESCALATED', 30), task('ACKNOWLEDGED', 10),
    task('REQUESTED', 600)] });
  assert.equal(overdueOf(r, T0 + 61000), 2);
  assert.equal(overdueOf(r, T0 + 31000), 1);
  assert.equal(overdueOf(r, T0), 0);
});

test('time passing makes a task overdue: the tick alerts once and then stays quiet', () => {
  const board = applySnapshot(emptyBoard(), [row('1', { tasks: [task('REQUESTED', 60)] })], T0).state;
  const before = tick(board, T0 + 59000);
  assert.equal(before.state, board, 'nothing changed yet');
  const missed = tick(board, T0 + 61000);
  assert.deepEqual(missed.alerts.map((a) => [a.key, a.params.n]), [['alert.overdue', 1]]);
  assert.deepEqual(tick(missed.state, T0 + 62000).alerts, []);
});

test('sorting by severity puts the worst first, then the one needing attention, then the newest', () => {
  const rows = [row('minor', { severity: 'MINOR' }), row('severe-old', { severity: 'SEVERE', reportedAt: at(-100) }),
    row('severe-new', { severity: 'SEVERE', reportedAt: at(10) }),
    row('severe-escalated', { severity: 'SEVERE', reportedAt: at(-200), escalatedTasks: 1 })];
  assert.deepEqual(sortRows(rows, 'severity', T0).map((r) => r.id),
    ['severe-escalated', 'severe-new', 'severe-old', 'minor']);
  assert.deepEqual(sortRows(rows, 'age', T0).map((r) => r.id),
    ['severe-new', 'minor', 'severe-old', 'severe-escalated']);
  const overdue = row('minor-overdue', { severity: 'MINOR', tasks: [task('REQUESTED', -5)] });
  assert.equal(sortRows(rows.concat([overdue]), 'overdue', T0)[0].id, 'severe-escalated');
  assert.equal(sortRows(rows.concat([overdue]), 'overdue', T0)[1].id, 'minor-overdue');
});

test('filters keep rows of the chosen types and severities, and hide drills when asked', () => {
  const rows = [row('fire'), row('gas', { type: 'GAS_LEAK', severity: 'SEVERE' }), row('drill', { drill: true })];
  assert.deepEqual(filterRows(rows, {}).map((r) => r.id), ['fire', 'gas', 'drill']);
  assert.deepEqual(filterRows(rows, { types: ['FIRE'] }).map((r) => r.id), ['fire', 'drill']);
  assert.deepEqual(filterRows(rows, { severities: ['SEVERE'] }).map((r) => r.id), ['gas']);
  assert.deepEqual(filterRows(rows, { types: ['FIRE'], drills: false }).map((r) => r.id), ['fire']);
  assert.deepEqual(filterRows(rows, { statuses: ['CONFIRMED'] }), []);
});
