// Generic renderer of plugin view models, version 1 (host-sdk/docs/view-model.md). The host knows
// nothing of what a plugin does: it draws the elements, collects form values, and sends them back
// through the API's invoke_action. Every text goes into text nodes; URLs are checked.
import { post } from './api.js';
import { Dialog, confirmDialog, notice, toast } from './dialog.js';
import { copyText, el, safeUrl } from './dom.js';
import { t } from './i18n.js';
import { icon } from './icons.js';

const MAX_DEPTH = 16;
let idCounter = 0;
const nextId = (prefix) => prefix + '-' + (++idCounter);

// ctx: { plugin, pluginName, caseId, placement: 'panel'|'dialog'|'menu', notify(level, text),
//        replace(vm) (panel only), dialog (dialog only), onChanged() }

export function renderBody(elements, ctx, depth = 0) {
  if (!Array.isArray(elements)) return [];
  return elements.map((e) => renderElement(e, ctx, depth)).filter(Boolean);
}

function renderElement(e, ctx, depth) {
  if (!e || typeof e !== 'object') return null;
  if (depth > MAX_DEPTH) return null;
  const render = RENDERERS[e.type];
  if (!render) return el('p', { class: 'vm-unsupported muted' }, t('vm.unsupported', { type: String(e.type) }));
  return render(e, ctx, depth);
}

const str = (v) => (v === undefined || v === null ? '' : String(v));

const RENDERERS = {
  section: (e, ctx, depth) => el('section', { class: 'vm-section' },
    e.heading ? el('h3', { class: 'vm-heading' }, e.icon ? icon(e.icon) : null, str(e.heading)) : null,
    e.description ? el('p', { class: 'muted' }, str(e.description)) : null,
    renderBody(e.body, ctx, depth + 1)),

  heading: (e) => {
    const level = [2, 3, 4].includes(e.level) ? e.level : 3;
    return el('h' + level, { class: 'vm-heading' }, e.icon ? icon(e.icon) : null, str(e.text));
  },

  text: (e) => el('p', { class: 'vm-text vm-text-' + (['muted', 'strong', 'monospace'].includes(e.style) ? e.style : 'normal') }, str(e.text)),

  notice: (e) => notice(e.level, str(e.text), e.title ? str(e.title) : null),

  badge: (e) => badge(e),

  divider: () => el('hr', { class: 'vm-divider' }),

  facts: (e) => el('dl', { class: 'vm-facts' }, (Array.isArray(e.items) ? e.items : []).map((f) => [
    el('dt', {}, str(f.label)),
    el('dd', {}, factValue(f)),
  ])),

  link: (e) => link(e),

  button: (e, ctx) => actionButton(e, ctx),

  actions: (e, ctx) => el('div', { class: 'button-row vm-actions' }, (Array.isArray(e.items) ? e.items : []).map((b) => actionButton(b, ctx))),

  table: (e, ctx) => table(e, ctx),

  form: (e, ctx) => form(e, ctx),
};

function badge(e) {
  const tones = ['neutral', 'info', 'success', 'warning', 'danger'];
  return el('span', { class: 'chip chip-' + (tones.includes(e.tone) ? e.tone : 'neutral'), title: e.tooltip ? str(e.tooltip) : null },
    e.icon ? icon(e.icon) : null, str(e.text));
}

function copyButton(value) {
  const b = el('button', { type: 'button', class: 'button button-small', title: t('vm.copy') }, icon('copy'), ' ', t('vm.copy'));
  b.addEventListener('click', async () => {
    if (await copyText(value)) {
      b.replaceChildren(icon('check'), ' ', t('vm.copied'));
      setTimeout(() => b.replaceChildren(icon('copy'), ' ', t('vm.copy')), 1500);
    }
  });
  return b;
}

