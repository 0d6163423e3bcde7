/*
 * A liaison's queue, its pure part: how a live message changes the open tasks, their order (awaiting acknowledgment
 * first, soonest deadline first; then priority; then newest), and which ended tasks are shown.
 */
import { PRIORITY_RANK } from './domain.js';

export const AWAITING = ['REQUESTED', 'ESCALATED'];
export const ENDED = ['COMPLETED', 'DECLINED', 'CANCELLED'];

export function queueOrder(a, b) {
  const waitingA = AWAITING.includes(a.status) ? 0 : 1, waitingB = AWAITING.includes(b.status) ? 0 : 1;
  if (waitingA !== waitingB) return waitingA - waitingB;
  if (waitingA === 0) {
    const deadline = Date.parse(a.acknowledgeBy) - Date.parse(b.acknowledgeBy);
    if (deadline) return deadline;
  }
  const rank = (p) => (PRIORITY_RANK[p] === undefined ? 9 : PRIORITY_RANK[p]);
  const priority = rank(a.priority) - rank(b.priority);
  if (priority) return priority;
  return Date.parse(b.requestedAt) - Date.parse(a.requestedAt);
}

/** items: Map taskId → queue item. Answers the next map and whether a task arrived (it deserves an alert). */
export function applyQueueMessage(items, message, isSnapshot) {
  if (isSnapshot) return { items: new Map(message.map((item) => [item.taskId, item])), arrived: null };
  const next = new Map(items);
  if (message.removed) {
    next.delete(message.removed);
    return { items: next, arrived: null };
  }
  if (!message.item) return { items: items, arrived: null };
  const isNew = !items.has(message.item.taskId);
  next.set(message.item.taskId, message.item);
  return { items: next, arrived: isNew ? message.item : null };
}

/** The most recently ended tasks of GET /api/tasks, newest first. */
export function endedTasks(tasks, limit) {
  const when = (task) => Date.parse(task.endedAt || task.lastChangedAt);
  return tasks.filter((task) => ENDED.includes(task.status)).sort((a, b) => when(b) - when(a)).slice(0, limit || 20);
}
