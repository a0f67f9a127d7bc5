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

// ctx: { plugin, caseId, notify(level, text), dialog (inside a dialog), onChanged() (re-render the
//        plugin's panels and columns on screen) }

export function renderBody(elements, ctx, depth = 0) {
  if (!Array.isArray(elements)) return [];
  return elements.map((e) => renderElement(e, ctx, depth)).filter(Boolean);
}

function renderElement(e, ctx, depth) {
  if (!e || typeof e !== 'object') return null;
  if (depth > MAX_DEPTH) return null;
  const render = RENDERERS[e.type];
  if (!render) {
    // Version 1 rule: an element type the host does not know renders as nothing (and is logged).
    console.warn('view model: unknown element type', e.type);
    return null;
  }
  return render(e, ctx, depth);
}

const str = (v) => (v === undefined || v === null ? '' : String(v));
const labelOf = (o) => str(o.label !== undefined ? o.label : o.title);

const RENDERERS = {
  section: (e, ctx, depth) => el('section', { class: 'vm-section' },
    e.title ? el('h3', { class: 'vm-heading' }, str(e.title)) : null,
    renderBody(e.body, ctx, depth + 1)),

  heading: (e) => el(e.level === 2 ? 'h2' : 'h3', { class: 'vm-heading' }, str(e.text)),

  text: (e) => el('p', { class: 'vm-text' + (e.tone === 'muted' ? ' muted' : '') }, str(e.text)),

  notice: (e) => notice(e.level, str(e.text)),

  badge: (e) => badge(e.text, e.tone),

  pairs: (e) => el('dl', { class: 'vm-pairs' }, (Array.isArray(e.items) ? e.items : []).map((p) => [
    el('dt', {}, str(p && p.label)),
    el('dd', {}, str(p && p.value)),
  ])),

  link: (e) => link(e),

  button: (e, ctx) => actionButton(e, ctx),

  buttons: (e, ctx) => el('div', { class: 'button-row vm-buttons' }, (Array.isArray(e.items) ? e.items : []).map((b) => actionButton(b, ctx))),

  table: (e, ctx) => table(e, ctx),

  form: (e, ctx) => form(e, ctx),
};

function badge(text, tone) {
  const tones = ['neutral', 'success', 'warning', 'danger'];
  return el('span', { class: 'chip chip-' + (tones.includes(tone) ? tone : 'neutral') }, str(text));
}

function copyButton(value) {
  const b = el('button', { type: 'button', class: 'button button-small copy-button', title: t('vm.copy') }, icon('copy'), ' ', t('vm.copy'));
  b.addEventListener('click', async () => {
    if (await copyText(value)) {
      b.replaceChildren(icon('check'), ' ', t('vm.copied'));
      setTimeout(() => b.replaceChildren(icon('copy'), ' ', t('vm.copy')), 1500);
    }
  });
  return b;
}

function link(e) {
  const url = safeUrl(e.url);
  const text = str(e.label || e.url);
  if (!url) return el('span', { class: 'vm-link-invalid' }, text);
  const a = el('a', { href: url, class: 'vm-link', target: e.new_tab ? '_blank' : null, rel: e.new_tab ? 'noopener noreferrer' : null, title: e.new_tab ? t('vm.open_new_tab') : null },
    text, e.new_tab ? [' ', icon('external')] : null);
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
  const tell = ctx.notify || ((l, m) => toast(l, m));
  if (!result || typeof result !== 'object') {
    tell('error', t('error.generic'));
    return;
  }
  switch (result.type) {
    case 'dialog':
      openViewModelDialog(result, ctx);
      break;
    case 'close':
      if (ctx.dialog) ctx.dialog.close();
      if (result.notice && result.notice.text) toast(result.notice.level || 'success', str(result.notice.text));
      if (result.refresh !== false && ctx.onChanged) ctx.onChanged();
      break;
    case 'notice':
      tell(result.level || 'info', str(result.text));
      break;
    case 'refresh':
      if (ctx.onChanged) ctx.onChanged();
      break;
    case 'field_errors':
      // Messages beside the fields of the form that was sent, where it stands (panel or dialog).
      if (ctx.showFieldErrors) ctx.showFieldErrors(result.errors && typeof result.errors === 'object' ? result.errors : {});
      else tell('error', Object.values(result.errors || {}).map(str).join(' ') || t('error.generic'));
      break;
    case 'open_url': {
      const url = safeUrl(result.url);
      if (url) window.open(url, '_blank', 'noopener,noreferrer');
      else tell('error', t('error.generic'));
      break;
    }
    default:
      console.warn('view model: unknown result type', result.type);
      tell('error', t('error.generic'));
  }
}

