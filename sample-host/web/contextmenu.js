// A context menu at the pointer: host items first, then items that arrive later (plugin actions).
import { el } from './dom.js';
import { icon } from './icons.js';
import { t } from './i18n.js';

let openMenu = null;
// What had the focus before the menu opened: it gets it back when the menu closes from inside
// (Escape, Tab, an item chosen), so a dialog an item opens knows where to return.
let opener = null;

export function closeContextMenu() {
  if (openMenu) {
    const focusWasInside = openMenu.contains(document.activeElement);
    openMenu.remove();
    if (focusWasInside && opener && opener.isConnected) opener.focus();
    opener = null;
    openMenu = null;
    document.removeEventListener('mousedown', outside, true);
    document.removeEventListener('keydown', onKey, true);
    window.removeEventListener('wheel', closeContextMenu, true);
    window.removeEventListener('resize', closeContextMenu);
  }
}

function outside(e) { if (openMenu && !openMenu.contains(e.target)) closeContextMenu(); }
function onKey(e) {
  if (!openMenu) return;
  if (e.key === 'Escape') { e.preventDefault(); closeContextMenu(); return; }
  if (e.key === 'Tab') { e.preventDefault(); closeContextMenu(); return; }
  const items = [...openMenu.querySelectorAll('button:not([disabled])')];
  const i = items.indexOf(document.activeElement);
  if (e.key === 'ArrowDown') { e.preventDefault(); items[(i + 1) % items.length]?.focus(); }
  if (e.key === 'ArrowUp') { e.preventDefault(); items[(i - 1 + items.length) % items.length]?.focus(); }
}

function item(entry) {
  return el('li', { role: 'none' }, el('button', {
    type: 'button', role: 'menuitem', class: 'menu-item' + (entry.danger ? ' menu-item-danger' : ''), disabled: !!entry.disabled,
    onclick: () => { closeContextMenu(); entry.run(); },
  }, el('span', { class: 'menu-icon' }, entry.icon ? icon(entry.icon) : null), el('span', {}, entry.title)));
}

// entries: [{title, icon, run, danger}]; later: a promise of {heading, entries} groups.
export function openContextMenu(x, y, label, entries, later) {
  closeContextMenu();
  opener = document.activeElement && document.activeElement !== document.body ? document.activeElement : null;
  const list = el('ul', { class: 'menu-list', role: 'menu', 'aria-label': label }, entries.map(item));
  const loading = el('li', { class: 'menu-loading muted', role: 'none' }, t('menu.loading'));
  if (later) list.append(loading);
  const menu = el('div', { class: 'context-menu' }, el('div', { class: 'menu-title' }, label), list);
  document.body.append(menu);
  const place = () => {
    const r = menu.getBoundingClientRect();
    menu.style.left = Math.min(x, window.innerWidth - r.width - 8) + 'px';
    menu.style.top = Math.min(y, window.innerHeight - r.height - 8) + 'px';
  };
  place();
  openMenu = menu;
  document.addEventListener('mousedown', outside, true);
  document.addEventListener('keydown', onKey, true);
  // Wheel and resize, not scroll: a programmatic scroll right before the click must not close it.
  window.addEventListener('wheel', closeContextMenu, true);
  window.addEventListener('resize', closeContextMenu);
  menu.querySelector('button')?.focus();
  if (later) {
    later.then((groups) => {
      if (openMenu !== menu) return;
      loading.remove();
      for (const group of groups) {
        if (!group.entries.length) continue;
        list.append(el('li', { role: 'separator', class: 'menu-separator' }));
        list.append(el('li', { role: 'none', class: 'menu-group' }, group.heading));
        group.entries.forEach((e) => list.append(item(e)));
      }
      place();
    }).catch(() => { loading.textContent = t('error.generic'); });
  }
}
