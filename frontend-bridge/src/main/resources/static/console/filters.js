/* The query strings of the console's searches, from what the reader typed (pure: blank fields are left out). */

/** GET /api/incidents/search: number (trimmed), type, and from/to as yyyy-mm-dd days. */
export function searchQuery(fields) {
  const params = new URLSearchParams();
  const number = String(fields.number || '').trim();
  if (number) params.set('number', number);
  if (fields.type) params.set('type', fields.type);
  if (fields.from) params.set('from', fields.from);
  if (fields.to) params.set('to', fields.to);
  return params;
}

/**
 * GET /api/audit/incidents/{id}/events: an event type, and from/to given as datetime-local values (the reader's
 * local time), sent as instants.
 */
export function historyQuery(fields) {
  const params = new URLSearchParams();
  if (fields.type) params.set('type', fields.type);
  const instant = (local) => { const d = new Date(local); return isNaN(d.getTime()) ? null : d.toISOString(); };
  if (fields.from && instant(fields.from)) params.set('from', instant(fields.from));
  if (fields.to && instant(fields.to)) params.set('to', instant(fields.to));
  return params;
}
