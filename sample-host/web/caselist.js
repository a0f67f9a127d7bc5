// The case overview: a server-side paged, sortable, filterable table with a column chooser
// (host and plugin columns, stored per user) and a context menu on each case.
import { get, put } from './api.js';
import { closeCase } from './caseactions.js';
import { contributions } from './contributions.js';
import { openContextMenu } from './contextmenu.js';
import { Dialog, notice } from './dialog.js';
import { el, formatDate } from './dom.js';
import { locale, t, tn } from './i18n.js';
import { icon } from './icons.js';
import { invokeAction } from './viewmodel.js';

const HOST_COLUMNS = ['number', 'title', 'status', 'case_type', 'owner', 'correspondent', 'received_date', 'updated_at'];
const HOST_DEFAULT = ['number', 'title', 'status', 'case_type', 'owner', 'received_date'];

// Kept across visits, so "back to the overview" returns to the same page and filters.
const state = { page: 1, pageSize: 50, sort: 'number', dir: 'asc', q: '', status: '', caseType: '' };
let requestSeq = 0;

export async function renderCaseList(main) {
  const tableArea = el('div', { class: 'table-area' });
  const pager = el('div', { class: 'pager' });
  const search = el('input', { type: 'search', class: 'input search', placeholder: t('cases.search'), 'aria-label': t('cases.search') });
  search.value = state.q;
  const status = el('select', { class: 'input', 'aria-label': t('col.status') },
    el('option', { value: '' }, t('cases.status.all')), el('option', { value: 'open' }, t('cases.status.open')),
    el('option', { value: 'closed' }, t('cases.status.closed')));
  status.value = state.status;
  const caseType = el('select', { class: 'input', 'aria-label': t('col.case_type') }, el('option', { value: '' }, t('cases.type.all')));
  const columnsButton = el('button', { type: 'button', class: 'button', id: 'column-chooser' }, icon('settings'), ' ', t('cases.columns'));
  main.replaceChildren(el('div', { class: 'page' },
    el('div', { class: 'page-header' }, el('h1', {}, t('cases.title')), el('span', { class: 'muted total' })),
    el('div', { class: 'toolbar' }, search, status, caseType, el('span', { class: 'spacer' }), columnsButton),
    el('div', { class: 'card card-flush' }, tableArea, pager)));

  let pluginColumns = [];
  let visible = HOST_DEFAULT.slice();
  try {
    const [types, plugins, prefs] = await Promise.all([get('/api/case-types'), contributions(), get('/api/preferences/columns')]);
    for (const ct of types.case_types) caseType.append(el('option', { value: ct.id }, ct.name));
    caseType.value = state.caseType;
    pluginColumns = plugins.flatMap((p) => (p.columns || []).map((c) => ({ key: p.id + '/' + c.id, plugin: p, title: c.title, defaultVisible: !!c.default_visible })));
    visible = Array.isArray(prefs.visible) ? prefs.visible : [...HOST_DEFAULT, ...pluginColumns.filter((c) => c.defaultVisible).map((c) => c.key)];
  } catch (err) {
    tableArea.replaceChildren(notice('error', err.message));
    return;
  }

  const columnTitle = (key) => (HOST_COLUMNS.includes(key) ? t('col.' + key) : (pluginColumns.find((c) => c.key === key) || {}).title || key);
  const shown = () => visible.filter((k) => HOST_COLUMNS.includes(k) || pluginColumns.some((c) => c.key === k));

  async function load() {
    const seq = ++requestSeq;
    const columns = shown();
    const params = new URLSearchParams({ page: state.page, page_size: state.pageSize, sort: state.sort, dir: state.dir });
    if (state.q) params.set('q', state.q);
    if (state.status) params.set('status', state.status);
    if (state.caseType) params.set('case_type', state.caseType);
    const wanted = columns.filter((k) => !HOST_COLUMNS.includes(k));
    if (wanted.length) params.set('plugin_columns', wanted.join(','));
    tableArea.setAttribute('aria-busy', 'true');
    let data;
    try {
      data = await get('/api/cases?' + params);
    } catch (err) {
      tableArea.replaceChildren(notice('error', err.message));
      return;
    } finally {
      tableArea.removeAttribute('aria-busy');
    }
    if (seq !== requestSeq) return; // a newer request superseded this one
    if (!tableArea.isConnected) return; // the user went elsewhere meanwhile
    const pages = Math.max(1, Math.ceil(data.total / state.pageSize));
    if (state.page > pages) { state.page = pages; load(); return; }
    main.querySelector('.total').textContent = tn('cases.total', data.total, data.total.toLocaleString(locale()));
    drawTable(data, columns);
    drawPager(data.total, pages);
  }

  function drawTable(data, columns) {
    const head = el('tr', {}, columns.map((key) => {
      const sortable = HOST_COLUMNS.includes(key);
      const active = state.sort === key;
      const error = data.plugin_column_errors && data.plugin_column_errors[key];
      const th = el('th', { scope: 'col', class: sortable ? 'sortable' : null, 'aria-sort': active ? (state.dir === 'asc' ? 'ascending' : 'descending') : null },
        sortable ? el('button', { type: 'button', class: 'sort-button', onclick: () => {
          if (state.sort === key) state.dir = state.dir === 'asc' ? 'desc' : 'asc';
          else { state.sort = key; state.dir = 'asc'; }
          state.page = 1;
          load();
        } }, columnTitle(key), el('span', { class: 'sort-mark', 'aria-hidden': 'true' }, active ? (state.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕')) : columnTitle(key),
        error ? [' ', icon('warning', error)] : null);
      return th;
    }));
    const rows = data.cases.map((c, index) => {
      const tr = el('tr', { dataset: { caseId: c.id } }, columns.map((key) => el('td', { class: 'col-' + key.replace(/[^a-z0-9_-]/gi, '-') }, cell(c, key, index, data))));
      tr.addEventListener('contextmenu', (e) => { e.preventDefault(); caseMenu(e.clientX, e.clientY, c); });
      // The keyboard's way to the same menu (the context menu key, Shift+F10), beside the focus.
      tr.addEventListener('keydown', (e) => {
        if (e.key !== 'ContextMenu' && !(e.shiftKey && e.key === 'F10')) return;
        e.preventDefault();
        const r = e.target.getBoundingClientRect();
        caseMenu(r.left, r.bottom, c);
      });
      tr.addEventListener('dblclick', () => { location.hash = '#/cases/' + encodeURIComponent(c.id); });
      return tr;
    });
    const table = el('table', { class: 'data-table case-table' }, el('thead', {}, head), el('tbody', {}, rows));
    // A reload (after a share, a sort) keeps the keyboard's place: the node with the same id.
    const focused = tableArea.contains(document.activeElement) ? document.activeElement.id : '';
    // replaceChildren() turns null into the text "null": pass only nodes.
    tableArea.replaceChildren(el('div', { class: 'table-scroll' }, table), ...(data.cases.length ? [] : [el('p', { class: 'muted empty' }, t('cases.empty'))]));
    if (focused) document.getElementById(focused)?.focus();
  }

  function cell(c, key, index, data) {
    switch (key) {
      case 'title':
        return el('a', { href: '#/cases/' + encodeURIComponent(c.id), class: 'case-link', id: 'case-link-' + c.id }, c.title);
      case 'status':
        return el('span', { class: 'chip ' + (c.status === 'open' ? 'chip-success' : 'chip-neutral') }, t('status.' + c.status));
      case 'received_date':
      case 'updated_at':
        return formatDate(c[key], locale());
      default:
        if (HOST_COLUMNS.includes(key)) return c[key] || '';
    }
    const cells = data.plugin_columns && data.plugin_columns[key];
    const v = cells ? cells[index] : null;
    if (!v || typeof v !== 'object') return '';
    return el('span', { class: 'plugin-cell', title: v.tooltip || null }, v.icon ? icon(v.icon, v.tooltip) : null, v.text ? ' ' + v.text : null);
  }

  function drawPager(total, pages) {
    const go = (p) => { state.page = Math.min(Math.max(1, p), pages); load(); };
    const size = el('select', { class: 'input input-small', 'aria-label': t('cases.page_size') }, [25, 50, 100].map((n) => el('option', { value: n }, n)));
    size.value = String(state.pageSize);
    size.addEventListener('change', () => { state.pageSize = Number(size.value); state.page = 1; load(); });
    pager.replaceChildren(
      el('div', { class: 'pager-size' }, size, ' ', t('cases.page_size')),
      el('div', { class: 'pager-nav' },
        el('button', { type: 'button', class: 'button button-small', disabled: state.page <= 1, onclick: () => go(1), title: t('cases.first') }, '«'),
        el('button', { type: 'button', class: 'button button-small', disabled: state.page <= 1, onclick: () => go(state.page - 1), 'aria-label': t('cases.prev') }, '‹ ', t('cases.prev')),
        el('span', { class: 'pager-label' }, t('cases.page', { page: state.page, pages })),
        el('button', { type: 'button', class: 'button button-small', disabled: state.page >= pages, onclick: () => go(state.page + 1), 'aria-label': t('cases.next') }, t('cases.next'), ' ›'),
        el('button', { type: 'button', class: 'button button-small', disabled: state.page >= pages, onclick: () => go(pages), title: t('cases.last') }, '»')));
  }

  function caseMenu(x, y, c) {
    const host = [{ title: t('menu.open'), icon: 'eye', run: () => { location.hash = '#/cases/' + encodeURIComponent(c.id); } }];
    if (c.status === 'open') host.push({ title: t('menu.close_case'), icon: 'lock', danger: true, run: () => closeCase(c, load) });
    const later = contributions(c.id).then((plugins) => plugins.map((p) => ({
      heading: p.name,
      entries: (p.actions || []).filter((a) => !a.scope || a.scope === 'case').map((a) => ({
        title: a.title, icon: a.icon,
        run: () => invokeAction({ plugin: p.id, caseId: c.id, onChanged: load }, a.id, {}),
      })),
    })));
    openContextMenu(x, y, c.number + ' · ' + c.title, host, later);
  }

  function chooseColumns() {
    const all = [...HOST_COLUMNS.map((k) => ({ key: k, title: t('col.' + k) })), ...pluginColumns.map((c) => ({ key: c.key, title: c.title, plugin: c.plugin.name }))];
    const boxes = all.map((c) => {
      const input = el('input', { type: 'checkbox', value: c.key, id: 'col-' + c.key.replace(/[^a-z0-9_-]/gi, '-') });
      input.checked = visible.includes(c.key);
      return el('label', { class: 'check-label column-choice', for: input.id }, input, ' ', c.title, c.plugin ? el('span', { class: 'muted small' }, ' · ' + c.plugin) : null);
    });
    const dialog = new Dialog(t('cases.columns.title'));
    const save = async (keys) => {
      try {
        const r = await put('/api/preferences/columns', { visible: keys });
        visible = r.visible;
        dialog.close();
        load();
      } catch (err) { dialog.showNotice('error', err.message); }
    };
    dialog.setContent([
      el('div', { class: 'column-choices' }, boxes),
      el('div', { class: 'button-row' },
        el('button', { type: 'button', class: 'button', onclick: () => save([...HOST_DEFAULT, ...pluginColumns.filter((c) => c.defaultVisible).map((c) => c.key)]) }, t('cases.columns.reset')),
        el('button', { type: 'button', class: 'button button-primary', onclick: () => {
          // Keep the chosen order of the list; the case name cannot be hidden (it opens the case).
          const keys = all.map((c) => c.key).filter((k) => k === 'title' || boxes.find((b) => b.querySelector('input').value === k).querySelector('input').checked);
          save(keys);
        } }, 'OK')),
    ]);
  }

  let debounce = null;
  search.addEventListener('input', () => {
    clearTimeout(debounce);
    debounce = setTimeout(() => { state.q = search.value.trim(); state.page = 1; load(); }, 250);
  });
  status.addEventListener('change', () => { state.status = status.value; state.page = 1; load(); });
  caseType.addEventListener('change', () => { state.caseType = caseType.value; state.page = 1; load(); });
  columnsButton.addEventListener('click', chooseColumns);
  // The search box is on screen before the listeners above exist (they wait for the case types,
  // the plugins' columns and the preferences): take what was typed meanwhile.
  state.q = search.value.trim();
  await load();
}
