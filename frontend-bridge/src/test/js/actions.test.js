import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './console.js';

const { mergeCandidates, locationRequest, coordinates } = await load('incident-actions.js');
const { isAllowed } = await load('domain.js');

const row = (id, status, reportedAt) => ({ id: id, status: status, reportedAt: reportedAt || '2026-11-28T08:00:00Z' });

test('an incident can be merged into the others on the board that have not ended, newest first', () => {
  const rows = [row('self', 'REPORTED'), row('older', 'CONFIRMED', '2026-11-28T07:00:00Z'),
    row('newer', 'RESPONDING', '2026-11-28T09:00:00Z'), row('merged', 'MERGED'), row('closed', 'CLOSED'),
    row('contained', 'CONTAINED', '2026-11-28T08:30:00Z')];
  assert.deepEqual(mergeCandidates(rows, 'self').map((r) => r.id), ['newer', 'contained', 'older']);
  assert.deepEqual(mergeCandidates([], 'self'), []);
});

test('merge and move are offered only in the states the incident accepts them', () => {
  assert.ok(isAllowed('merge', 'RESPONDING'));
  assert.ok(!isAllowed('merge', 'CONTAINED'));
  assert.ok(isAllowed('location', 'CONTAINED'));
  assert.ok(!isAllowed('location', 'RESOLVED'));
  assert.ok(!isAllowed('unknown', 'REPORTED'));
});

test('a move sends the typed coordinates and address; a blank address clears it', () => {
  assert.deepEqual(locationRequest(' 31.24 ', '121,49', ' Fuzhou Road 200 '),
    { body: { lat: 31.24, lon: 121.49, address: 'Fuzhou Road 200' } });
  assert.deepEqual(locationRequest('31.24', '121.49', '   ').body.address, null);
});

test('a missing or non-numeric coordinate is named before anything is sent; ranges are the server\'s to judge', () => {
  assert.deepEqual(locationRequest('', 'east', ''), { errors: [{ field: 'lat', key: 'move.needNumber' },
    { field: 'lon', key: 'move.needNumber' }] });
  assert.deepEqual(locationRequest('95', '121', '').body, { lat: 95, lon: 121, address: null });
});

test('the affected area moves with the incident: a circle keeps its radius, a polygon its points', () => {
  const circle = { point: { lat: 1, lon: 2 }, area: { center: { lat: 1, lon: 2 }, radiusMeters: 200 } };
  assert.deepEqual(locationRequest('3', '4', '', circle).body.area, { radiusMeters: 200 });
  const polygon = { area: { polygon: [{ lat: 1, lon: 1 }, { lat: 1, lon: 2 }, { lat: 2, lon: 2 }] } };
  assert.equal(locationRequest('3', '4', '', polygon).body.area.polygon.length, 3);
  assert.equal('area' in locationRequest('3', '4', '', { point: { lat: 1, lon: 2 } }).body, false);
});

test('coordinates read with five decimals', () => {
  assert.equal(coordinates({ lat: 31.24, lon: 121.4737123 }), '31.24000, 121.47371');
});
