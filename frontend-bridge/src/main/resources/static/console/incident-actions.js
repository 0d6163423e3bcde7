/*
 * The operator's merge and move-location actions, their pure part: which incidents one may be merged into, and the
 * body of POST /api/incidents/{id}/location from what the operator typed. The server has the last word (problem
 * details); this only keeps obviously incomplete requests from being sent.
 */
import { ENDED } from './domain.js';

/**
 * The incidents on the board the open one can be merged into: not itself, not ended (the server refuses a merge into
 * a closed, cancelled or merged incident), newest first.
 */
export function mergeCandidates(rows, incidentId) {
  return Array.from(rows).filter((row) => row.id !== incidentId && !ENDED.includes(row.status))
    .sort((a, b) => Date.parse(b.reportedAt) - Date.parse(a.reportedAt));
}

const number = (text) => (String(text === undefined || text === null ? '' : text).trim() === '' ? NaN
  : Number(String(text).trim().replace(',', '.')));

/**
 * { body } to send, or { errors: [{ field, key }] } when a coordinate is missing or not a number (the server judges
 * the ranges and says which field is wrong). An affected area goes with the incident: a circle is re-centred on the
 * new point (only its radius is sent), a polygon is kept as drawn. A blank address clears it.
 */
export function locationRequest(latText, lonText, addressText, current) {
  const lat = number(latText), lon = number(lonText);
  const errors = [];
  if (isNaN(lat)) errors.push({ field: 'lat', key: 'move.needNumber' });
  if (isNaN(lon)) errors.push({ field: 'lon', key: 'move.needNumber' });
  if (errors.length) return { errors: errors };
  const address = String(addressText || '').trim();
  const body = { lat: lat, lon: lon, address: address || null };
  const area = current && current.area;
  if (area && area.radiusMeters) body.area = { radiusMeters: area.radiusMeters };
  else if (area && area.polygon) body.area = { polygon: area.polygon.map((p) => ({ lat: p.lat, lon: p.lon })) };
  return { body: body };
}

/** A point as the panel shows it: five decimals (about a metre). */
export const coordinates = (point) => point.lat.toFixed(5) + ', ' + point.lon.toFixed(5);