function factValue(f) {
  const value = str(f.value);
  if (!f.secret) return [el('span', { class: f.monospace ? 'mono' : null }, value), f.copy ? [' ', copyButton(value)] : null];
  const shown = el('span', { class: 'mono' }, '••••••••');
  let visible = false;
  const toggle = el('button', { type: 'button', class: 'button button-small' }, t('vm.show'));
  toggle.addEventListener('click', () => {
    visible = !visible;
    shown.textContent = visible ? value : '••••••••';
    toggle.textContent = visible ? t('vm.hide') : t('vm.show');
  });
  return [shown, ' ', toggle, f.copy ? [' ', copyButton(value)] : null];
}

function link(e) {
  const url = safeUrl(e.url);
  const text = str(e.text || e.url);
  if (!url) return el('span', { class: 'vm-link-invalid' }, text);
  const a = el('a', { href: url, class: 'vm-link', target: e.new_tab ? '_blank' : null, rel: e.new_tab ? 'noopener noreferrer' : null, title: e.new_tab ? t('vm.open_new_tab') : null },
    e.icon ? icon(e.icon) : null, text, e.new_tab ? [' ', icon('external')] : null);
  if (!e.copy) return a;
  return el('span', { class: 'vm-link-row' }, a, ' ', copyButton(url));
}

// Runs an action of the plugin that produced the view model, then follows its answer.
export async function invokeAction(ctx, action, payload) {
  try {
    const result = await post('/api/plugins/' + encodeURIComponent(ctx.plugin) + '/actions/' + encodeURIComponent(action),
      { case_id: ctx.caseId || '', payload: payload || {} });
    followResult(result, ctx);
  } catch (err) {
    (ctx.notify || ((l, m) => toast(l, m)))('error', err.message || t('error.generic'));
  }
}

export function followResult(result, ctx) {
  if (!result || typeof result !== 'object') {
    (ctx.notify || toast)('error', t('error.generic'));
    return;
  }
  const show = (n) => { if (n && n.text) (ctx.notify || toast)(n.level || 'info', str(n.text)); };
  switch (result.type) {
    case 'dialog':
      openViewModelDialog(result, ctx);
      break;
    case 'close':
      if (ctx.dialog) ctx.dialog.close();
      if (result.notice) toast(result.notice.level || 'success', str(result.notice.text));
      if (ctx.onChanged) ctx.onChanged();
      break;
    case 'notice':
      show(result);
      if (result.refresh && ctx.onChanged) ctx.onChanged();
      break;
    case 'refresh':
      if (ctx.onChanged) ctx.onChanged();
      if (result.notice) toast(result.notice.level || 'info', str(result.notice.text));
      break;
    case 'panel':
      if (ctx.replace) ctx.replace(result);
      else openViewModelDialog({ type: 'dialog', title: result.title, body: result.body }, ctx);
      break;
    default:
      (ctx.notify || toast)('error', t('error.generic'));
  }
}

export function openViewModelDialog(vm, ctx) {
  let dialog = ctx.dialog && !ctx.dialog.closed ? ctx.dialog : null;
  if (!dialog) dialog = new Dialog(str(vm.title), { wide: vm.size === 'wide' });
  dialog.setTitle(str(vm.title));
  dialog.setWide(vm.size === 'wide');
  const dctx = { ...ctx, placement: 'dialog', dialog, replace: null, notify: (level, text) => dialog.showNotice(level, text) };
  dialog.setContent(renderBody(vm.body, dctx));
  return dialog;
}