export function openViewModelDialog(vm, ctx) {
  let dialog = ctx.dialog && !ctx.dialog.closed ? ctx.dialog : null;
  if (!dialog) dialog = new Dialog(str(vm.title), { wide: vm.size === 'wide' });
  dialog.setTitle(str(vm.title));
  dialog.setWide(vm.size === 'wide');
  const dctx = { ...ctx, placement: 'dialog', dialog, notify: (level, text) => dialog.showNotice(level, text) };
  dialog.guard = null; // a form in the new content sets its own
  dialog.setContent(renderBody(vm.body, dctx));
  return dialog;
}

function actionButton(b, ctx) {
  if (!b || typeof b !== 'object') return null;
  const styles = { primary: 'button-primary', danger: 'button-danger' };
  const label = labelOf(b);
  const iconOnly = b.icon_only && b.icon;
  const node = el('button', {
    type: 'button', class: 'button ' + (styles[b.style] || '') + (iconOnly ? ' button-icon' : ''),
    title: iconOnly ? label : null, 'aria-label': iconOnly ? label : null,
  }, b.icon ? icon(b.icon) : null, !iconOnly && b.icon && label ? ' ' : null, iconOnly ? null : label);
  node.addEventListener('click', () => runButton(b, ctx, node));
  return node;
}

// What a button does when chosen, from a toolbar, a row or a row's menu: ask first when it has a
// `confirm` text, then invoke its action once (`node` stays disabled while the request runs).
async function runButton(b, ctx, node) {
  if (node.disabled) return;
  if (b.confirm && !(await confirmDialog(str(b.confirm), labelOf(b), b.style === 'danger'))) return;
  node.disabled = true;
  try {
    await invokeAction(ctx, str(b.action), b.payload && typeof b.payload === 'object' && !Array.isArray(b.payload) ? b.payload : {});
  } finally {
    node.disabled = false;
  }
}

// A row's further actions behind a "⋯" button (a menu button in the WAI-ARIA sense): Enter, Space
// or ArrowDown open it on the first item, ArrowUp on the last; the arrows, Home and End move;
// Escape closes it and gives the focus back to the button; Tab or a click elsewhere closes it.
function actionMenu(label, buttons, ctx) {
  const id = nextId('vm-menu');
  const trigger = el('button', {
    type: 'button', class: 'button button-icon vm-menu-button', title: label, 'aria-label': label,
    'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': id,
  }, icon('more'));
  const list = el('ul', { class: 'menu-list vm-menu', role: 'menu', id, 'aria-label': label, hidden: true });
  const items = buttons.filter((b) => b && typeof b === 'object').map((b) => {
    const node = el('button', {
      type: 'button', role: 'menuitem', tabindex: '-1',
      class: 'menu-item' + (b.style === 'danger' ? ' menu-item-danger' : ''),
    }, el('span', { class: 'menu-icon' }, b.icon ? icon(b.icon) : null), el('span', {}, labelOf(b)));
    node.addEventListener('click', () => { close(true); runButton(b, ctx, trigger); });
    list.append(el('li', { role: 'none' }, node));
    return node;
  });
  const focusItem = (i) => items[(i + items.length) % items.length]?.focus();
  const outside = (e) => { if (!list.contains(e.target) && !trigger.contains(e.target)) close(false); };
  const onResize = () => close(false);
  function open(first) {
    list.hidden = false;
    trigger.setAttribute('aria-expanded', 'true');
    // Fixed, beside the button: the table scrolls sideways on narrow screens and would clip it.
    const r = trigger.getBoundingClientRect();
    const m = list.getBoundingClientRect();
    list.style.left = Math.max(8, Math.min(r.right - m.width, window.innerWidth - m.width - 8)) + 'px';
    list.style.top = (r.bottom + m.height + 4 > window.innerHeight ? Math.max(8, r.top - m.height - 4) : r.bottom + 4) + 'px';
    document.addEventListener('mousedown', outside, true);
    window.addEventListener('resize', onResize);
    focusItem(first ? 0 : -1);
  }
  function close(refocus) {
    if (list.hidden) return;
    list.hidden = true;
    trigger.setAttribute('aria-expanded', 'false');
    document.removeEventListener('mousedown', outside, true);
    window.removeEventListener('resize', onResize);
    if (refocus) trigger.focus();
  }
  trigger.addEventListener('click', () => (list.hidden ? open(true) : close(true)));
  trigger.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') { e.preventDefault(); open(e.key === 'ArrowDown'); }
  });
  list.addEventListener('keydown', (e) => {
    const i = items.indexOf(document.activeElement);
    const moves = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: -1 };
    if (e.key in moves) { e.preventDefault(); focusItem(moves[e.key]); }
    else if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); close(true); }
    else if (e.key === 'Tab') close(false);
  });
  return el('span', { class: 'vm-menu-wrap' }, trigger, list);
}

