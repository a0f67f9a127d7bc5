// The dev mailbox: e-mails and text messages that modules wrote into the spool folder.
import { get } from './api.js';
import { notice } from './dialog.js';
import { el, formatDate } from './dom.js';
import { locale, t } from './i18n.js';
import { icon } from './icons.js';

// Links in a plain-text body become clickable; everything stays text.
function linkify(text) {
  const parts = [];
  const re = /https?:\/\/[^\s<>"]+/g;
  let last = 0;
  let m;
  while ((m = re.exec(text)) !== null) {
    parts.push(text.slice(last, m.index));
    parts.push(el('a', { href: m[0], target: '_blank', rel: 'noopener noreferrer' }, m[0]));
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

export async function renderMailbox(main) {
  const content = el('div', {}, el('p', { class: 'muted' }, '…'));
  const refresh = el('button', { type: 'button', class: 'button', onclick: () => renderMailbox(main) }, icon('refresh'), ' ', t('mailbox.refresh'));
  main.replaceChildren(el('div', { class: 'page' },
    el('div', { class: 'page-header' }, el('h1', {}, t('mailbox.title')), el('span', { class: 'spacer' }), refresh),
    el('p', { class: 'muted' }, t('mailbox.hint')), content));
  let data;
  try {
    data = await get('/api/dev/mailbox');
  } catch (err) {
    content.replaceChildren(notice('error', err.message));
    return;
  }
  const mails = data.mails.length ? data.mails.map((m) => el('details', { class: 'card mail' },
    el('summary', { class: 'mail-summary' }, el('span', { class: 'mail-subject' }, icon('mail'), ' ', m.subject || '—'),
      el('span', { class: 'muted small' }, m.to, ' · ', formatDate(m.date, locale()))),
    el('dl', { class: 'details mail-headers' },
      el('dt', {}, t('mailbox.from')), el('dd', {}, m.from), el('dt', {}, t('mailbox.to')), el('dd', {}, m.to),
      el('dt', {}, t('mailbox.date')), el('dd', {}, formatDate(m.date, locale())), el('dt', {}, t('mailbox.subject')), el('dd', {}, m.subject)),
    el('pre', { class: 'mail-body' }, linkify(m.body)))) : [el('p', { class: 'muted empty' }, t('mailbox.empty'))];
  const sms = data.sms.length ? [el('table', { class: 'data-table' },
    el('thead', {}, el('tr', {}, el('th', {}, t('mailbox.date')), el('th', {}, t('mailbox.to')), el('th', {}, 'Text'))),
    el('tbody', {}, data.sms.map((s) => el('tr', {}, el('td', {}, formatDate(s.created_at, locale())), el('td', {}, s.to), el('td', { class: 'sms-text' }, s.text)))))]
    : [el('p', { class: 'muted empty' }, t('mailbox.empty'))];
  content.replaceChildren(
    el('h2', {}, t('mailbox.mail'), ' ', el('span', { class: 'chip chip-neutral' }, String(data.mails.length))), ...mails,
    el('h2', {}, t('mailbox.sms'), ' ', el('span', { class: 'chip chip-neutral' }, String(data.sms.length))), el('div', { class: 'card card-flush' }, sms));
  const first = content.querySelector('details');
  if (first) first.open = true;
}
