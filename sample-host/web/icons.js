// The icon names of view-model version 1 (host-sdk/docs/view-model.md), drawn with Unicode so the
// host needs no icon font. Unknown names fall back to a neutral dot.
const ICONS = {
  share: '⤴', link: '🔗', lock: '🔒', unlock: '🔓', mail: '✉', sms: '💬', phone: '☎',
  trash: '🗑', plus: '＋', eye: '👁', 'eye-off': '◌', copy: '⧉', download: '⭳', clock: '🕓',
  check: '✓', warning: '⚠', error: '⛔', info: 'ℹ', calendar: '📅', external: '↗', key: '🔑',
  user: '👤', file: '📄', folder: '📁', refresh: '↻', close: '✕', edit: '✎', send: '➤',
  shield: '🛡', star: '★',
};

import { el } from './dom.js';

export function icon(name, tooltip) {
  const glyph = ICONS[name] || '•';
  return el('span', { class: 'icon icon-' + (ICONS[name] ? name : 'unknown'), title: tooltip || null, 'aria-hidden': tooltip ? null : 'true', role: tooltip ? 'img' : null, 'aria-label': tooltip || null }, glyph);
}
