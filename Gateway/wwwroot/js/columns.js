// The columns a ranking widget can show: the row field, how it reads, and the formula its header's tooltip gives
// (docs/contracts/scanners.md). The feeds send 0 for a figure that is not known yet; `value` turns that into null so
// the cell shows a dash.
import { compact, isNum, known, percent, price, ratio, signedPrice } from './format.js';

const rank = (v) => (isNum(v) ? String(v) : '–');

/** Gap = official open against the previous close; before the open, the pre-market move (close against it). */
export function gapOf(row) {
  const prev = known(row.prev_day_close);
  if (prev === null) return { value: null, preMarket: false };
  const open = known(row.official_open_price);
  if (open !== null) return { value: (open - prev) / prev * 100, preMarket: false };
  const close = known(row.close);
  return { value: close === null ? null : (close - prev) / prev * 100, preMarket: true };
}

export const COLUMNS = [
  { key: 'rank', label: '#', format: rank, dir: 'asc', title: 'Rank in this scanner' },
  { key: 'symbol', label: 'Symbol', text: true, dir: 'asc', title: 'Ticker' },
  { key: 'close', label: 'Price', format: price, value: (r) => known(r.close), title: 'Last price (newest trade or bar close)' },
  { key: 'change', label: 'Chg', format: signedPrice, signed: true,
    value: (r) => (known(r.prev_day_close) === null || known(r.close) === null ? null : r.change),
    title: 'Change = last price − previous close' },
  { key: 'pct_change', label: 'Chg %', format: percent, signed: true,
    value: (r) => (known(r.prev_day_close) === null || known(r.close) === null ? null : r.pct_change),
    title: '% change = (last price − previous close) / previous close × 100' },
  { key: 'gap', label: 'Gap %', format: percent, signed: true, value: (r) => gapOf(r).value,
    note: (r) => (gapOf(r).preMarket && gapOf(r).value !== null ? 'PM' : ''),
    title: 'Gap = (official open − previous close) / previous close × 100; before the open (marked PM) the pre-market move: (last price − previous close) / previous close × 100' },
  { key: 'pct_change_since_open', label: 'Open %', format: percent, signed: true,
    value: (r) => (known(r.official_open_price) === null || known(r.close) === null ? null : r.pct_change_since_open),
    title: 'Change since the open = (last price − official open) / official open × 100 (none before 09:30)' },
  { key: 'accumulated_volume', label: 'Volume', format: compact, value: (r) => (isNum(r.accumulated_volume) ? r.accumulated_volume : null),
    title: 'Volume today (since 04:00 New York)' },
  { key: 'relative_volume', label: 'RVol', format: ratio, value: (r) => (known(r.avg_volume) === null ? null : r.relative_volume),
    title: 'Relative volume, whole day = volume today / average daily volume (last 30 sessions)' },
  { key: 'relative_volume_tod', label: 'RVol TOD', format: ratio,
    value: (r) => (known(r.avg_volume) === null || !isNum(r.relative_volume_tod) ? null : r.relative_volume_tod),
    title: 'Relative volume at time of day = volume today / (average daily volume × share of a day usually traded by now)' },
  { key: 'free_float', label: 'Float', format: compact, value: (r) => known(r.free_float), title: 'Free float (shares)' },
  { key: 'aggregate_vwap', label: 'VWAP', format: price, value: (r) => known(r.aggregate_vwap), title: 'VWAP today = Σ price × volume / Σ volume' },
];

/** A ranking's columns until the user picks others: its own key first, narrow enough for a third of 1366 pixels. */
export function defaultColumns(feed) {
  const moves = { 'scanners:top_gainers': ['pct_change_since_open', 'pct_change'], 'scanners:top_gappers': ['gap', 'pct_change'],
    'scanners:top_relative_volume': ['pct_change', 'relative_volume_tod'] }[feed] ?? ['pct_change'];
  return ['rank', 'symbol', 'close', ...moves, 'accumulated_volume', 'relative_volume', 'free_float'];
}

/** The cell value of a column for a row: null when unknown. */
export const cellValue = (col, row) => (col.text ? row[col.key] ?? null : col.value ? col.value(row) : row[col.key] ?? null);
