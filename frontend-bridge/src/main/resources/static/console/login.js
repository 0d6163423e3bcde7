/* The login page: translated labels, language switch, and the outcome of the last attempt from the query string. */
import { apply, language, setLanguage } from './i18n.js';

apply(document);
const params = new URLSearchParams(location.search);
document.getElementById('login-error').hidden = !params.has('error');
document.getElementById('login-out').hidden = !params.has('logout');
const lang = document.getElementById('lang');
lang.value = language();
lang.addEventListener('change', () => setLanguage(lang.value));
