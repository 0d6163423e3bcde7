/*
 * The reader's language and the texts in it. translate() and labelIn() are pure (the unit tests use them); t() and
 * label() use the language chosen on this page, which is remembered in localStorage.
 */
import { en, zh } from './messages.js';

export const MESSAGES = { en: en, 'zh-CN': zh };
export const LANGUAGES = ['zh-CN', 'en'];
const STORAGE = 'beacon.lang';
const listeners = [];

/** The text of key in lang, English when lang lacks it, the key itself when neither has it; {name} filled in. */
export function translate(lang, key, params) {
  let text = (MESSAGES[lang] || en)[key];
  if (text === undefined) text = en[key];
  if (text === undefined) return key;
  if (params) {
    text = text.replace(/\{(\w+)\}/g, (m, name) => (params[name] === undefined || params[name] === null ? ''
      : String(params[name])));
  }
  return text;
}

/** A label for an enum value, e.g. labelIn('en', 'dept', 'FIRE'); unknown values show as they are. */
export function labelIn(lang, kind, value) {
  if (value === undefined || value === null || value === '') return translate(lang, 'common.none');
  const key = kind + '.' + value;
  return (MESSAGES[lang] || en)[key] !== undefined || en[key] !== undefined ? translate(lang, key) : String(value);
}

/** The saved choice if there is one, else Chinese for a browser asking for any zh, else English. */
export function pickLanguage(saved, wanted) {
  if (saved && MESSAGES[saved]) return saved;
  return String(wanted || 'en').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

function initialLanguage() {
  let saved = null;
  try { saved = globalThis.localStorage ? globalThis.localStorage.getItem(STORAGE) : null; } catch (e) { /* blocked */ }
  const nav = globalThis.navigator;
  return pickLanguage(saved, nav && ((nav.languages && nav.languages[0]) || nav.language));
}

let lang = initialLanguage();

export const t = (key, params) => translate(lang, key, params);
export const label = (kind, value) => labelIn(lang, kind, value);
export const language = () => lang;
export const onChange = (listener) => { listeners.push(listener); };

/** Sets the texts of elements marked with data-i18n (text), data-i18n-placeholder and data-i18n-title. */
export function apply(root) {
  const scope = root || document;
  scope.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
  scope.querySelectorAll('[data-i18n-placeholder]').forEach((node) => {
    node.setAttribute('placeholder', t(node.dataset.i18nPlaceholder));
  });
  scope.querySelectorAll('[data-i18n-title]').forEach((node) => {
    node.setAttribute('title', t(node.dataset.i18nTitle));
  });
  document.documentElement.lang = lang;
}

export function setLanguage(next) {
  if (!MESSAGES[next] || next === lang) return;
  lang = next;
  try { globalThis.localStorage.setItem(STORAGE, next); } catch (e) { /* private mode: the choice lasts this page */ }
  if (typeof document !== 'undefined') apply(document);
  listeners.forEach((listener) => listener(lang));
}
