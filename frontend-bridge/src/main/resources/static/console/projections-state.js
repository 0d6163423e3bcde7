/*
 * The administrators' projections table, its pure part (GET /api/admin/projections, POST …/{name}/replay): each
 * projection's position against the store's head, its lag and state, and while it is rebuilt how far the rebuild
 * has come. A projection being rebuilt keeps answering from its current generation until the new one is live.
 */
import { formatDuration } from './format.js';

export const REBUILDING = 'REBUILDING';

/** A rebuild's progress as a bar shows it: done of total, whole percent (0 when the total is not known yet). */
export function progressOf(rebuild) {
  if (!rebuild) return null;
  const total = Math.max(0, Number(rebuild.total) || 0);
  const done = Math.min(Math.max(0, Number(rebuild.done) || 0), total);
  return { done: done, total: total, percent: total > 0 ? Math.floor((done * 100) / total) : 0 };
}

/** What one row of the table shows (numbers as numbers; the view formats them). */
export function projectionRow(p) {
  const rebuild = p.state === REBUILDING || p.rebuild ? p.rebuild || null : null;
  return {
    name: p.name, state: p.state, position: p.position, head: p.head,
    lag: p.lag !== undefined && p.lag !== null ? p.lag : Math.max(0, (p.head || 0) - (p.position || 0)),
    generation: p.generation,
    rebuilding: p.state === REBUILDING,
    progress: progressOf(rebuild),
    rate: rebuild && typeof rebuild.eventsPerSecond === 'number' ? Math.round(rebuild.eventsPerSecond) : null,
    eta: rebuild && typeof rebuild.etaSeconds === 'number'
      ? formatDuration(Math.round(rebuild.etaSeconds) * 1000) : null,
    toGeneration: rebuild ? rebuild.generation : null
  };
}

/** The list with the replay's answer (the projection as it stands now) in place of its old entry. */
export function withAnswer(list, answer) {
  if (!answer || !answer.name) return list;
  const found = list.some((p) => p.name === answer.name);
  return found ? list.map((p) => (p.name === answer.name ? answer : p)) : list.concat([answer]);
}

/** Sorted by name, so rows do not jump between refreshes. */
export const sortedProjections = (list) => Array.from(list || []).sort((a, b) => String(a.name).localeCompare(b.name));
