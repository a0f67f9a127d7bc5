// One case: header with host actions, then tabs — Details, Journal, Attachments, and the plugins'
// case panels after them (in the order the plugins were loaded, so the last module is right-most).
import { del, get, uploadFile } from './api.js';
import { closeCase } from './caseactions.js';
import { contributions } from './contributions.js';
import { confirmDialog, notice, toast } from './dialog.js';
import { el, formatBytes, formatDate } from './dom.js';
import { locale, t } from './i18n.js';
import { icon } from './icons.js';
import { invokeAction, mountPanel } from './viewmodel.js';

export async function renderCase(main, caseId, tab, context) {
  const base = '/api/cases/' + encodeURIComponent(caseId);
  let c;
  let plugins = [];
  try {
    [c, plugins] = await Promise.all([get(base), contributions(caseId).catch(() => [])]);
  } catch (err) {
    main.replaceChildren(el('div', { class: 'page' }, el('a', { href: '#/cases', class: 'back-link' }, '← ', t('case.back')),
      notice('error', err.status === 404 ? t('error.not_found') : err.message)));
    return;
  }
  const reload = () => renderCase(main, caseId, tab, context);
  const tabs = [
    { id: 'details', title: t('case.tab.details'), render: (area) => details(area, c) },
    { id: 'journal', title: t('case.tab.journal'), render: (area) => journal(area, base) },
    { id: 'attachments', title: t('case.tab.attachments'), render: (area) => attachments(area, base, c) },
  ];
  for (const p of plugins) {
    for (const panel of (p.panels || []).filter((x) => !x.scope || x.scope === 'case')) {
      tabs.push({
        id: 'plugin:' + p.id + ':' + panel.id, title: panel.title, icon: panel.icon,
        render: (area) => mountPanel(area,
          () => get('/api/plugins/' + encodeURIComponent(p.id) + '/panels/' + encodeURIComponent(panel.id) + '?case_id=' + encodeURIComponent(caseId)),
          { plugin: p.id, caseId }),
      });
    }
  }
  const current = tabs.find((x) => x.id === tab) || tabs[0];

  const actions = el('div', { class: 'button-row case-actions' },
    plugins.flatMap((p) => (p.actions || []).filter((a) => !a.scope || a.scope === 'case').map((a) =>
      el('button', { type: 'button', class: 'button', onclick: () => invokeAction({ plugin: p.id, caseId, onChanged: reload }, a.id, {}) },
        a.icon ? [icon(a.icon), ' '] : null, a.title))),
    c.status === 'open' ? el('button', { type: 'button', class: 'button button-danger', onclick: () => closeCase(c, reload) }, icon('lock'), ' ', t('case.close')) : null);

  const tabList = el('div', { class: 'tabs', role: 'tablist' }, tabs.map((x) => el('a', {
    href: '#/cases/' + encodeURIComponent(caseId) + '/' + encodeURIComponent(x.id), role: 'tab', id: 'tab-' + x.id.replace(/[^a-z0-9_-]/gi, '-'),
    class: 'tab' + (x === current ? ' active' : ''), 'aria-selected': String(x === current),
  }, x.icon ? [icon(x.icon), ' '] : null, x.title)));
  const area = el('div', { class: 'tab-panel card', role: 'tabpanel' });
  main.replaceChildren(el('div', { class: 'page' },
    el('a', { href: '#/cases', class: 'back-link' }, '← ', t('case.back')),
    el('div', { class: 'case-header' },
      el('div', {}, el('div', { class: 'case-number muted' }, c.number, ' · ', c.case_type.name),
        el('h1', {}, c.title, ' ', el('span', { class: 'chip ' + (c.status === 'open' ? 'chip-success' : 'chip-neutral') }, t('status.' + c.status)))),
      actions),
    tabList, area));
  current.render(area);
}

function details(area, c) {
  area.replaceChildren(el('dl', { class: 'details' }, c.fields.map((f) => [
    el('dt', {}, f.label),
    el('dd', {}, f.id === 'received_date' ? formatDate(f.value, locale()) : (f.value || '—')),
  ])));
}

