// The icon names of view-model version 1 (host-sdk/docs/view-model.md §6), and the few the host
// uses itself, drawn as inline SVG: font glyphs such as "＋" or "⧉" are missing from some systems'
// fonts and showed as empty boxes. Strokes in currentColor, so an icon takes its text's colour.
// An unknown name renders as nothing (view-model rule).

const circle = (cx, cy, r) => `M${cx - r} ${cy}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
const rect = (x, y, w, h) => `M${x} ${y}h${w}v${h}h${-w}z`;

// Path data on a 24×24 grid.
const ICONS = {
  share: 'M12 3v12M7 8l5-5 5 5M5 14v6h14v-6',
  link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  lock: rect(5, 11, 14, 10) + 'M8 11V7a4 4 0 0 1 8 0v4',
  unlock: rect(5, 11, 14, 10) + 'M8 11V7a4 4 0 0 1 7.5-2',
  mail: rect(3, 5, 18, 14) + 'M3 7l9 6 9-6',
  sms: 'M4 5h16v11H9l-5 4z',
  phone: rect(7, 2, 10, 20) + 'M11 18h2',
  trash: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6',
  plus: 'M12 5v14M5 12h14',
  eye: 'M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12z' + circle(12, 12, 3),
  'eye-off': 'M3 3l18 18M10.6 6.1A10 10 0 0 1 12 6c6 0 10 6 10 6a17 17 0 0 1-3.2 3.8M6.6 6.6C3.9 8.4 2 12 2 12s4 7 10 7a9.7 9.7 0 0 0 5.4-1.6M9.9 9.9a3 3 0 0 0 4.2 4.2',
  copy: rect(9, 9, 11, 11) + 'M5 15V4h11',
  download: 'M12 3v12M7 10l5 5 5-5M5 20h14',
  clock: circle(12, 12, 9) + 'M12 7v5l3 2',
  check: 'M5 12l5 5 9-10',
  warning: 'M12 3l10 18H2zM12 10v5M12 18v.01',
  error: circle(12, 12, 9) + 'M9 9l6 6M15 9l-6 6',
  info: circle(12, 12, 9) + 'M12 11v6M12 7v.01',
  calendar: rect(3, 5, 18, 16) + 'M3 10h18M8 3v4M16 3v4',
  external: 'M14 4h6v6M20 4l-9 9M18 14v6H4V6h6',
  key: circle(7.5, 15.5, 4.5) + 'M11 12l9-9M16 7l3 3',
  user: circle(12, 8, 4) + 'M4 21a8 8 0 0 1 16 0',
  file: 'M6 3h8l4 4v14H6zM14 3v4h4',
  folder: 'M3 6h6l2 2h10v11H3z',
  refresh: 'M20 12a8 8 0 1 1-2.3-5.7M20 4v5h-5',
  close: 'M6 6l12 12M18 6L6 18',
  edit: 'M4 20h4L19 9l-4-4L4 16z',
  send: 'M3 11l18-8-8 18-2-8z',
  shield: 'M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z',
  star: 'M12 3l2.8 5.8 6.2.9-4.5 4.4 1 6.2-5.5-2.9-5.5 2.9 1-6.2L3 9.7l6.2-.9z',
  settings: circle(12, 12, 3) + 'M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9L7 7M17 17l2.1 2.1M4.9 19.1L7 17M17 7l2.1-2.1',
  more: circle(5, 12, 1) + circle(12, 12, 1) + circle(19, 12, 1),
};

const SVG = 'http://www.w3.org/2000/svg';

export function icon(name, tooltip) {
  if (!Object.prototype.hasOwnProperty.call(ICONS, name)) return null;
  const svg = document.createElementNS(SVG, 'svg');
  const attrs = {
    class: 'icon icon-' + name, viewBox: '0 0 24 24', width: '16', height: '16', fill: 'none',
    stroke: 'currentColor', 'stroke-width': '2', 'stroke-linecap': 'round', 'stroke-linejoin': 'round',
    focusable: 'false',
  };
  for (const [key, value] of Object.entries(attrs)) svg.setAttribute(key, value);
  // Decoration beside a text unless it carries a tooltip of its own: then it is the text.
  if (tooltip) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', tooltip);
    const title = document.createElementNS(SVG, 'title');
    title.textContent = tooltip;
    svg.append(title);
  } else {
    svg.setAttribute('aria-hidden', 'true');
  }
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}