function actionButton(b, ctx) {
  if (!b || typeof b !== 'object') return null;
  const styles = { primary: 'button-primary', danger: 'button-danger', secondary: '' };
  const node = el('button', { type: 'button', class: 'button ' + (styles[b.style] || ''), title: b.tooltip ? str(b.tooltip) : null },
    b.icon ? icon(b.icon) : null, b.icon && b.title ? ' ' : null, str(b.title));
  if (b.url && !b.action) {
    // A button that only navigates is a link in disguise.
    const url = safeUrl(b.url);
    node.addEventListener('click', () => { if (url) window.open(url, '_blank', 'noopener'); });
    return node;
  }
  let busy = false;
  node.addEventListener('click', async () => {
    if (busy) return;
    if (b.confirm && !(await confirmDialog(str(b.confirm), str(b.title), b.style === 'danger'))) return;
    busy = true;
    node.disabled = true;
    try {
      await invokeAction(ctx, str(b.action), b.payload && typeof b.payload === 'object' ? b.payload : {});
    } finally {
      busy = false;
      node.disabled = false;
    }
  });
  return node;
}

function renderCell(cell, ctx) {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (Array.isArray(cell)) return cell.map((c) => [renderCell(c, ctx), ' ']);
  if (typeof cell === 'object') {
    if (cell.type === 'icon') return icon(cell.name, cell.tooltip);
    if (['text', 'badge', 'link', 'button'].includes(cell.type)) {
      if (cell.type === 'text') return el('span', { class: 'vm-text-' + (cell.style || 'normal') }, str(cell.text));
      return renderElement(cell, ctx, 1);
    }
  }
  return '';
}

function table(e, ctx) {
  const columns = Array.isArray(e.columns) ? e.columns : [];
  const rows = Array.isArray(e.rows) ? e.rows : [];
  const hasActions = rows.some((r) => Array.isArray(r.actions) && r.actions.length);
  const align = (c) => (['left', 'right', 'center'].includes(c.align) ? 'align-' + c.align : null);
  const head = el('thead', {}, el('tr', {}, columns.map((c) => el('th', { class: align(c), scope: 'col' }, str(c.title))),
    hasActions ? el('th', { class: 'align-right', scope: 'col' }, '') : null));
  const body = el('tbody', {}, rows.map((r) => {
    const cells = r.cells && typeof r.cells === 'object' ? r.cells : {};
    return el('tr', { class: r.tone ? 'row-' + r.tone : null, dataset: r.id ? { rowId: str(r.id) } : undefined },
      columns.map((c, i) => el('td', { class: align(c) }, i === 0 && r.icon ? [icon(r.icon, r.icon_tooltip), ' '] : null, renderCell(cells[c.id], ctx))),
      hasActions ? el('td', { class: 'align-right row-actions' }, (r.actions || []).map((a) => actionButton({ ...a, style: a.style || 'secondary' }, ctx))) : null);
  }));
  const wrapper = el('div', { class: 'table-scroll' }, el('table', { class: 'data-table vm-table' }, e.caption ? el('caption', {}, str(e.caption)) : null, head, body));
  if (!rows.length) wrapper.append(el('p', { class: 'muted empty' }, str(e.empty_text || '—')));
  return wrapper;
}

// ---- forms -------------------------------------------------------------------------------------

function form(vm, ctx) {
  const errors = vm.errors && typeof vm.errors === 'object' ? vm.errors : {};
  const values = vm.values && typeof vm.values === 'object' ? vm.values : {};
  const node = el('form', { class: 'vm-form' });
  const readers = [];
  if (vm.error) node.append(notice('error', str(vm.error)));
  for (const f of Array.isArray(vm.fields) ? vm.fields : []) {
    if (!f || typeof f !== 'object' || typeof f.name !== 'string') continue;
    const value = f.name in values ? values[f.name] : f.value;
    const renderer = FIELDS[f.type];
    if (!renderer) {
      node.append(el('p', { class: 'vm-unsupported muted' }, t('vm.unsupported', { type: str(f.type) })));
      continue;
    }
    const { element, read } = renderer(f, value, errors[f.name] || f.error);
    node.append(element);
    readers.push(read);
  }
  const submit = el('button', { type: 'submit', class: 'button ' + (vm.submit && vm.submit.style === 'danger' ? 'button-danger' : 'button-primary') },
    vm.submit && vm.submit.icon ? [icon(vm.submit.icon), ' '] : null, str((vm.submit && vm.submit.title) || 'OK'));
  const cancel = vm.cancel && ctx.dialog
    ? el('button', { type: 'button', class: 'button', onclick: () => ctx.dialog.close() }, str(vm.cancel.title || t('dialog.cancel')))
    : null;
  node.append(el('div', { class: 'button-row form-buttons' }, cancel, submit));
  let busy = false;
  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return; // a double click must not submit twice
    if (!node.reportValidity()) return;
    busy = true;
    submit.disabled = true;
    submit.classList.add('busy');
    const payload = {};
    for (const read of readers) {
      const [name, value] = read();
      payload[name] = value;
    }
    try {
      await invokeAction(ctx, str(vm.action), payload);
    } finally {
      busy = false;
      submit.disabled = false;
      submit.classList.remove('busy');
    }
  });
  return node;
}