// A row's actions: all as buttons, or with `menu` the first `menu.after` as buttons and the rest
// in a menu labelled `menu.label`.
function rowActions(r, ctx) {
  const actions = Array.isArray(r.actions) ? r.actions : [];
  const menu = r.menu && typeof r.menu === 'object' ? r.menu : null;
  const shown = menu && Number.isInteger(menu.after) && menu.after >= 0 ? Math.min(menu.after, actions.length) : actions.length;
  return [actions.slice(0, shown).map((a) => actionButton(a, ctx)),
    shown < actions.length ? actionMenu(labelOf(menu) || t('vm.more'), actions.slice(shown), ctx) : null];
}

// A cell's `detail` (since 1.1: the whole of what its text sums up, such as a User-Agent string)
// is a disclosure: the text opens it with a click, Enter or Space, and a pointer's hover shows it.
function textWithDetail(cell) {
  const detail = typeof cell.detail === 'string' && cell.detail !== '' ? cell.detail : null;
  if (!detail) return el('span', {}, str(cell.text));
  return el('details', { class: 'vm-cell-detail' },
    el('summary', { title: detail }, str(cell.text)),
    el('code', { class: 'vm-cell-detail-text' }, detail));
}

function renderCell(cell) {
  if (cell === null || cell === undefined) return '';
  if (typeof cell !== 'object') return str(cell);
  const parts = [];
  if (cell.icon) parts.push(icon(cell.icon, cell.tooltip));
  if (cell.text !== undefined) parts.push(textWithDetail(cell));
  if (cell.badge !== undefined) parts.push(badge(cell.badge, cell.tone));
  if (cell.link && typeof cell.link === 'object') parts.push(link(cell.link));
  const span = el('span', { class: 'vm-cell' + (cell.muted ? ' muted' : ''), title: !cell.icon && cell.tooltip ? str(cell.tooltip) : null });
  parts.forEach((p, i) => { if (i) span.append(' '); span.append(p); });
  return span;
}

function table(e, ctx) {
  const columns = Array.isArray(e.columns) ? e.columns : [];
  const rows = Array.isArray(e.rows) ? e.rows : [];
  if (!rows.length) return el('p', { class: 'muted empty' }, str(e.empty || '—'));
  const hasActions = rows.some((r) => r && Array.isArray(r.actions) && r.actions.length);
  const head = el('thead', {}, el('tr', {}, columns.map((c) => el('th', { scope: 'col' }, labelOf(c))),
    hasActions ? el('th', { class: 'align-right', scope: 'col' }, '') : null));
  const body = el('tbody', {}, rows.filter((r) => r && typeof r === 'object').map((r) => {
    const cells = r.cells && typeof r.cells === 'object' ? r.cells : {};
    return el('tr', { dataset: r.id ? { rowId: str(r.id) } : undefined },
      columns.map((c) => {
        const cell = cells[c.id];
        // A link (with its copy button) or a badge keeps its width; only text may end in "…".
        const whole = cell && typeof cell === 'object' && (cell.link || cell.badge !== undefined);
        return el('td', { class: whole ? 'vm-td-whole' : null }, renderCell(cell));
      }),
      hasActions ? el('td', { class: 'align-right row-actions' }, rowActions(r, ctx)) : null);
  }));
  // Rows that put their actions in a menu want one line each: the host keeps cells on one line
  // and ends a text that does not fit in "…", with the whole text on hover.
  const compact = rows.some((r) => r && r.menu && typeof r.menu === 'object');
  const node = el('table', { class: 'data-table vm-table' + (compact ? ' vm-table-compact' : '') }, head, body);
  const wrap = el('div', { class: 'table-scroll' }, node);
  if (compact) {
    body.querySelectorAll('td:not(.row-actions):not(.vm-td-whole)').forEach((td) => { td.title = td.textContent.trim(); });
    fitWidth(wrap, node);
  }
  return wrap;
}