async function journal(area, base) {
  area.replaceChildren(el('p', { class: 'muted' }, '…'));
  try {
    const { entries } = await get(base + '/journal');
    if (!entries.length) { area.replaceChildren(el('p', { class: 'muted empty' }, t('journal.empty'))); return; }
    area.replaceChildren(el('ol', { class: 'journal' }, entries.map((e) => el('li', { class: 'journal-entry' + (e.internal ? ' internal' : '') },
      el('div', { class: 'journal-meta' }, el('span', {}, formatDate(e.date, locale())), el('span', { class: 'muted' }, e.author),
        e.internal ? el('span', { class: 'chip chip-warning' }, t('journal.internal')) : null),
      el('p', { class: 'journal-text' }, e.text)))));
  } catch (err) {
    area.replaceChildren(notice('error', err.message));
  }
}

// "Add attachment": a real file input with its label (keyboard: Tab to it, Enter or Space opens
// the chooser); the upload starts on choosing, its progress and result are announced next to it.
// `after` is what the last upload left to say, kept across the list's re-render.
function uploadControl(area, base, c, after) {
  const input = el('input', { type: 'file', id: 'attachment-upload', 'aria-describedby': 'attachment-upload-status' });
  const progress = el('progress', { max: 100, value: 0, hidden: true, 'aria-label': t('attachments.add.progress') });
  const status = el('p', { id: 'attachment-upload-status', role: 'status', class: after && after.error ? 'field-error' : 'muted' }, after ? after.text : '');
  input.addEventListener('change', async () => {
    const file = input.files && input.files[0];
    if (!file) return;
    input.disabled = true;
    progress.hidden = false;
    status.className = 'muted';
    status.textContent = t('attachments.add.sending', { name: file.name });
    try {
      const added = await uploadFile(base + '/attachments', file, (share) => { progress.value = Math.round(share * 100); });
      await attachments(area, base, c, { text: t('attachments.add.done', { name: added.name }) });
    } catch (err) {
      const text = t('attachments.add.error.' + err.code) !== 'attachments.add.error.' + err.code
        ? t('attachments.add.error.' + err.code) : t('attachments.add.failed');
      await attachments(area, base, c, { text, error: true });
    }
    const again = document.getElementById('attachment-upload');
    if (again) again.focus();
  });
  return el('div', { class: 'attachment-upload' },
    el('label', { for: 'attachment-upload', class: 'field-label' }, t('attachments.add')), input, progress, status);
}

async function attachments(area, base, c, after) {
  area.replaceChildren(el('p', { class: 'muted' }, '…'));
  let list;
  try {
    list = (await get(base + '/attachments')).attachments;
  } catch (err) {
    area.replaceChildren(notice('error', err.message));
    return;
  }
  // A closed case takes no new files (the API answers 409 case_closed).
  const upload = c.status === 'closed'
    ? el('p', { class: 'muted', id: 'attachment-upload-closed' }, t('attachments.add.closed'))
    : uploadControl(area, base, c, after);
  if (!list.length) { area.replaceChildren(upload, el('p', { class: 'muted empty' }, t('attachments.empty'))); return; }
  const rows = list.map((a) => el('tr', { dataset: { attachmentId: a.id } },
    el('td', {}, el('a', { href: base + '/attachments/' + encodeURIComponent(a.id) + '/content', class: 'file-link', download: a.name }, icon('file'), ' ', a.name)),
    el('td', { class: 'muted' }, a.media_type.split(';')[0]),
    el('td', { class: 'align-right' }, formatBytes(a.size)),
    el('td', {}, formatDate(a.modified, locale())),
    el('td', { class: 'mono muted', title: a.sha256 }, a.sha256.slice(0, 12) + '…'),
    el('td', { class: 'align-right' }, el('button', { type: 'button', class: 'button button-small button-danger', title: t('attachments.delete'), onclick: async () => {
      if (!(await confirmDialog(t('attachments.delete.confirm', { name: a.name }), t('attachments.delete'), true))) return;
      try {
        await del(base + '/attachments/' + encodeURIComponent(a.id));
        toast('success', t('attachments.deleted'));
        attachments(area, base, c);
      } catch (err) { toast('error', err.message); }
    } }, icon('trash'), ' ', t('attachments.delete')))));
  area.replaceChildren(upload, el('div', { class: 'table-scroll' }, el('table', { class: 'data-table' },
    el('thead', {}, el('tr', {}, [t('attachments.name'), t('attachments.type'), t('attachments.size'), t('attachments.modified'), t('attachments.checksum'), ''].map((h, i) =>
      el('th', { scope: 'col', class: i === 2 ? 'align-right' : null }, h)))),
    el('tbody', {}, rows))));
}
