import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './console.js';

const { projectionRow, progressOf, withAnswer, sortedProjections } = await load('projections-state.js');

// Fixtures shaped as GET /api/admin/projections answers (the contract the admin endpoint is built to).
const live = { name: 'incidents', position: 1234, head: 1240, lag: 6, state: 'LIVE', generation: 1, rebuild: null };
const rebuilding = { name: 'incidents', position: 1240, head: 1240, lag: 0, state: 'REBUILDING', generation: 1,
  rebuild: { generation: 2, startedAt: '2026-11-28T08:00:00Z', done: 500, total: 1240, eventsPerSecond: 812.5,
    etaSeconds: 0.9 } };
const tasks = { name: 'tasks', position: 1240, head: 1240, lag: 0, state: 'LIVE', generation: 3, rebuild: null };

test('a live projection shows its position against the head and its lag, and no progress', () => {
  const row = projectionRow(live);
  assert.equal(row.rebuilding, false);
  assert.equal(row.lag, 6);
  assert.equal(row.progress, null);
  assert.equal(row.toGeneration, null);
  assert.equal(row.eta, null);
});

test('a rebuild shows done of total, percent, rate and time left, and the generation it builds', () => {
  const row = projectionRow(rebuilding);
  assert.equal(row.rebuilding, true);
  assert.deepEqual(row.progress, { done: 500, total: 1240, percent: 40 });
  assert.equal(row.rate, 813);
  assert.equal(row.eta, '0:01');
  assert.equal(row.toGeneration, 2);
});

test('progress stays within the bar even when the numbers are odd', () => {
  assert.deepEqual(progressOf({ done: 10, total: 0 }), { done: 0, total: 0, percent: 0 });
  assert.deepEqual(progressOf({ done: 1300, total: 1240 }), { done: 1240, total: 1240, percent: 100 });
  assert.deepEqual(progressOf({ done: -3, total: 10 }), { done: 0, total: 10, percent: 0 });
  assert.equal(progressOf(null), null);
});

test('a lag left out is worked out from position and head', () => {
  assert.equal(projectionRow({ name: 'x', position: 90, head: 100, state: 'LIVE', generation: 1 }).lag, 10);
});

test('the replay answer replaces its projection in the table at once (before the next refresh)', () => {
  const list = [tasks, live];
  const next = withAnswer(list, rebuilding);
  assert.deepEqual(next.map((p) => p.state), ['LIVE', 'REBUILDING']);
  assert.equal(list[1].state, 'LIVE', 'the old list is left as it was');
  assert.deepEqual(withAnswer([], rebuilding).map((p) => p.name), ['incidents']);
  assert.equal(withAnswer(list, null), list);
  assert.deepEqual(sortedProjections(next).map((p) => p.name), ['incidents', 'tasks']);
});
