// The single-page app: session, header bar, language switch and hash routes
// (#/cases, #/cases/<id>/<tab>, #/admin, #/mailbox).
import { get, onUnauthenticated, post, put, setCsrfToken } from './api.js';
import { renderAdmin } from './admin.js';
import { renderCase } from './caseview.js';
import { renderCaseList } from './caselist.js';
import { toast } from './dialog.js';
import { el } from './dom.js';
import { browserLocale, setLocale, t } from './i18n.js';
import { renderLogin } from './login.js';
import { renderMailbox } from './mailbox.js';

const main = document.getElementById('main');
const topbar = document.getElementById('topbar');
let me = null;

function signedIn(data) {
  me = data;
  setCsrfToken(me.csrf_token);
  setLocale(me.locale);
  renderTopbar();
  if (!location.hash || location.hash === '#/login') location.hash = '#/cases';
  else route();
}

function signedOut() {
  me = null;
  setCsrfToken('');
  topbar.hidden = true;
  topbar.replaceChildren();
  // Nobody is signed in: the browser's languages decide.
  setLocale(browserLocale());
  renderLogin(main, signedIn);
}

function navLink(hash, label) {
  const active = location.hash.startsWith(hash);
  return el('a', { href: hash, class: 'nav-link' + (active ? ' active' : ''), 'aria-current': active ? 'page' : null }, label);
}

function renderTopbar() {
  const langSwitch = el('div', { class: 'lang-switch', role: 'group', 'aria-label': t('header.language') },
    ['de', 'en'].map((lang) => el('button', {
      type: 'button', class: 'lang-button' + (me.locale === lang ? ' active' : ''), 'aria-pressed': String(me.locale === lang),
      onclick: async () => {
        if (me.locale === lang) return;
        try {
          me = await put('/api/me/locale', { locale: lang });
          setLocale(me.locale);
          renderTopbar();
          route();
        } catch (err) { toast('error', err.message); }
      },
    }, lang.toUpperCase())));
  const logout = el('button', { type: 'button', class: 'button button-ghost', onclick: async () => {
    try { await post('/api/logout'); } catch (e) { /* signed out anyway */ }
    location.hash = '';
    signedOut();
  } }, t('header.logout'));
  topbar.replaceChildren(
    el('a', { href: '#/cases', class: 'brand' }, el('span', { class: 'brand-mark' }, 'DM'), el('span', { class: 'brand-name' }, t('app.name'))),
    el('span', { class: 'org-name', title: me.organisation.name }, me.organisation.name),
    el('nav', { class: 'nav' },
      navLink('#/cases', t('nav.cases')),
      me.user.role === 'organisation_admin' ? navLink('#/admin', t('nav.admin')) : null,
      me.mailbox_enabled ? navLink('#/mailbox', t('nav.mailbox')) : null),
    el('span', { class: 'spacer' }),
    langSwitch,
    el('span', { class: 'user-name', title: me.user.email }, el('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(me.user.display_name)), me.user.display_name),
    logout);
  topbar.hidden = false;
}

function initials(name) {
  return String(name || '?').split(/\s+/).map((p) => p[0] || '').join('').slice(0, 2).toUpperCase();
}

function route() {
  if (!me) return;
  const parts = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  for (const link of topbar.querySelectorAll('.nav-link')) {
    const active = location.hash.startsWith(link.getAttribute('href'));
    link.classList.toggle('active', active);
    if (active) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
  const context = { me };
  if (parts[0] === 'cases' && parts[1]) renderCase(main, parts[1], parts[2] || 'details', context);
  else if (parts[0] === 'admin') renderAdmin(main, context);
  else if (parts[0] === 'mailbox') renderMailbox(main, context);
  else renderCaseList(main, context);
}

onUnauthenticated(signedOut);
window.addEventListener('hashchange', route);

(async () => {
  try {
    signedIn(await get('/api/me'));
  } catch (e) {
    signedOut();
  }
})();