function fieldShell(f, id, control, error, extra) {
  return el('div', { class: 'field' + (error ? ' field-invalid' : '') },
    el('label', { for: id, class: 'field-label' }, str(f.label), f.required ? el('span', { class: 'required', title: t('vm.required') }, ' *') : null),
    control,
    f.help ? el('p', { class: 'field-help', id: id + '-help' }, str(f.help)) : null,
    extra || null,
    error ? el('p', { class: 'field-error', id: id + '-error', role: 'alert' }, str(error)) : null);
}

function describedBy(f, id, error) {
  return [f.help ? id + '-help' : null, error ? id + '-error' : null].filter(Boolean).join(' ') || null;
}

function textLike(inputType) {
  return (f, value, error) => {
    const id = nextId('f');
    const input = el(inputType === 'textarea' ? 'textarea' : 'input', {
      id, name: f.name, type: inputType === 'textarea' ? null : inputType,
      required: !!f.required, disabled: !!f.disabled, placeholder: f.placeholder ? str(f.placeholder) : null,
      maxlength: Number.isInteger(f.max_length) ? f.max_length : null,
      rows: inputType === 'textarea' ? (Number.isInteger(f.rows) ? f.rows : 4) : null,
      min: inputType === 'date' && f.min ? str(f.min) : null, max: inputType === 'date' && f.max ? str(f.max) : null,
      autocomplete: f.autocomplete ? str(f.autocomplete) : (inputType === 'password' ? 'new-password' : null),
      'aria-invalid': error ? 'true' : null, 'aria-describedby': describedBy(f, id, error),
      class: 'input',
    });
    input.value = str(value);
    if (inputType === 'password') return passwordField(f, id, input, error);
    return { element: fieldShell(f, id, input, error), read: () => [f.name, input.value] };
  };
}

