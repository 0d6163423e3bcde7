import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { CONSOLE, load } from './console.js';

const { MESSAGES, LANGUAGES, translate, labelIn, pickLanguage } = await load('i18n.js');
const { ENUMS } = await load('domain.js');
const { SORTS } = await load('board-state.js');

const keysOf = (lang) => Object.keys(MESSAGES[lang]).sort();
const missingIn = (lang, keys) => keys.filter((key) => MESSAGES[lang][key] === undefined);

test('zh-CN and en have exactly the same message keys', () => {
  assert.deepEqual(LANGUAGES.slice().sort(), Object.keys(MESSAGES).sort());
  assert.deepEqual(missingIn('zh-CN', keysOf('en')), [], 'in en but not in zh-CN');
  assert.deepEqual(missingIn('en', keysOf('zh-CN')), [], 'in zh-CN but not in en');
});

test('no message is empty, and both languages use the same {placeholders} in each', () => {
  const names = (text) => (text.match(/\{\w+\}/g) || []).sort();
  for (const key of keysOf('en')) {
    for (const lang of LANGUAGES) assert.ok(String(MESSAGES[lang][key]).trim() !== '', lang + ' ' + key);
    assert.deepEqual(names(MESSAGES['zh-CN'][key]), names(MESSAGES.en[key]), key);
  }
});

/**
 * Every key the console's code and pages name literally (t('…'), data-i18n="…", 'data-i18n': '…', and any other
 * string shaped like a key of a known family) exists in both languages.
 */
test('every message key the console uses exists in zh-CN and en', () => {
  const families = new Set(keysOf('en').map((key) => key.split('.')[0]));
  const pages = new URL('../../pages/', CONSOLE);
  const sources = readdirSync(CONSOLE).filter((f) => f.endsWith('.js') && f !== 'messages.js')
    .map((f) => readFileSync(new URL(f, CONSOLE), 'utf8'))
    .concat(readdirSync(pages).filter((f) => f.endsWith('.html')).map((f) => readFileSync(new URL(f, pages), 'utf8')));
  const used = new Set();
  for (const text of sources) {
    for (const m of text.matchAll(/['"]([a-zA-Z]+(?:\.[A-Za-z0-9_]+)+)['"]/g)) {
      if (families.has(m[1].split('.')[0]) && !/\.(js|json|css|html)$/.test(m[1])) used.add(m[1]);
    }
  }
  assert.ok(used.size > 150, 'found the keys in use (' + used.size + ')');
  for (const lang of LANGUAGES) assert.deepEqual(missingIn(lang, Array.from(used).sort()), [], 'missing in ' + lang);
});

test('keys the console builds from values exist in both languages', () => {
  const built = [];
  Object.entries(ENUMS).forEach(([kind, values]) => values.forEach((value) => built.push(kind + '.' + value)));
  SORTS.forEach((key) => built.push('board.sort.' + key));
  ['connecting', 'live', 'reconnecting'].forEach((s) => built.push('conn.' + s));
  ['board', 'queue', 'auditor'].forEach((v) => built.push('view.' + v));
  ['incidents', 'board', 'verify'].forEach((tab) => built.push('audit.tab.' + tab));
  ['1h', '24h', '7d'].forEach((w) => built.push('audit.window.' + w));
  ['AREA_CODE', 'AREA_CODE_UNRESOLVED'].forEach((b) => built.push('location.' + b));
  ['LIVE', 'REBUILDING'].forEach((s) => built.push('projState.' + s));
  ['CLOSED', 'OPEN', 'HALF_OPEN'].forEach((s) => built.push('circuit.' + s));
  ['confirm', 'contain', 'close', 'note', 'reclassify', 'resolve', 'cancel', 'merge', 'location']
    .forEach((a) => built.push('action.' + a));
  for (const lang of LANGUAGES) assert.deepEqual(missingIn(lang, built), [], 'missing in ' + lang);
});

test('translate fills placeholders, falls back to English, then to the key', () => {
  assert.equal(translate('en', 'board.overdue', { n: 3 }), '3 overdue');
  assert.equal(translate('zh-CN', 'board.overdue', { n: 3 }), '超时 3');
  assert.equal(translate('zh-CN', 'task.left', {}), '剩余 ', 'a missing parameter is left empty');
  assert.equal(translate('xx', 'nav.logout'), 'Sign out');
  assert.equal(translate('zh-CN', 'no.such.key'), 'no.such.key');
});

test('enum labels are translated; unknown values are shown as they are', () => {
  assert.equal(labelIn('en', 'dept', 'FIRE'), 'Fire and rescue');
  assert.equal(labelIn('zh-CN', 'dept', 'FIRE'), '消防救援');
  assert.equal(labelIn('zh-CN', 'dept', 'SPACE_AGENCY'), 'SPACE_AGENCY');
  assert.equal(labelIn('en', 'dept', null), '—');
});

test('the language: a saved choice wins, else any zh browser gets Chinese, anything else English', () => {
  assert.equal(pickLanguage('en', 'zh-TW'), 'en');
  assert.equal(pickLanguage(null, 'zh-TW'), 'zh-CN');
  assert.equal(pickLanguage('fr', 'de-DE'), 'en');
  assert.equal(pickLanguage(null, undefined), 'en');
});
