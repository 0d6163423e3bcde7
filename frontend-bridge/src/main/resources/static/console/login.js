/* The login page: translated labels, language switch, and the outcome of the last attempt from the query string. */
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', () => {
    BeaconI18n.apply(document);
    const params = new URLSearchParams(location.search);
    document.getElementById('login-error').hidden = !params.has('error');
    document.getElementById('login-out').hidden = !params.has('logout');
    const lang = document.getElementById('lang');
    lang.value = BeaconI18n.language();
    lang.addEventListener('change', () => BeaconI18n.setLanguage(lang.value));
  });
})();