function generatePassword(length) {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_!?';
  const bytes = new Uint32Array(length);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

function passwordField(f, id, input, error) {
  const buttons = [];
  const revealable = f.reveal !== false;
  let reveal = null;
  if (revealable) {
    reveal = el('button', { type: 'button', class: 'button button-small', 'aria-controls': id }, t('vm.show'));
    reveal.addEventListener('click', () => {
      const show = input.type === 'password';
      input.type = show ? 'text' : 'password';
      reveal.textContent = show ? t('vm.hide') : t('vm.show');
    });
    buttons.push(reveal);
  }
  if (f.generate) {
    const length = Number.isInteger(f.generate_length) && f.generate_length >= 8 && f.generate_length <= 128 ? f.generate_length : 16;
    buttons.push(el('button', { type: 'button', class: 'button button-small', onclick: () => {
      input.value = generatePassword(length);
      if (revealable) { input.type = 'text'; reveal.textContent = t('vm.hide'); }
      input.dispatchEvent(new Event('input'));
    } }, icon('key'), ' ', t('vm.generate')));
  }
  const control = el('div', { class: 'input-group' }, input, buttons);
  return { element: fieldShell(f, id, control, error), read: () => [f.name, input.value] };
}

function checkboxField(f, value, error) {
  const id = nextId('f');
  const input = el('input', { id, type: 'checkbox', name: f.name, disabled: !!f.disabled, required: !!f.required, 'aria-describedby': describedBy(f, id, error) });
  input.checked = value === true;
  const element = el('div', { class: 'field field-check' + (error ? ' field-invalid' : '') },
    el('label', { for: id, class: 'check-label' }, input, ' ', str(f.label)),
    f.help ? el('p', { class: 'field-help', id: id + '-help' }, str(f.help)) : null,
    error ? el('p', { class: 'field-error', id: id + '-error', role: 'alert' }, str(error)) : null);
  return { element, read: () => [f.name, input.checked] };
}

function radioField(f, value, error) {
  const name = nextId('r');
  const inputs = [];
  const choices = (Array.isArray(f.choices) ? f.choices : []).map((c) => {
    const id = nextId('f');
    const input = el('input', { id, type: 'radio', name, value: str(c.value), disabled: !!(f.disabled || c.disabled), required: !!f.required });
    input.checked = str(value) === str(c.value);
    inputs.push(input);
    return el('label', { for: id, class: 'choice' }, input, el('span', { class: 'choice-text' }, el('span', {}, str(c.label)),
      c.description ? el('span', { class: 'choice-description muted' }, str(c.description)) : null));
  });
  const element = el('fieldset', { class: 'field field-choices' + (error ? ' field-invalid' : '') },
    el('legend', { class: 'field-label' }, str(f.label), f.required ? el('span', { class: 'required' }, ' *') : null),
    choices,
    f.help ? el('p', { class: 'field-help' }, str(f.help)) : null,
    error ? el('p', { class: 'field-error', role: 'alert' }, str(error)) : null);
  return { element, read: () => { const c = inputs.find((i) => i.checked); return [f.name, c ? c.value : null]; } };
}

function selectField(f, value, error) {
  const id = nextId('f');
  const select = el('select', { id, name: f.name, class: 'input', disabled: !!f.disabled, required: !!f.required, 'aria-describedby': describedBy(f, id, error) },
    f.placeholder ? el('option', { value: '' }, str(f.placeholder)) : null,
    (Array.isArray(f.choices) ? f.choices : []).map((c) => el('option', { value: str(c.value) }, str(c.label))));
  select.value = str(value);
  return { element: fieldShell(f, id, select, error), read: () => [f.name, select.value === '' ? null : select.value] };
}

function hiddenField(f, value) {
  return { element: document.createComment('hidden ' + str(f.name)), read: () => [f.name, value === undefined ? null : value] };
}

// Items grouped in sections, each with its own toggle (for example: which journal entries and
// attachments are visible), optionally with a switch for the whole section.
function itemListField(f, value, error) {
  const labels = { on: str((f.item_labels && f.item_labels.on) || t('vm.item.on')), off: str((f.item_labels && f.item_labels.off) || t('vm.item.off')) };
  const readers = [];
  const sections = (Array.isArray(f.sections) ? f.sections : []).map((s) => {
    const items = Array.isArray(s.items) ? s.items : [];
    const itemInputs = [];
    let sectionToggle = null;
    const rows = items.map((item) => {
      const id = nextId('f');
      const input = el('input', { id, type: 'checkbox', class: 'switch', disabled: !!(f.disabled || item.disabled) });
      input.checked = item.checked !== false;
      const state = el('span', { class: 'switch-state' }, input.checked ? labels.on : labels.off);
      input.addEventListener('change', () => {
        state.textContent = input.checked ? labels.on : labels.off;
        row.classList.toggle('item-off', !input.checked);
      });
      itemInputs.push([str(item.id), input]);
      const row = el('li', { class: 'item-row' + (input.checked ? '' : ' item-off') },
        el('label', { for: id, class: 'item-label' },
          item.icon ? icon(item.icon) : null,
          el('span', { class: 'item-text' }, el('span', { class: 'item-title' }, str(item.label)),
            item.detail ? el('span', { class: 'item-detail muted' }, str(item.detail)) : null),
          item.badge ? badge(typeof item.badge === 'object' ? item.badge : { text: item.badge }) : null),
        el('span', { class: 'item-toggle' }, state, input));
      return row;
    });
    const list = el('ul', { class: 'item-list' }, rows);
    if (s.toggle) {
      const id = nextId('f');
      sectionToggle = el('input', { id, type: 'checkbox', class: 'switch', disabled: !!f.disabled });
      sectionToggle.checked = s.enabled !== false;
      const apply = () => {
        list.classList.toggle('section-off', !sectionToggle.checked);
        for (const [, input] of itemInputs) input.disabled = !sectionToggle.checked || !!f.disabled;
      };
      sectionToggle.addEventListener('change', apply);
      apply();
      readers.push(() => [str(s.id), { enabled: sectionToggle.checked, items: itemInputs.filter(([, i]) => i.checked).map(([id]) => id) }]);
      return el('fieldset', { class: 'item-section' },
        el('legend', { class: 'item-section-title' }, el('label', { for: id, class: 'check-label' }, sectionToggle, ' ', str(s.title))),
        s.description ? el('p', { class: 'muted' }, str(s.description)) : null,
        items.length ? list : el('p', { class: 'muted empty' }, str(s.empty_text || '—')));
    }
    readers.push(() => [str(s.id), { enabled: true, items: itemInputs.filter(([, i]) => i.checked).map(([id]) => id) }]);
    return el('fieldset', { class: 'item-section' }, el('legend', { class: 'item-section-title' }, str(s.title)),
      s.description ? el('p', { class: 'muted' }, str(s.description)) : null,
      items.length ? list : el('p', { class: 'muted empty' }, str(s.empty_text || '—')));
  });
  const element = el('div', { class: 'field field-items' + (error ? ' field-invalid' : '') },
    f.label ? el('div', { class: 'field-label' }, str(f.label)) : null,
    f.help ? el('p', { class: 'field-help' }, str(f.help)) : null,
    sections,
    error ? el('p', { class: 'field-error', role: 'alert' }, str(error)) : null);
  return { element, read: () => [f.name, Object.fromEntries(readers.map((r) => r()))] };
}

const FIELDS = {
  text: textLike('text'),
  email: textLike('email'),
  tel: textLike('tel'),
  password: textLike('password'),
  date: textLike('date'),
  textarea: textLike('textarea'),
  checkbox: checkboxField,
  radio: radioField,
  select: selectField,
  hidden: hiddenField,
  item_list: itemListField,
};

// A panel (render_panel's answer) drawn into `container`; returns a function that re-renders it.
export function mountPanel(container, load, ctx) {
  const notices = el('div', { class: 'panel-notices' });
  const content = el('div', { class: 'panel-content' });
  container.replaceChildren(notices, content);
  const pctx = {
    ...ctx,
    placement: 'panel',
    notify: (level, text) => notices.replaceChildren(notice(level, text)),
    replace: (vm) => draw(vm),
  };
  function draw(vm) {
    content.replaceChildren(
      vm.title ? el('h3', { class: 'vm-heading' }, str(vm.title)) : null,
      ...renderBody(vm.body, pctx));
  }
  async function reload() {
    content.setAttribute('aria-busy', 'true');
    try {
      draw(await load());
    } catch (err) {
      content.replaceChildren(notice('error', err.message || t('error.generic'), t('error.module')));
    } finally {
      content.removeAttribute('aria-busy');
    }
  }
  pctx.onChanged = () => { reload(); if (ctx.onChanged) ctx.onChanged(); };
  reload();
  return reload;
}