// Narrows the text cells of `table` step by step (--vm-cell-max, the widest a text cell may be)
// until the table fits its place, again whenever that place changes size: whole texts while
// there is room, "…" before sideways scrolling. Where even that is too wide (a phone), the last
// columns fold away one by one (never the first, nor the actions): a row with a `menu` is one line
// whose facts the plugin offers whole elsewhere (External Sharing: "Details").
function fitWidth(wrap, table) {
  const fits = () => wrap.scrollWidth <= wrap.clientWidth;
  const columnCount = table.tHead.rows[0].cells.length - (table.querySelector('td.row-actions') ? 1 : 0);
  const fold = (index, folded) => {
    for (const row of table.rows) row.cells[index]?.classList.toggle('vm-col-folded', folded);
  };
  const fit = () => {
    for (let i = 1; i < columnCount; i++) fold(i, false);
    for (let em = 16; em >= 5; em -= 0.25) {
      table.style.setProperty('--vm-cell-max', em + 'em');
      if (fits()) return;
    }
    for (let i = columnCount - 1; i >= 1 && !fits(); i--) fold(i, true);
  };
  let width = -1;
  new ResizeObserver(() => {
    if (wrap.clientWidth === width) return;
    width = wrap.clientWidth;
    fit();
  }).observe(wrap);
}

// ---- forms -------------------------------------------------------------------------------------

function form(vm, ctx) {
  const errors = vm.errors && typeof vm.errors === 'object' ? vm.errors : {};
  const node = el('form', { class: 'vm-form' });
  const fields = [];
  const formNotice = el('div', { class: 'form-notices' });
  node.append(formNotice);
  for (const f of Array.isArray(vm.fields) ? vm.fields : []) {
    if (!f || typeof f !== 'object' || typeof f.name !== 'string') continue;
    const renderer = FIELDS[f.type];
    if (!renderer) {
      console.warn('view model: unknown field type', f.type);
      continue;
    }
    const field = renderer(f, errors[f.name]);
    field.spec = f;
    node.append(field.element);
    fields.push(field);
  }
  // show_if: a field is visible only while another field's value is one of the listed ones.
  const byName = Object.fromEntries(fields.map((f) => [f.spec.name, f]));
  // An error for a field the form does not show (or for the whole form) goes on top, never lost.
  const elsewhere = Object.entries(errors).filter(([name]) => !byName[name] || name === '_form');
  if (elsewhere.length) formNotice.append(notice('error', elsewhere.map(([, m]) => str(m)).join(' ')));
  // value_if: until the user types into it, the field follows another field: when that one
  // changes, it shows the value listed for the new value (a default that depends on a choice).
  const followed = new Map();
  for (const f of fields) {
    const dep = f.spec.value_if;
    if (dep && typeof dep === 'object' && byName[dep.field] && dep.values && typeof dep.values === 'object' && f.set) {
      followed.set(f, String(byName[dep.field].read()));
    }
  }
  const applyConditions = () => {
    for (const [f, last] of followed) {
      const dep = f.spec.value_if;
      const now = String(byName[dep.field].read());
      if (now === last) continue;
      followed.set(f, now);
      const v = dep.values[now];
      if (v !== undefined && !f.touched()) f.set(str(v));
    }
    for (const f of fields) {
      const cond = f.spec.show_if;
      if (!cond || typeof cond !== 'object' || !byName[cond.field]) continue;
      const value = byName[cond.field].read();
      const visible = Array.isArray(cond.in) && cond.in.map(String).includes(String(value));
      f.element.hidden = !visible;
      f.element.querySelectorAll('input, select, textarea').forEach((i) => { i.disabled = !visible || !!f.spec.disabled || i.dataset.locked === 'true'; });
    }
  };
  node.addEventListener('change', applyConditions);
  node.addEventListener('input', applyConditions);
  applyConditions();
  const submitSpec = vm.submit && typeof vm.submit === 'object' ? vm.submit : {};
  const submit = el('button', { type: 'submit', class: 'button ' + (submitSpec.style === 'danger' ? 'button-danger' : 'button-primary') },
    str(labelOf(submitSpec) || 'OK'));
  const cancel = vm.cancel && ctx.dialog
    ? el('button', { type: 'button', class: 'button', onclick: () => ctx.dialog.requestClose() }, str(labelOf(vm.cancel) || t('dialog.cancel')))
    : null;
  node.append(el('div', { class: 'button-row form-buttons' }, cancel, submit));
  // A "field_errors" answer: each message beside its field, the rest on top of the form.
  const showFieldErrors = (errs) => {
    formNotice.replaceChildren();
    const rest = [];
    for (const f of fields) setFieldError(f, errs[f.spec.name]);
    for (const [name, message] of Object.entries(errs)) if (!byName[name] || name === '_form') rest.push(str(message));
    if (rest.length) formNotice.append(notice('error', rest.join(' ')));
    const first = node.querySelector('[aria-invalid="true"], .field-invalid input, .field-invalid textarea');
    if (first) first.focus();
  };
  // Closing a dialog whose form was changed asks first (Dialog.requestClose).
  const snapshot = () => JSON.stringify(fields.map((f) => f.read()));
  const initial = snapshot();
  if (ctx.dialog) ctx.dialog.guard = () => node.isConnected && snapshot() !== initial;
  let busy = false;
  node.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return; // a double click must not submit twice
    if (!node.reportValidity()) return;
    busy = true;
    submit.disabled = true;
    submit.classList.add('busy');
    const payload = {};
    if (vm.hidden && typeof vm.hidden === 'object') {
      for (const [k, v] of Object.entries(vm.hidden)) payload[k] = v;
    }
    for (const f of fields) payload[f.spec.name] = f.read();
    try {
      await invokeAction({ ...ctx, showFieldErrors }, str(vm.action), payload);
    } finally {
      busy = false;
      submit.disabled = false;
      submit.classList.remove('busy');
    }
  });
  return node;
}

