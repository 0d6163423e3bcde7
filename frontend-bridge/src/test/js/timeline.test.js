import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './console.js';

const { lineText, lineActor, WITHHELD, INTERNAL_NOTE } = await load('timeline.js');
const { setLanguage } = await load('i18n.js');

afterEach(() => setLanguage('en'));
const line = (kind, text, actorId, actorRole) => ({ eventId: 'e', at: '2026-11-28T08:00:00Z', kind: kind, text: text,
  actorId: actorId === undefined ? null : actorId, actorRole: actorRole === undefined ? null : actorRole });

test('timeline lines are translated from the kind and the details of the English text', () => {
  setLanguage('zh-CN');
  assert.equal(lineText(line('TaskAcknowledged', 'FIRE acknowledged')), '消防救援 已签收');
  assert.equal(lineText(line('TaskDeclined', 'POLICE declined: no units')), '公安 退回：no units');
  assert.equal(lineText(line('IncidentReported', 'Reported GAS_LEAK (SEVERE) [DRILL]'), { summary: '燃气味' }),
    '上报 燃气泄漏（重大（Ⅱ级，橙色）） [演练]：燃气味');
  setLanguage('en');
  const escalated = 'FIRE missed the acknowledgment deadline; escalated to level 2 (DUTY_SUPERVISOR)';
  assert.equal(lineText(line('TaskEscalated', escalated)),
    'Fire and rescue missed the acknowledgment deadline; escalated to level 2 (duty supervisor alerted)');
});

test('a line of an unexpected shape or kind is shown as it came', () => {
  assert.equal(lineText(line('TaskAcknowledged', 'something else')), 'something else');
  assert.equal(lineText(line('SomethingNew', 'Whatever happened')), 'Whatever happened');
  assert.equal(lineText(line('SomethingNew', null)), 'SomethingNew');
});

test('a liaison\'s redacted note reads "internal note" in their language', () => {
  const note = line('IncidentNoteAdded', INTERNAL_NOTE, null, 'OPERATOR');
  assert.equal(lineText(note), 'Internal note');
  setLanguage('zh-CN');
  assert.equal(lineText(note), '内部备注');
});

test('a withheld source reference is marked as withheld in the reader\'s language', () => {
  const linked = line('SensorAlarmLinked', 'Alarm of sensor ' + WITHHELD + ' linked');
  assert.equal(lineText(linked), 'Alarm of sensor [withheld] linked');
  setLanguage('zh-CN');
  assert.equal(lineText(linked), 'Alarm of sensor ［已隐去］ linked');
  assert.equal(lineText(line('TaskDeclined', 'FIRE declined: caller ' + WITHHELD + ' unreachable')),
    '消防救援 退回：caller ［已隐去］ unreachable');
});

test('who did it: user and role; a withheld reporter shows as their role only; Beacon itself as nothing', () => {
  assert.equal(lineActor(line('IncidentConfirmed', '', 'desk-7', 'OPERATOR')), 'desk-7 (Operator)');
  assert.equal(lineActor(line('IncidentReported', '', null, 'OPERATOR')), 'Operator');
  assert.equal(lineActor(line('TaskEscalated', '', null, null)), '');
  setLanguage('zh-CN');
  assert.equal(lineActor(line('IncidentReported', '', null, 'OPERATOR')), '值班员');
});
