// Number and time formatting shared by every widget. Missing values render as an en dash, never as 0.

const DASH = '–';
const easternTime = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York', hour12: false, hour: '2-digit', minute: '2-digit', second: '2-digit',
});

export const isNum = (v) => typeof v === 'number' && Number.isFinite(v);

/** 1234 -> 1.2K, 1234567 -> 1.2M, 1.5e9 -> 1.50B (volumes and floats). */
export function compact(v) {
  if (!isNum(v)) return DASH;
  const a = Math.abs(v);
  if (a >= 1e9) return (v / 1e9).toFixed(2) + 'B';
  if (a >= 1e6) return (v / 1e6).toFixed(1) + 'M';
  if (a >= 1e3) return (v / 1e3).toFixed(1) + 'K';
  return String(Math.round(v));
}

/** Prices: 2 decimals, 4 for sub-dollar stocks where the cents matter. */
export function price(v) {
  if (!isNum(v)) return DASH;
  return Math.abs(v) < 1 && v !== 0 ? v.toFixed(4) : v.toFixed(2);
}

/** Changes in dollars: signed, to the cent ("+1.25", "-0.0400" under a dollar). */
export function signedPrice(v) {
  if (!isNum(v)) return DASH;
  return (v > 0 ? '+' : '') + price(v);
}

/** Percent changes: signed, two decimals ("+12.34%", "-150.20%"). */
export function percent(v) {
  if (!isNum(v)) return DASH;
  return (v > 0 ? '+' : '') + v.toFixed(2) + '%';
}

export function ratio(v) {
  if (!isNum(v)) return DASH;
  return v.toFixed(v >= 100 ? 0 : 1) + 'x';
}

/** Feed timestamps are Unix milliseconds (seconds and nanoseconds are tolerated). */
export function toMillis(ts) {
  if (!isNum(ts) || ts <= 0) return null;
  if (ts < 1e11) return ts * 1000;      // seconds
  if (ts > 1e15) return ts / 1e6;       // nanoseconds
  return ts;
}

/** A scanner row's market time: its newest event (last_event_timestamp), else its bar's end. */
export function eventMillis(row) {
  return toMillis(row?.last_event_timestamp) ?? toMillis(row?.end_timestamp);
}

/** A figure the feeds send as 0 while it is unknown (no previous close, no official open yet): null then. */
export const known = (v) => (isNum(v) && v !== 0 ? v : null);

export function clock(ts) {
  const ms = toMillis(ts);
  return ms === null ? DASH : easternTime.format(ms);
}

/** Elapsed time in the shortest readable unit: 850ms -> "0s", 75s -> "1m15s". */
export function age(ms) {
  if (!isNum(ms) || ms < 0) return DASH;
  const s = Math.floor(ms / 1000);
  if (s < 60) return s + 's';
  const m = Math.floor(s / 60);
  if (m < 60) return m + 'm' + String(s % 60).padStart(2, '0') + 's';
  return Math.floor(m / 60) + 'h' + String(m % 60).padStart(2, '0') + 'm';
}

/** Parses what a trader types in a filter box: "100K", "1.5M", "2B", "7". NaN when blank or invalid. */
export function parseAmount(text) {
  const m = /^\s*([0-9]*\.?[0-9]+)\s*([kmb]?)\s*$/i.exec(String(text ?? ''));
  if (!m) return NaN;
  const scale = { '': 1, k: 1e3, m: 1e6, b: 1e9 }[m[2].toLowerCase()];
  return parseFloat(m[1]) * scale;
}

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (v) => String(v ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** snake_case key -> "Snake case" label for fields the page does not know. */
export const humanize = (key) => String(key).replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