function setFieldError(field, message) {
  const shell = field.element;
  shell.querySelectorAll(':scope > .field-error').forEach((n) => n.remove());
  shell.classList.toggle('field-invalid', !!message);
  const control = shell.querySelector('input, textarea, select');
  if (!message) { if (control) control.removeAttribute('aria-invalid'); return; }
  const id = (control && control.id ? control.id : nextId('f')) + '-error';
  shell.append(el('p', { class: 'field-error', id, role: 'alert' }, str(message)));
  if (control) {
    control.setAttribute('aria-invalid', 'true');
    const described = (control.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && x !== id);
    control.setAttribute('aria-describedby', [...described, id].join(' '));
  }
}

function fieldShell(f, id, control, error) {
  return el('div', { class: 'field' + (error ? ' field-invalid' : '') },
    el('label', { for: id, class: 'field-label' }, str(f.label), f.required ? el('span', { class: 'required', title: t('vm.required') }, ' *') : null),
    control,
    f.help ? el('p', { class: 'field-help', id: id + '-help' }, str(f.help)) : null,
    error ? el('p', { class: 'field-error', id: id + '-error', role: 'alert' }, str(error)) : null);
}

function describedBy(f, id, error) {
  return [f.help ? id + '-help' : null, error ? id + '-error' : null].filter(Boolean).join(' ') || null;
}

function textLike(inputType) {
  return (f, error) => {
    const id = nextId('f');
    const input = el(inputType === 'textarea' ? 'textarea' : 'input', {
      id, name: f.name, type: inputType === 'textarea' ? null : inputType,
      required: !!f.required, disabled: !!f.disabled, placeholder: f.placeholder ? str(f.placeholder) : null,
      maxlength: Number.isInteger(f.maxlength) ? f.maxlength : null,
      rows: inputType === 'textarea' ? (Number.isInteger(f.rows) ? f.rows : 4) : null,
      min: inputType === 'date' && f.min ? str(f.min) : null, max: inputType === 'date' && f.max ? str(f.max) : null,
      autocomplete: inputType === 'password' ? 'new-password' : (inputType === 'email' ? 'email' : null),
      'aria-invalid': error ? 'true' : null, 'aria-describedby': describedBy(f, id, error),
      class: 'input',
    });
    input.value = str(f.value);
    if (inputType === 'password') return passwordField(f, id, input, error);
    let typed = false;
    input.addEventListener('input', () => { typed = true; });
    return { element: fieldShell(f, id, input, error), read: () => input.value, set: (v) => { input.value = v; }, touched: () => typed };
  };
}

