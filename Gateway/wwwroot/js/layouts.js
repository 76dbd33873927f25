// Named layouts: what the board shows, kept per user on the server (get_layouts / save_layouts, stored by the
// gateway as opaque JSON) so they follow the user to another browser. The shape (docs/contracts/client-protocol.md):
// { version: 1, current: name, layouts: { name: { widgets: [{ id, type, feed?, x, y, w, h, link, columns?, filters?, sound? }] } } }
import { defaultColumns } from './columns.js';
import { DEFAULT_FILTERS } from './filters.js';
import { LINK_GROUPS } from './link-bus.js';
import { clampSize } from './grid-layout.js';

const LAYOUT_VERSION = 1;
const DEFAULT_NAME = 'Default';
const WIDGET_TYPES = ['ranking', 'alerts', 'quote', 'chart', 'trades'];

/** The rankings and alert lists the page knows: feed -> title and, for rankings, the change column. */
export const RANKINGS = {
  'scanners:top_gainers': { title: 'Top Gainers', changeField: 'pct_change_since_open' },
  'scanners:top_gappers': { title: 'Top Gappers', changeField: 'pct_change' },
  'scanners:top_volume': { title: 'Top Volume', changeField: 'pct_change' },
  'scanners:top_losers': { title: 'Top Losers', changeField: 'pct_change' },
  'scanners:top_relative_volume': { title: 'Relative Volume', changeField: 'pct_change' },
};

/** An alert widget's `feed` may name several feeds joined by "+" (the HOD and LOD lists share one widget). */
export const ALERT_LISTS = {
  'scanners:halts': { title: 'Halts' },
  'scanners:momentum': { title: 'Momentum' },
  'daily_range_hod_alert+daily_range_lod_alert': { title: 'New Highs / Lows', tags: ['HOD', 'LOD'] },
};

const ranking = (feed, x, y) => ({ id: feed.slice('scanners:'.length), type: 'ranking', feed, x, y, w: 4, h: 3, link: 'red',
  columns: defaultColumns(feed), filters: { ...DEFAULT_FILTERS }, sound: { enabled: false, notify: false } });
const alerts = (id, feed, x, y, w) => ({ id, type: 'alerts', feed, x, y, w, h: 3, link: 'red', sound: { enabled: false, notify: false } });

/** A new user's layout: the chart, quote and time and sales of one link group, every ranking, every alert list. */
export function defaultLayout() {
  return {
    widgets: [
      { id: 'chart', type: 'chart', x: 0, y: 0, w: 6, h: 3, link: 'red' },
      { id: 'quote', type: 'quote', x: 6, y: 0, w: 3, h: 3, link: 'red' },
      { id: 'trades', type: 'trades', x: 9, y: 0, w: 3, h: 3, link: 'red' },
      ranking('scanners:top_gainers', 0, 3),
      ranking('scanners:top_gappers', 4, 3),
      ranking('scanners:top_volume', 8, 3),
      ranking('scanners:top_losers', 0, 6),
      ranking('scanners:top_relative_volume', 4, 6),
      alerts('halts', 'scanners:halts', 8, 6, 4),
      alerts('momentum', 'scanners:momentum', 0, 9, 6),
      alerts('hod_lod', 'daily_range_hod_alert+daily_range_lod_alert', 6, 9, 6),
    ],
  };
}

export const defaultLayouts = () => ({ version: LAYOUT_VERSION, current: DEFAULT_NAME, layouts: { [DEFAULT_NAME]: defaultLayout() } });

function normalizeWidget(w) {
  if (!w || typeof w !== 'object' || !WIDGET_TYPES.includes(w.type) || typeof w.id !== 'string' || !w.id) return null;
  if (w.type === 'ranking' && !(w.feed in RANKINGS)) return null;
  if (w.type === 'alerts' && !(w.feed in ALERT_LISTS)) return null;
  const out = { ...w, x: Number(w.x) || 0, y: Number(w.y) || 0, ...clampSize(w), link: LINK_GROUPS.includes(w.link) ? w.link : null };
  if (w.type === 'ranking') out.columns = Array.isArray(w.columns) && w.columns.length ? w.columns.filter((c) => typeof c === 'string') : defaultColumns(w.feed);
  return out;
}

/** Anything read from the server or a file, made safe to render: unknown widgets dropped, duplicates renamed. Null if unusable. */
export function normalizeLayouts(value) {
  if (!value || typeof value !== 'object' || !value.layouts || typeof value.layouts !== 'object') return null;
  const layouts = {};
  for (const [name, layout] of Object.entries(value.layouts)) {
    if (!name || !Array.isArray(layout?.widgets)) continue;
    const seen = new Set();
    const widgets = layout.widgets.map(normalizeWidget).filter((w) => w && !seen.has(w.id) && seen.add(w.id));
    layouts[name] = { widgets };
  }
  const names = Object.keys(layouts);
  if (names.length === 0) return null;
  return { version: LAYOUT_VERSION, current: names.includes(value.current) ? value.current : names[0], layouts };
}

/** One layout as a file a user can keep or give to someone: its name and widgets. */
export const exportLayout = (name, layout) => JSON.stringify({ version: LAYOUT_VERSION, name, layout }, null, 2);

/** Reads a layout file; throws an Error fit for the user when it is not one. */
export function importLayout(text) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('not a layout file (not JSON)');
  }
  const normalized = normalizeLayouts({ layouts: { [String(parsed?.name || 'Imported')]: parsed?.layout } });
  if (!normalized) throw new Error('not a layout file');
  const [name, layout] = Object.entries(normalized.layouts)[0];
  return { name, layout };
}

/** A free name: "Imported", "Imported 2", ... */
export function uniqueName(base, taken) {
  if (!(base in taken)) return base;
  for (let i = 2; ; i++) if (!(`${base} ${i}` in taken)) return `${base} ${i}`;
}
