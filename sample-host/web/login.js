// The sign-in page.
import { ApiError, post } from './api.js';
import { notice } from './dialog.js';
import { el } from './dom.js';
import { t } from './i18n.js';

export function renderLogin(main, onSignedIn) {
  const login = el('input', { id: 'login', name: 'login', class: 'input', autocomplete: 'username', required: true });
  const password = el('input', { id: 'password', name: 'password', type: 'password', class: 'input', autocomplete: 'current-password', required: true });
  const messages = el('div', { class: 'login-messages' });
  const submit = el('button', { type: 'submit', class: 'button button-primary button-wide' }, t('login.submit'));
  const form = el('form', { class: 'login-form' },
    el('div', { class: 'field' }, el('label', { for: 'login', class: 'field-label' }, t('login.login')), login),
    el('div', { class: 'field' }, el('label', { for: 'password', class: 'field-label' }, t('login.password')), password),
    messages, submit);
  let busy = false;
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (busy) return;
    busy = true;
    submit.disabled = true;
    messages.replaceChildren();
    try {
      const me = await post('/api/login', { login: login.value.trim(), password: password.value });
      onSignedIn(me);
    } catch (err) {
      messages.replaceChildren(notice('error', err instanceof ApiError ? err.message : t('error.generic')));
      password.value = '';
      password.focus();
    } finally {
      busy = false;
      submit.disabled = false;
    }
  });
  main.replaceChildren(el('div', { class: 'login-page' }, el('div', { class: 'card login-card' },
    el('div', { class: 'login-brand' }, el('span', { class: 'brand-mark' }, 'DM'), el('span', {}, t('app.name'))),
    el('h1', {}, t('login.title')), form, el('p', { class: 'muted small' }, t('login.hint')))));
  login.focus();
}
