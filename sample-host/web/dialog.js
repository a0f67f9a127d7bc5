// Modal dialogs, confirmations and toasts — the host's own look for whatever a view model asks.
import { el } from './dom.js';
import { t } from './i18n.js';
import { icon } from './icons.js';

let openDialog = null;

export class Dialog {
  constructor(title, options = {}) {
    if (openDialog) openDialog.close();
    this.onClose = options.onClose || (() => {});
    this.titleNode = el('h2', { class: 'dialog-title', id: 'dialog-title' }, title || '');
    this.noticeArea = el('div', { class: 'dialog-notices' });
    this.body = el('div', { class: 'dialog-body' });
    // guard(): true while the dialog holds input that closing would throw away (a form sets it).
    this.guard = null;
    const closeButton = el('button', { type: 'button', class: 'icon-button', title: t('dialog.close'), 'aria-label': t('dialog.close'), onclick: () => this.requestClose() }, icon('close'));
    this.box = el('div', { class: 'dialog' + (options.wide ? ' dialog-wide' : ''), role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'dialog-title' },
      el('div', { class: 'dialog-header' }, this.titleNode, closeButton), this.noticeArea, this.body);
    this.promptArea = el('div', { class: 'dialog-prompt-area' });
    this.box.insertBefore(this.promptArea, this.noticeArea);
    this.overlay = el('div', { class: 'dialog-overlay', onmousedown: (e) => { if (e.target === this.overlay) this.requestClose(); } }, this.box);
    // Whoever had the focus gets it back on close (WAI-ARIA dialog pattern): the keyboard user
    // goes on where they were.
    this.opener = document.activeElement && document.activeElement !== document.body ? document.activeElement : null;
    this.keyHandler = (e) => {
      if (openDialog !== this) return;
      if (e.key === 'Tab') { this.keepFocusInside(e); return; }
      if (e.key !== 'Escape') return;
      e.preventDefault();
      // Escape on the question means "keep editing"; otherwise it asks before throwing input away.
      if (this.prompt) this.keepEditing(); else this.requestClose();
    };
    document.addEventListener('keydown', this.keyHandler);
    document.body.append(this.overlay);
    openDialog = this;
    this.closed = false;
  }

  // Modal means modal for the keyboard too: Tab from the last control goes to the first, Shift+Tab
  // from the first to the last, and a focus that got outside comes back in.
  keepFocusInside(e) {
    const stops = [...this.box.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
      .filter((n) => !n.disabled && n.tabIndex >= 0 && n.getClientRects().length > 0);
    if (!stops.length) return;
    const first = stops[0];
    const last = stops[stops.length - 1];
    const at = document.activeElement;
    if (!this.box.contains(at)) { e.preventDefault(); first.focus(); }
    else if (e.shiftKey && at === first) { e.preventDefault(); last.focus(); }
    else if (!e.shiftKey && at === last) { e.preventDefault(); first.focus(); }
  }

  setTitle(title) { this.titleNode.textContent = title || ''; }
  setWide(wide) { this.box.classList.toggle('dialog-wide', !!wide); }

  setContent(nodes) {
    this.keepEditing();
    this.noticeArea.replaceChildren();
    this.body.replaceChildren(...[nodes].flat());
    const first = this.body.querySelector('input:not([type=hidden]), select, textarea, button');
    if (first) first.focus();
  }

  showNotice(level, text) {
    this.noticeArea.replaceChildren(notice(level, text));
  }

  // Closing as the user asks for it (Escape, ✕, a click beside the dialog, "Cancel"): a dialog with
  // typed input asks first, in the dialog itself, focus on "Keep editing".
  requestClose() {
    if (this.closed) return;
    if (this.guard && this.guard()) { this.askDiscard(); return; }
    this.close();
  }

  askDiscard() {
    if (this.prompt) { this.prompt.querySelector('button').focus(); return; }
    this.returnFocus = document.activeElement;
    const keep = el('button', { type: 'button', class: 'button button-primary', onclick: () => this.keepEditing() }, t('dialog.keep_editing'));
    const discard = el('button', { type: 'button', class: 'button button-danger', onclick: () => this.close() }, t('dialog.discard'));
    this.prompt = el('div', { class: 'notice notice-warning discard-prompt', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'discard-text' },
      el('span', { id: 'discard-text' }, t('dialog.discard.text')), el('div', { class: 'button-row' }, keep, discard));
    this.promptArea.replaceChildren(this.prompt);
    keep.focus();
  }

  keepEditing() {
    if (!this.prompt) return;
    this.prompt = null;
    this.promptArea.replaceChildren();
    if (this.returnFocus && this.returnFocus.isConnected) this.returnFocus.focus();
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    document.removeEventListener('keydown', this.keyHandler);
    const focusWasInside = this.box.contains(document.activeElement) || document.activeElement === document.body;
    this.overlay.remove();
    if (openDialog === this) openDialog = null;
    if (focusWasInside) returnFocus(this.opener);
    this.onClose();
  }
}

// Focuses `node`, or when it was drawn anew meanwhile (a list reloaded behind the dialog) the node
// that now has its id.
function returnFocus(node) {
  if (!node) return;
  const target = node.isConnected ? node : (node.id ? document.getElementById(node.id) : null);
  if (target) target.focus();
}

export function notice(level, text, title) {
  const known = ['info', 'success', 'warning', 'error'];
  const lvl = known.includes(level) ? level : 'info';
  return el('div', { class: 'notice notice-' + lvl, role: lvl === 'error' ? 'alert' : 'status' },
    title ? el('strong', { class: 'notice-title' }, title) : null, el('span', {}, text || ''));
}

// Resolves true when the user confirms.
export function confirmDialog(text, confirmLabel, danger) {
  return new Promise((resolve) => {
    let answered = false;
    const dialog = new Dialog(t('dialog.confirm'), { onClose: () => { if (!answered) resolve(false); } });
    const ok = el('button', { type: 'button', class: 'button ' + (danger ? 'button-danger' : 'button-primary'), onclick: () => { answered = true; dialog.close(); resolve(true); } }, confirmLabel || t('dialog.confirm'));
    const cancel = el('button', { type: 'button', class: 'button', onclick: () => dialog.close() }, t('dialog.cancel'));
    dialog.setContent([el('p', { class: 'confirm-text' }, text), el('div', { class: 'button-row' }, cancel, ok)]);
    ok.focus();
  });
}

export function toast(level, text) {
  const area = document.getElementById('toasts');
  const node = notice(level, text);
  node.classList.add('toast');
  area.append(node);
  setTimeout(() => node.remove(), level === 'error' ? 8000 : 4000);
}
