// The icon names of view-model version 1 (host-sdk/docs/view-model.md), drawn with Unicode so the
// host needs no icon font. An unknown name renders as nothing (view-model rule).
const ICONS = {
  share: '⤴', link: '🔗', lock: '🔒', unlock: '🔓', mail: '✉', sms: '💬', phone: '☎',
  trash: '🗑', plus: '＋', eye: '👁', 'eye-off': '◌', copy: '⧉', download: '⭳', clock: '🕓',
  check: '✓', warning: '⚠', error: '⛔', info: 'ℹ', calendar: '📅', external: '↗', key: '🔑',
  user: '👤', file: '📄', folder: '📁', refresh: '↻', close: '✕', edit: '✎', send: '➤',
  shield: '🛡', star: '★', settings: '⚙',
};

import { el } from './dom.js';

export function icon(name, tooltip) {
  if (!Object.prototype.hasOwnProperty.call(ICONS, name)) return null;
  return el('span', { class: 'icon icon-' + name, title: tooltip || null, 'aria-hidden': tooltip ? null : 'true', role: tooltip ? 'img' : null, 'aria-label': tooltip || null }, ICONS[name]);
}