function generatePassword(length) {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_!?';
  const limit = 256 - (256 % alphabet.length); // rejection sampling: no bias
  const out = [];
  while (out.length < length) {
    const bytes = new Uint8Array(length * 2);
    crypto.getRandomValues(bytes);
    for (const b of bytes) if (b < limit && out.length < length) out.push(alphabet[b % alphabet.length]);
  }
  return out.join('');
}

function passwordField(f, id, input, error) {
  const buttons = [];
  let reveal = null;
  if (f.reveal) {
    reveal = el('button', { type: 'button', class: 'button button-small', 'aria-controls': id }, icon('eye'), ' ', t('vm.show'));
    reveal.addEventListener('click', () => {
      const show = input.type === 'password';
      input.type = show ? 'text' : 'password';
      reveal.replaceChildren(icon(show ? 'eye-off' : 'eye'), ' ', show ? t('vm.hide') : t('vm.show'));
    });
    buttons.push(reveal);
  }
  if (f.generator) {
    buttons.push(el('button', { type: 'button', class: 'button button-small', onclick: () => {
      input.value = generatePassword(16);
      if (reveal) { input.type = 'text'; reveal.replaceChildren(icon('eye-off'), ' ', t('vm.hide')); }
      input.dispatchEvent(new Event('input', { bubbles: true }));
    } }, icon('key'), ' ', t('vm.generate')));
  }
  const control = el('div', { class: 'input-group' }, input, buttons);
  return { element: fieldShell(f, id, control, error), read: () => input.value };
}

function checkboxField(f, error) {
  const id = nextId('f');
  const input = el('input', { id, type: 'checkbox', name: f.name, disabled: !!f.disabled, required: !!f.required, 'aria-describedby': describedBy(f, id, error) });
  input.checked = f.checked === true;
  const element = el('div', { class: 'field field-check' + (error ? ' field-invalid' : '') },
    el('label', { for: id, class: 'check-label' }, input, ' ', str(f.label)),
    f.help ? el('p', { class: 'field-help', id: id + '-help' }, str(f.help)) : null,
    error ? el('p', { class: 'field-error', id: id + '-error', role: 'alert' }, str(error)) : null);
  return { element, read: () => input.checked };
}

function radioField(f, error) {
  const name = nextId('r');
  const inputs = [];
  const choices = (Array.isArray(f.options) ? f.options : []).map((c) => {
    const id = nextId('f');
    const input = el('input', { id, type: 'radio', name, value: str(c.value), disabled: !!f.disabled, required: !!f.required });
    input.checked = f.value !== undefined && str(f.value) === str(c.value);
    inputs.push(input);
    return el('label', { for: id, class: 'choice' }, input, el('span', { class: 'choice-text' }, el('span', {}, str(c.label)),
      c.help ? el('span', { class: 'choice-description muted' }, str(c.help)) : null));
  });
  const element = el('fieldset', { class: 'field field-choices' + (error ? ' field-invalid' : '') },
    el('legend', { class: 'field-label' }, str(f.label), f.required ? el('span', { class: 'required' }, ' *') : null),
    choices,
    f.help ? el('p', { class: 'field-help' }, str(f.help)) : null,
    error ? el('p', { class: 'field-error', role: 'alert' }, str(error)) : null);
  return { element, read: () => { const c = inputs.find((i) => i.checked); return c ? c.value : ''; } };
}

