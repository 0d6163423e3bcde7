/*
 * Timeline lines in the reader's language. Each line has the event's kind and an English text; the kind picks the
 * translation, and the details (department, reason, note …) are taken from the English text, whose shape the
 * read model fixes (TimelineText). A line whose text does not have the expected shape is shown as it is.
 * What a liaison may not see arrives already redacted (LiaisonRedaction): a note reads "Internal note", a source
 * reference "[withheld]", the reporter's name is missing; those are shown in the reader's language as well.
 */
import { t, label } from './i18n.js';

/** LiaisonRedaction's markers, as the server writes them. */
export const WITHHELD = '[withheld]';
export const INTERNAL_NOTE = 'Internal note';

const suffix = (text) => (text ? ': ' + text : '');
const paren = (text) => (text ? ' (' + text + ')' : '');

const rules = {
  IncidentReported: (text, incident) => {
    const m = /^Reported (\w+) \((\w+)\)( \[DRILL\])?/.exec(text);
    return m && t('tl.IncidentReported', { type: label('type', m[1]), severity: label('severity', m[2]),
      drill: m[3] ? ' [' + t('common.drill') + ']' : '', summary: incident ? incident.summary : '' });
  },
  IncidentConfirmed: () => t('tl.IncidentConfirmed'),
  IncidentReclassified: (text) => {
    const m = /^Reclassified as (\w+), severity (\w+) → (\w+), urgency \w+, certainty \w+(?: \(([\s\S]*)\))?$/.exec(text);
    return m && t('tl.IncidentReclassified', { type: label('type', m[1]), from: label('severity', m[2]),
      to: label('severity', m[3]), reason: paren(m[4]) });
  },
  IncidentLocationUpdated: (text) => {
    const m = /^Location updated at ([\s\S]*)$/.exec(text);
    return m && t('tl.IncidentLocationUpdated', { where: m[1] });
  },
  IncidentNoteAdded: (text) => {
    if (text === INTERNAL_NOTE) return t('tl.internalNote');
    const m = /^Note: ([\s\S]*)$/.exec(text);
    return m && t('tl.IncidentNoteAdded', { text: m[1] });
  },
  IncidentResponseStarted: () => t('tl.IncidentResponseStarted'),
  IncidentContained: () => t('tl.IncidentContained'),
  IncidentResolved: (text) => {
    const m = /^Resolved(?:: ([\s\S]*))?$/.exec(text);
    return m && t('tl.IncidentResolved', { resolution: suffix(m[1]) });
  },
  IncidentClosed: () => t('tl.IncidentClosed'),
  IncidentReadyToContain: () => t('tl.IncidentReadyToContain'),
  IncidentCancelled: (text) => {
    const m = /^Cancelled: ([\s\S]*)$/.exec(text);
    return m && t('tl.IncidentCancelled', { reason: m[1] });
  },
  IncidentMerged: (text) => {
    const m = /^Merged into incident (\S+)$/.exec(text);
    return m && t('tl.IncidentMerged', { into: m[1] });
  },
  TaskRequested: (text) => {
    const m = /^Task for ([A-Z0-9_]+) \((\w+)\): ([\s\S]*?) — acknowledge by [\s\S]*$/.exec(text);
    return m && t('tl.TaskRequested', { dept: label('dept', m[1]), priority: label('priority', m[2]), action: m[3] });
  },
  TaskAcknowledged: (text) => {
    const m = /^([A-Z0-9_]+) acknowledged$/.exec(text);
    return m && t('tl.TaskAcknowledged', { dept: label('dept', m[1]) });
  },
  TaskDeclined: (text) => {
    const m = /^([A-Z0-9_]+) declined: ([\s\S]*)$/.exec(text);
    return m && t('tl.TaskDeclined', { dept: label('dept', m[1]), reason: m[2] });
  },
  TaskProgressReported: (text) => {
    const m = /^([A-Z0-9_]+) (on scene|en route)(?:: ([\s\S]*))?$/.exec(text);
    return m && t(m[2] === 'on scene' ? 'tl.TaskOnScene' : 'tl.TaskEnRoute', { dept: label('dept', m[1]), note: suffix(m[3]) });
  },
  TaskCompleted: (text) => {
    const m = /^([A-Z0-9_]+) completed: ([\s\S]*)$/.exec(text);
    return m && t('tl.TaskCompleted', { dept: label('dept', m[1]), outcome: m[2] });
  },
  TaskCancelled: (text) => {
    const m = /^([A-Z0-9_]+) task cancelled(?: \(([\s\S]*)\))?$/.exec(text);
    return m && t('tl.TaskCancelled', { dept: label('dept', m[1]), reason: paren(m[2]) });
  },
  TaskEscalated: (text) => {
    const m = /^([A-Z0-9_]+) missed the acknowledgment deadline; escalated to level (\d+) \((\w+)\)$/.exec(text);
    return m && t('tl.TaskEscalated', { dept: label('dept', m[1]), level: m[2], step: label('step', m[3]) });
  },
  TaskNotificationDelivered: (text) => {
    const m = /^([A-Z0-9_]+) system notified (\([\s\S]*\))$/.exec(text);
    return m && t('tl.TaskNotificationDelivered', { dept: label('dept', m[1]), detail: m[2] });
  },
  UnitAssigned: (text) => {
    const m = /^([A-Z0-9_]+) unit ([\s\S]*) assigned$/.exec(text);
    return m && t('tl.UnitAssigned', { dept: label('dept', m[1]), unit: m[2] });
  },
  UnitReleased: (text) => {
    const m = /^([A-Z0-9_]+) unit ([\s\S]*) released$/.exec(text);
    return m && t('tl.UnitReleased', { dept: label('dept', m[1]), unit: m[2] });
  },
  TaskNotificationFailed: (text) => {
    const m = /^([A-Z0-9_]+) system could not be notified ([\s\S]*)$/.exec(text);
    return m && t('tl.TaskNotificationFailed', { dept: label('dept', m[1]), detail: m[2] });
  }
};

/** The line's text in the current language (a plain string: the caller renders it as text). */
export function lineText(line, incident) {
  const rule = rules[line.kind];
  const translated = rule ? rule(line.text || '', incident) : null;
  const text = translated || line.text || line.kind;
  return text.split(WITHHELD).join(t('redaction.withheld'));
}

/**
 * Who did it: the user and their role; a withheld user (the reporter, for a liaison) shows as their role only, and
 * a line without either (Beacon itself) shows nothing.
 */
export function lineActor(line) {
  if (line.actorId) return line.actorId + (line.actorRole ? ' (' + label('role', line.actorRole) + ')' : '');
  return line.actorRole ? label('role', line.actorRole) : '';
}
