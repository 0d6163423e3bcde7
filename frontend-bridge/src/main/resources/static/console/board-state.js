/*
 * The operator board's state and how live messages change it (pure: the board view renders from it). rows: the
 * active incidents by id; seen: the overdue and escalated counts last seen per incident, so an alert fires when a
 * number rises (something new went wrong), not on every update. Overdue counts depend on time passing, which is not
 * an event: tick() recomputes them.
 */
import { SEVERITY_RANK } from './domain.js';

export const emptyBoard = () => ({ rows: new Map(), seen: new Map(), snapshotApplied: false });

/** Tasks still awaiting acknowledgment whose deadline has passed at nowMs. */
export function overdueOf(row, nowMs) {
  return (row.tasks || []).filter((task) => (task.status === 'REQUESTED' || task.status === 'ESCALATED')
    && task.acknowledgeBy && Date.parse(task.acknowledgeBy) < nowMs).length;
}

/**
 * The alert a row deserves compared with what was seen of it before, or null. New SEVERE/EXTREME incidents, more
 * overdue tasks, more escalated tasks; nothing before the first snapshot (the console was just opened).
 */
function alertFor(row, isNew, before, snapshotApplied, overdue) {
  if (!snapshotApplied) return null;
  const at = { incidentId: row.id };
  if (isNew && (row.severity === 'SEVERE' || row.severity === 'EXTREME')) {
    return Object.assign(at, { key: 'alert.severe',
      params: { severity: ['severity', row.severity], number: row.number } });
  }
  if (overdue > before.overdue) {
    return Object.assign(at, { key: 'alert.overdue', params: { number: row.number, n: overdue } });
  }
  if ((row.escalatedTasks || 0) > before.escalated) {
    return Object.assign(at, { key: 'alert.escalated', params: { number: row.number } });
  }
  return null;
}

function observe(state, seen, row, isNew, nowMs, alerts) {
  const overdue = overdueOf(row, nowMs);
  const alert = alertFor(row, isNew, seen.get(row.id) || { overdue: 0, escalated: 0 }, state.snapshotApplied, overdue);
  if (alert) alerts.push(alert);
  seen.set(row.id, { overdue: overdue, escalated: row.escalatedTasks || 0 });
}

/** A snapshot replaces every row; after a reconnect, incidents new since the last snapshot still alert. */
export function applySnapshot(state, payload, nowMs) {
  const rows = new Map(payload.map((row) => [row.id, row]));
  const seen = new Map(state.seen);
  const alerts = [];
  payload.forEach((row) => observe(state, seen, row, state.snapshotApplied && !state.rows.has(row.id), nowMs, alerts));
  return { state: { rows: rows, seen: seen, snapshotApplied: true }, alerts: alerts };
}

/** A delta: {row} added or changed, or {removed: id} (closed, cancelled or merged). */
export function applyDelta(state, change, nowMs) {
  const rows = new Map(state.rows);
  const seen = new Map(state.seen);
  const alerts = [];
  if (change.removed) {
    rows.delete(change.removed);
    seen.delete(change.removed);
  } else if (change.row) {
    const isNew = !rows.has(change.row.id);
    rows.set(change.row.id, change.row);
    observe(state, seen, change.row, isNew, nowMs, alerts);
  } else {
    return { state: state, alerts: alerts };
  }
  return { state: Object.assign({}, state, { rows: rows, seen: seen }), alerts: alerts };
}

/** A second passed: rows whose overdue count changed are observed again (state is unchanged when none did). */
export function tick(state, nowMs) {
  const changed = Array.from(state.rows.values())
    .filter((row) => overdueOf(row, nowMs) !== ((state.seen.get(row.id) || {}).overdue || 0));
  if (!changed.length) return { state: state, alerts: [] };
  const seen = new Map(state.seen);
  const alerts = [];
  changed.forEach((row) => observe(state, seen, row, false, nowMs, alerts));
  return { state: Object.assign({}, state, { seen: seen }), alerts: alerts };
}

export const SORTS = ['severity', 'age', 'overdue'];

/** The rows in the order the operator chose; ties broken by the other criteria, then newest first. */
export function sortRows(rows, sortBy, nowMs) {
  const age = (a, b) => Date.parse(b.reportedAt) - Date.parse(a.reportedAt);
  const bySeverity = (a, b) => (SEVERITY_RANK[b.severity] || 0) - (SEVERITY_RANK[a.severity] || 0);
  const attention = (row) => overdueOf(row, nowMs) + (row.escalatedTasks || 0);
  const byOverdue = (a, b) => attention(b) - attention(a);
  const order = { severity: [bySeverity, byOverdue, age], age: [age], overdue: [byOverdue, bySeverity, age] }[sortBy]
    || [bySeverity, byOverdue, age];
  return Array.from(rows).sort((a, b) => {
    for (const compare of order) { const r = compare(a, b); if (r) return r; }
    return 0;
  });
}

/** Filters the board rows: by type, severity and status (each a list, empty = any), and drills shown or not. */
export function filterRows(rows, filter) {
  const f = filter || {};
  const within = (list, value) => !list || !list.length || list.includes(value);
  return Array.from(rows).filter((row) => within(f.types, row.type) && within(f.severities, row.severity)
    && within(f.statuses, row.status) && (f.drills !== false || !row.drill));
}
