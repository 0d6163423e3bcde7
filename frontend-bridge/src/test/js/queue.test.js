import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './console.js';

const { queueOrder, applyQueueMessage, endedTasks } = await load('queue-state.js');
const { searchQuery, historyQuery } = await load('filters.js');

const item = (id, extra) => Object.assign({ taskId: id, status: 'ACKNOWLEDGED', priority: 'NORMAL',
  requestedAt: '2026-11-28T08:00:00Z', acknowledgeBy: '2026-11-28T08:10:00Z', action: 'do ' + id }, extra);

test('tasks awaiting acknowledgment come first, soonest deadline first; then by priority, critical first', () => {
  const items = [item('low', { priority: 'LOW' }), item('critical', { priority: 'CRITICAL' }),
    item('waiting-late', { status: 'REQUESTED', acknowledgeBy: '2026-11-28T08:20:00Z' }),
    item('waiting-soon', { status: 'ESCALATED', acknowledgeBy: '2026-11-28T08:05:00Z' }), item('normal')];
  assert.deepEqual(items.sort(queueOrder).map((i) => i.taskId),
    ['waiting-soon', 'waiting-late', 'critical', 'normal', 'low']);
});

test('a task new to the queue is reported as arrived; an update of a known one is not', () => {
  const snapshot = applyQueueMessage(new Map(), [item('a')], true);
  assert.equal(snapshot.arrived, null);
  const added = applyQueueMessage(snapshot.items, { item: item('b') }, false);
  assert.equal(added.arrived.taskId, 'b');
  const updated = applyQueueMessage(added.items, { item: item('b', { status: 'ON_SCENE' }) }, false);
  assert.equal(updated.arrived, null);
  assert.equal(updated.items.get('b').status, 'ON_SCENE');
  const removed = applyQueueMessage(updated.items, { removed: 'a' }, false);
  assert.deepEqual(Array.from(removed.items.keys()), ['b']);
  assert.equal(snapshot.items.size, 1, 'earlier states are left as they were');
});

test('recently ended tasks: only ended ones, newest first, at most the limit', () => {
  const tasks = [{ id: 'open', status: 'REQUESTED', lastChangedAt: '2026-11-28T09:00:00Z' },
    { id: 'old', status: 'COMPLETED', endedAt: '2026-11-28T07:00:00Z' },
    { id: 'new', status: 'DECLINED', endedAt: '2026-11-28T08:00:00Z' },
    { id: 'cancelled', status: 'CANCELLED', lastChangedAt: '2026-11-28T07:30:00Z' }];
  assert.deepEqual(endedTasks(tasks, 20).map((t) => t.id), ['new', 'cancelled', 'old']);
  assert.deepEqual(endedTasks(tasks, 1).map((t) => t.id), ['new']);
});

test('search and history queries leave blank fields out', () => {
  assert.equal(searchQuery({ number: '  20261128-0042 ', type: '', from: '2026-11-01', to: '' }).toString(),
    'number=20261128-0042&from=2026-11-01');
  assert.equal(searchQuery({}).toString(), '');
  const history = historyQuery({ type: 'TaskAcknowledged', from: '2026-11-28T08:00:00.000Z', to: 'not a time' });
  assert.equal(history.get('type'), 'TaskAcknowledged');
  assert.equal(history.get('from'), '2026-11-28T08:00:00.000Z');
  assert.equal(history.has('to'), false);
});
