// The organisation administrator's page: loaded modules and their organisation-scope panels.
import { get } from './api.js';
import { notice } from './dialog.js';
import { el } from './dom.js';
import { t } from './i18n.js';
import { icon } from './icons.js';
import { mountPanel } from './viewmodel.js';

export async function renderAdmin(main) {
  const content = el('div', { class: 'admin-modules' }, el('p', { class: 'muted' }, '…'));
  main.replaceChildren(el('div', { class: 'page' }, el('div', { class: 'page-header' }, el('h1', {}, t('admin.title')), el('span', { class: 'muted total' })),
    el('h2', {}, t('admin.modules')), content));
  let data;
  try {
    data = await get('/api/admin/modules');
  } catch (err) {
    content.replaceChildren(notice('error', err.message));
    return;
  }
  if (!content.isConnected) return; // the user went elsewhere meanwhile
  main.querySelector('.total').textContent = t('admin.active_users', { n: data.active_users });
  if (!data.modules.length) { content.replaceChildren(el('p', { class: 'muted empty' }, t('admin.no_modules'))); return; }
  content.replaceChildren(...data.modules.map((m) => {
    const card = el('section', { class: 'card module-card', dataset: { moduleId: m.id } },
      el('div', { class: 'module-header' },
        el('h3', {}, icon('settings'), ' ', m.name),
        el('span', { class: 'muted small' }, t('admin.vendor'), ': ', m.vendor, ' · ', t('admin.version'), ' ', m.version, ' · ', m.id)),
      m.error ? notice('error', m.error) : null);
    for (const panel of m.panels || []) {
      const area = el('div', { class: 'module-panel' });
      card.append(el('h4', { class: 'module-panel-title' }, panel.icon ? [icon(panel.icon), ' '] : null, panel.title), area);
      mountPanel(area, () => get('/api/plugins/' + encodeURIComponent(m.id) + '/panels/' + encodeURIComponent(panel.id)), { plugin: m.id, caseId: '' });
    }
    return card;
  }));
}