// Items in groups, each group with a switch for the whole group and one toggle per item (for
// example: which journal entries and attachments a recipient sees).
function itemsField(f, error) {
  const readers = [];
  const groups = (Array.isArray(f.groups) ? f.groups : []).filter((g) => g && typeof g === 'object').map((g) => {
    const items = Array.isArray(g.items) ? g.items : [];
    const itemInputs = [];
    const rows = items.filter((i) => i && typeof i === 'object').map((item) => {
      const id = nextId('f');
      const input = el('input', { id, type: 'checkbox', class: 'switch', disabled: !!f.disabled, 'aria-label': str(item.label) });
      input.checked = item.checked === true;
      const state = el('span', { class: 'switch-state' }, input.checked ? t('vm.item.on') : t('vm.item.off'));
      const row = el('li', { class: 'item-row' + (input.checked ? '' : ' item-off') },
        el('label', { for: id, class: 'item-label' },
          el('span', { class: 'item-text' }, el('span', { class: 'item-title' }, str(item.label)),
            item.detail ? el('span', { class: 'item-detail muted' }, str(item.detail)) : null),
          item.badge ? badge(item.badge, 'neutral') : null),
        el('span', { class: 'item-toggle' }, state, input));
      input.addEventListener('change', () => {
        state.textContent = input.checked ? t('vm.item.on') : t('vm.item.off');
        row.classList.toggle('item-off', !input.checked);
      });
      itemInputs.push([str(item.id), input]);
      return row;
    });
    const list = el('ul', { class: 'item-list' }, rows);
    const id = nextId('f');
    const groupSwitch = el('input', { id, type: 'checkbox', class: 'switch', disabled: !!f.disabled });
    groupSwitch.checked = g.included !== false;
    const apply = () => {
      list.classList.toggle('section-off', !groupSwitch.checked);
      for (const [, input] of itemInputs) { input.disabled = !groupSwitch.checked || !!f.disabled; input.dataset.locked = String(!groupSwitch.checked); }
    };
    groupSwitch.addEventListener('change', apply);
    apply();
    readers.push(() => [str(g.name), { included: groupSwitch.checked, items: itemInputs.filter(([, i]) => i.checked).map(([itemId]) => itemId) }]);
    return el('fieldset', { class: 'item-section' },
      el('legend', { class: 'item-section-title' }, el('label', { for: id, class: 'check-label' }, groupSwitch, ' ', str(g.label))),
      items.length ? list : el('p', { class: 'muted empty' }, '—'));
  });
  const read = () => Object.fromEntries(readers.map((r) => r()));
  const folded = f.collapsed === true ? foldedItems(f, groups, read, !!error) : null;
  const element = el('div', { class: 'field field-items' + (error ? ' field-invalid' : '') },
    f.label ? el('div', { class: 'field-label' }, str(f.label)) : null,
    f.help ? el('p', { class: 'field-help' }, str(f.help)) : null,
    folded ? folded.nodes : groups,
    error ? el('p', { class: 'field-error', role: 'alert' }, str(error)) : null);
  if (folded) element.addEventListener('change', folded.update);
  return { element, read };
}

// `collapsed`: one line saying what is chosen (the groups' `summary` with "{checked}" filled in,
// a group switched off counting none) and a button that opens the list. A field with an error
// opens at once, so the user sees what the message is about.
function foldedItems(f, groups, read, open) {
  const specs = (Array.isArray(f.groups) ? f.groups : []).filter((g) => g && typeof g === 'object');
  const line = el('p', { class: 'items-summary', 'aria-live': 'polite' });
  const update = () => {
    const chosen = read();
    line.textContent = specs.filter((g) => typeof g.summary === 'string').map((g) => {
      const c = chosen[str(g.name)];
      return g.summary.replaceAll('{checked}', String(c && c.included ? c.items.length : 0));
    }).join(', ');
  };
  const id = nextId('f');
  const list = el('div', { id, class: 'items-folded', hidden: !open }, groups);
  const toggle = el('button', { type: 'button', class: 'button button-small items-expand', 'aria-expanded': String(open), 'aria-controls': id },
    str(f.expand_label || t('vm.items.expand')));
  toggle.addEventListener('click', () => {
    const show = list.hidden;
    list.hidden = !show;
    toggle.setAttribute('aria-expanded', String(show));
  });
  update();
  return { nodes: [el('div', { class: 'items-summary-row' }, line, toggle), list], update };
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
  items: itemsField,
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
  };
  function draw(vm) {
    content.replaceChildren(
      // Only nodes: replaceChildren() would turn null into the text "null".
      ...(vm.title ? [el('h2', { class: 'panel-title' }, str(vm.title))] : []),
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
